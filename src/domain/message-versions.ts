/**
 * Telling two versions of a message apart by what a person writes in it (role, name, text and
 * parts, reasoning, refusal, tool calls), ignoring what moves or is recounted without a person
 * (parent, status, usage, timing, updatedAt). Two tabs guard their writes with it: a row whose
 * written fields changed since this tab last saw it was changed by someone else.
 */
import type { MessageId } from './types';
import type { Message } from './types';

function written(m: Message): unknown[] {
  return [m.role, m.name ?? '', m.content, m.reasoning ?? '', m.refusal ?? '', m.toolCalls ?? [], m.toolCallId ?? ''];
}

export function sameWritten(a: Message, b: Message): boolean {
  if (a === b) return true;
  return JSON.stringify(written(a)) === JSON.stringify(written(b));
}

/** The leaf to keep when a run moves the current leaf to `replyId`: a deeper leaf grown from the reply (in another tab) stays. */
export function leafAfterReply(
  replyId: MessageId,
  currentLeafId: MessageId | null,
  parentOf: (id: MessageId) => MessageId | null | undefined,
): MessageId {
  let id = currentLeafId;
  for (let steps = 0; id && steps < 10_000; steps++) {
    if (id === replyId) return currentLeafId!;
    id = parentOf(id) ?? null;
  }
  return replyId;
}
