import { highlight } from '../../domain/library';

/** Text with the search terms marked; plain React text nodes, never HTML. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {highlight(text, terms).map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-warn-soft px-px text-fg ring-1 ring-warn/40">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
