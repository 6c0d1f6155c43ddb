/**
 * Writes that never silently overwrite another tab's work on the same message. Each checks, in
 * the same transaction as the write, that the stored row still holds what this tab last saw of it
 * (see sameWritten): a row changed or deleted meanwhile is reported, not overwritten.
 */
import { leafAfterReply, sameWritten } from '../../domain/message-versions';
import type { ConversationId, Message, MessageId } from '../../domain/types';
import { db } from './schema';

export type GuardedWrite =
  { ok: true; row: Message } | { ok: false; reason: 'deleted' } | { ok: false; reason: 'changed'; current: Message };

/** `change(stored)` written only when the stored row still holds what `expected` holds (any row when `expected` is undefined). */
export async function modifyMessageIf(id: string, expected: Message | undefined, change: (m: Message) => Message): Promise<GuardedWrite> {
  const d = db();
  return d.transaction('rw', d.messages, async (): Promise<GuardedWrite> => {
    const stored = await d.messages.get(id);
    if (!stored) return { ok: false, reason: 'deleted' };
    if (expected && !sameWritten(stored, expected)) return { ok: false, reason: 'changed', current: stored };
    const row = { ...change(stored), updatedAt: Date.now() };
    await d.messages.put(row);
    return { ok: true, row };
  });
}

/**
 * Intermediate saves of streaming replies (every choice of a request at once): each row is written
 * only over the version this tab wrote last. One transaction for all of them, so the live queries
 * of every tab re-read once per save, not once per choice.
 */
export async function putMessagesIf(writes: readonly { row: Message; expected: Message }[]): Promise<GuardedWrite[]> {
  const d = db();
  return d.transaction('rw', d.messages, async (): Promise<GuardedWrite[]> => {
    const stored = await d.messages.bulkGet(writes.map((w) => w.row.id));
    const results = writes.map(({ row, expected }, i): GuardedWrite => {
      const current = stored[i];
      if (!current) return { ok: false, reason: 'deleted' };
      if (!sameWritten(current, expected)) return { ok: false, reason: 'changed', current };
      return { ok: true, row };
    });
    const rows = results.flatMap((r) => (r.ok ? [r.row] : []));
    if (rows.length > 0) await d.messages.bulkPut(rows);
    return results;
  });
}

/**
 * The final write of a run. A reply row edited or deleted meanwhile (in another tab) keeps that
 * version; the finished reply is written beside it under a new id (`asNewAlternative`). The current leaf moves
 * to the first reply, unless the path was already extended past it.
 */
export async function commitReplies(
  conversationId: ConversationId,
  rows: Message[],
  expected: ReadonlyMap<string, Message>,
  asNewAlternative: (row: Message) => Message,
): Promise<{ rows: Message[]; keptBeside: number }> {
  const d = db();
  return d.transaction('rw', d.messages, d.conversations, async () => {
    const out: Message[] = [];
    let keptBeside = 0;
    for (const row of rows) {
      const seen = expected.get(row.id);
      const stored = seen ? await d.messages.get(row.id) : undefined;
      if (seen && (!stored || !sameWritten(stored, seen))) {
        if (stored?.status === 'streaming') await d.messages.put({ ...stored, status: 'interrupted', updatedAt: Date.now() });
        out.push(asNewAlternative(row));
        keptBeside++;
      } else out.push(row);
    }
    await d.messages.bulkPut(out);
    const conversation = await d.conversations.get(conversationId);
    const parents = new Map<MessageId, MessageId | null>();
    let at = conversation?.currentLeafId ?? null;
    for (let i = 0; at && i < 10_000 && !parents.has(at); i++) {
      const m = await d.messages.get(at);
      parents.set(at, m?.parentId ?? null);
      at = m?.parentId ?? null;
    }
    const leaf = leafAfterReply(out[0]!.id, conversation?.currentLeafId ?? null, (id) => parents.get(id));
    await d.conversations.update(conversationId, { currentLeafId: leaf, updatedAt: Date.now() });
    return { rows: out, keptBeside };
  });
}

/**
 * Keeps a version of a message as a new message beside it (same parent when that still exists,
 * else after the current leaf) and makes it the current leaf.
 */
export async function insertCopy(conversationId: ConversationId, copy: Message): Promise<void> {
  const d = db();
  await d.transaction('rw', d.messages, d.conversations, async () => {
    const conversation = await d.conversations.get(conversationId);
    if (!conversation) return;
    const parentOk = copy.parentId === null || (await d.messages.get(copy.parentId)) !== undefined;
    const row = parentOk ? copy : { ...copy, parentId: conversation.currentLeafId };
    await d.messages.put(row);
    await d.conversations.update(conversationId, { currentLeafId: row.id, updatedAt: Date.now() });
  });
}
