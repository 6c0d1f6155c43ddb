import type { Message } from '../../domain/types';
import { ReplyMeter } from '../../features/meter/ReplyMeter';
import { useTokenView } from './token-view-store';
import { lazy, Suspense } from 'react';
import { DroppedEventsChip, useDroppedDetails } from './DroppedEventsNote';

const DroppedEventsPanel = lazy(() => import('./DroppedEventsPanel'));

/** Finish reason, status, skipped events, and the reply's tokens, cost and speed (see ReplyMeter). */
export function MessageFooter({
  message,
  status,
  siblings,
  hasTokens = false,
  tokensShown = false,
}: {
  message: Message;
  status: Message['status'];
  siblings: readonly Message[];
  /** The reply has logprobs: offer its token view. */
  hasTokens?: boolean;
  tokensShown?: boolean;
}) {
  const toggleTokens = useTokenView((s) => s.toggle);
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
        {hasTokens ? (
          <button
            type="button"
            data-testid="token-view-toggle"
            aria-pressed={tokensShown}
            title={tokensShown ? 'Show the formatted reply' : 'Show the reply as tokens, tinted by probability, with their alternatives'}
            onClick={() => toggleTokens(message.id)}
            className={`ml-auto inline-flex h-6 items-center gap-1 rounded-md border px-2 text-[11.5px] font-medium ${
              tokensShown ? 'border-accent/60 bg-accent-soft text-accent' : 'border-line text-muted hover:border-accent hover:text-fg'
            }`}
          >
            <span aria-hidden="true" className="font-mono text-[10px]">
              ▦
            </span>
            Tokens
          </button>
        ) : null}
      </footer>
      {dropped && details.open ? (
        <Suspense fallback={null}>
          <DroppedEventsPanel dropped={dropped} id={details.panelId} />
        </Suspense>
      ) : null}
    </>
  );
}
