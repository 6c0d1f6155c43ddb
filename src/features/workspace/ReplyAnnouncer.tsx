import { asConversationId } from '../../domain/ids';
import type { ConversationId } from '../../domain/types';
import { useEffect, useState } from 'react';
import { useLiveRuns, type RunState } from '../generation/live-run-store';

const MAX_SPOKEN = 280;

/** What to say when a run ends: the reply's opening words, or why there is none. */
export function announcement(run: RunState, state: ReturnType<typeof useLiveRuns.getState>, conversationId: ConversationId): string {
  const error = state.errors[conversationId];
  const settled = run.messageIds.map((id) => state.settled[id]).filter((s) => s !== undefined);
  const first = settled[0];
  if (!first) return error ? `Request failed: ${error.message}` : 'Reply finished.';
  const text = first.choice.content.trim() || first.choice.refusal.trim();
  const lead = first.status === 'interrupted' ? 'Reply stopped' : first.status === 'error' ? 'Reply ended with an error' : 'Reply finished';
  const count = settled.length > 1 ? ` (${settled.length} choices)` : '';
  if (!text) return `${lead}${count}.`;
  return `${lead}${count}: ${text.length > MAX_SPOKEN ? `${text.slice(0, MAX_SPOKEN)}…` : text}`;
}

/**
 * A polite live region that speaks once per finished reply: the stream itself is never announced
 * token by token, which would drown a screen reader.
 */
export function ReplyAnnouncer() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    let clear: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useLiveRuns.subscribe((state, prev) => {
      for (const [id, run] of Object.entries(prev.runs)) {
        if (state.runs[id]) continue;
        setMessage(announcement(run, state, asConversationId(id)));
        clearTimeout(clear);
        // Empty the region afterwards so the same words can be announced again next time.
        clear = setTimeout(() => setMessage(''), 10_000);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(clear);
    };
  }, []);
  return (
    // data-keep-live: still heard while a phone drawer makes the rest of the page inert.
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="reply-announcer" data-keep-live className="sr-only">
      {message}
    </div>
  );
}
