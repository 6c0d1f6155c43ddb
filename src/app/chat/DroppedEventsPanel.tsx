import type { DroppedEvents } from '../../domain/types';

/** The raw text of the events a reply skipped (loaded when the person opens it). */
export default function DroppedEventsPanel({ dropped, id }: { dropped: DroppedEvents; id: string }) {
  const hidden = dropped.count - dropped.samples.length;
  return (
    <div
      id={id}
      data-testid="dropped-events-details"
      className="mt-2 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-[12px] text-fg"
    >
      <p className="mb-1.5 text-warn">Parts of this reply may be missing: these events could not be read and were skipped.</p>
      <ol className="space-y-1">
        {dropped.samples.map((sample, i) => (
          <li key={i}>
            <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-sunken px-2 py-1 font-mono text-[11px]">
              {sample}
            </pre>
          </li>
        ))}
      </ol>
      {hidden > 0 ? <p className="mt-1 text-faint">…and {hidden.toLocaleString()} more.</p> : null}
    </div>
  );
}
