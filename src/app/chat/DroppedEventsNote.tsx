import { useId, useState } from 'react';
import type { DroppedEvents } from '../../domain/types';

/**
 * A reply that went on past events it could not read says so: how many were skipped, and (on
 * click) their raw text, so "done" never hides that part of the answer may be missing.
 */
export function DroppedEventsChip({
  dropped,
  open,
  onToggle,
  panelId,
}: {
  dropped: DroppedEvents;
  open: boolean;
  onToggle: () => void;
  panelId: string;
}) {
  const events = dropped.count === 1 ? '1 event' : `${dropped.count.toLocaleString()} events`;
  return (
    <button
      type="button"
      data-testid="message-dropped-events"
      aria-expanded={open}
      aria-controls={panelId}
      title="The server sent data that is not valid JSON; the reply went on without it"
      className="rounded bg-warn-soft px-1.5 py-0.5 text-warn hover:underline focus-visible:outline-2 focus-visible:outline-accent"
      onClick={onToggle}
    >
      {events} dropped (not valid JSON)
    </button>
  );
}

/** The open/closed state shared by the chip (in the footer row) and the panel (below it). */
export function useDroppedDetails(): { open: boolean; toggle: () => void; panelId: string } {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return { open, toggle: () => setOpen((o) => !o), panelId };
}
