import { useEffect, useState } from 'react';

type Part = { value: string; added?: boolean; removed?: boolean };

/**
 * Word-level diff of a cell against another column's, in place, marked as compare's diff marks
 * it (jsdiff's diffWordsWithSpace, loaded on first use). Not compare's component itself: widgets
 * never import each other, and a component shared through components/ became a chunk of its own,
 * whose name the first screen's preload map then carried.
 */
export function CellDiff({ base, text }: { base: string; text: string }) {
  const [parts, setParts] = useState<Part[] | null>(null);
  useEffect(() => {
    let live = true;
    void import('diff').then(({ diffWordsWithSpace }) => {
      if (live) setParts(diffWordsWithSpace(base, text));
    });
    return () => {
      live = false;
    };
  }, [base, text]);
  if (!parts) return <div className="whitespace-pre-wrap text-[13px] text-muted">{text}</div>;
  return (
    <div data-testid="grid-cell-diff" className="whitespace-pre-wrap break-words text-[13px] leading-relaxed">
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="rounded-sm bg-ok/20 text-fg no-underline">
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} className="rounded-sm bg-danger/15 text-muted">
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </div>
  );
}
