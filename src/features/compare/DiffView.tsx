import { useEffect, useState } from 'react';

type Part = { value: string; added?: boolean; removed?: boolean };

/** Word-level diff of `text` against `base`, in place: insertions marked, deletions struck. jsdiff loads on first use. */
export function DiffView({ base, text }: { base: string; text: string }) {
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
  if (!parts) return <div className="whitespace-pre-wrap text-[13.5px] text-muted">{text}</div>;
  return (
    <div data-testid="choice-diff" className="whitespace-pre-wrap break-words text-[13.5px] leading-relaxed">
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
