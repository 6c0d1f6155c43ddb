import type { Message } from '../../domain/types';
import { ReplyMeter } from '../../features/meter/ReplyMeter';
import type { TextView } from '../../features/conversations/message-view-store';
import { lazy, Suspense } from 'react';
import { DroppedEventsChip, useDroppedDetails } from './DroppedEventsNote';

const DroppedEventsPanel = lazy(() => import('./DroppedEventsPanel'));
/** Rendered | Raw | Tokens, on replies here and on the other messages in their header (MessageView). */
export const TextViewSwitch = lazy(() => import('./TextViewSwitch'));

/** Finish reason, status, skipped events, and the reply's tokens, cost and speed (see ReplyMeter). */
export function MessageFooter({
  message,
  status,
  siblings,
  hasTokens = false,
  view = 'rendered',
}: {
  message: Message;
  status: Message['status'];
  siblings: readonly Message[];
  /** The reply has logprobs: offer its token view. */
  hasTokens?: boolean;
  view?: TextView;
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
        <span className="ml-auto">
          <Suspense fallback={null}>
            <TextViewSwitch messageId={message.id} view={view} hasTokens={hasTokens} />
          </Suspense>
        </span>
      </footer>
      {dropped && details.open ? (
        <Suspense fallback={null}>
          <DroppedEventsPanel dropped={dropped} id={details.panelId} />
        </Suspense>
      ) : null}
    </>
  );
}
