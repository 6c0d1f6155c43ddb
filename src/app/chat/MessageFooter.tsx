import type { Message } from '../../domain/types';
import { ReplyMeter } from '../../features/meter/ReplyMeter';
import { DroppedEventsChip, DroppedEventsPanel, useDroppedDetails } from './DroppedEventsNote';

/** Finish reason, status, skipped events, and the reply's tokens, cost and speed (see ReplyMeter). */
export function MessageFooter({
  message,
  status,
  siblings,
}: {
  message: Message;
  status: Message['status'];
  siblings: readonly Message[];
}) {
  const sameRequest = message.requestId ? siblings.filter((s) => s.requestId === message.requestId) : [];
  const dropped = message.droppedEvents && message.droppedEvents.count > 0 ? message.droppedEvents : null;
  const details = useDroppedDetails();
  return (
    <>
      <footer data-testid="message-footer" className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px] text-faint">
        {message.finishReason ? (
          <span className={`rounded px-1.5 py-0.5 font-mono ${message.finishReason === 'stop' ? 'bg-sunken' : 'bg-warn-soft text-warn'}`}>
            finish: {message.finishReason}
          </span>
        ) : null}
        {status === 'interrupted' ? <span className="rounded bg-warn-soft px-1.5 py-0.5 text-warn">interrupted</span> : null}
        {status === 'error' ? <span className="rounded bg-danger-soft px-1.5 py-0.5 text-danger">error</span> : null}
        {dropped ? <DroppedEventsChip dropped={dropped} open={details.open} onToggle={details.toggle} panelId={details.panelId} /> : null}
        <ReplyMeter message={message} sameRequest={sameRequest} />
      </footer>
      {dropped && details.open ? <DroppedEventsPanel dropped={dropped} id={details.panelId} /> : null}
    </>
  );
}
