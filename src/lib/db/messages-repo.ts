import { sameWritten } from '../../domain/message-versions';
import { newestLeafFrom } from '../../domain/messages';
import type { Conversation, ConversationId, Message, MessageId } from '../../domain/types';
import { db } from './schema';
import { StaleEdit } from './stale-edit';

export async function listMessages(conversationId: ConversationId): Promise<Message[]> {
  return db().messages.where('[conversationId+createdAt]').between([conversationId, -Infinity], [conversationId, Infinity]).toArray();
}

/**
 * Adds messages and moves the conversation's current leaf, in one transaction; with `create`, the
 * conversation itself is added first (a first send writes everything at once).
 */
export async function appendMessages(
  conversationId: ConversationId,
  messages: Message[],
  leafId: MessageId,
  title?: string,
  create?: Conversation,
): Promise<void> {
  const d = db();
  await d.transaction('rw', d.messages, d.conversations, async () => {
    if (create) await d.conversations.add(create);
    await d.messages.bulkPut(messages);
    const patch: { currentLeafId: MessageId; updatedAt: number; title?: string } = { currentLeafId: leafId, updatedAt: Date.now() };
    if (title !== undefined) patch.title = title;
    await d.conversations.update(conversationId, patch);
  });
}

export async function getMessage(id: string): Promise<Message | undefined> {
  return db().messages.get(id);
}

/** Shows the branch through `messageId`: the current leaf moves to the newest leaf below it. */
export async function selectAlternative(conversationId: ConversationId, messageId: MessageId): Promise<void> {
  const d = db();
  await d.transaction('rw', d.messages, d.conversations, async () => {
    const all = await d.messages.where('conversationId').equals(conversationId).toArray();
    await d.conversations.update(conversationId, { currentLeafId: newestLeafFrom(all, messageId), updatedAt: Date.now() });
  });
}

export async function putMessage(message: Message): Promise<void> {
  await db().messages.put(message);
}

export async function updateMessage(id: string, patch: Partial<Omit<Message, 'id'>>): Promise<void> {
  await db().messages.update(id, { ...patch, updatedAt: Date.now() });
}

/** Up to `limit` messages in primary-key order, after the one with id `after` (from the start when null). */
export async function messagesAfter(after: string | null, limit: number): Promise<Message[]> {
  const table = db().messages;
  return (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(limit).toArray();
}

/** Messages written (or rewritten) after `time`, through the `updatedAt` index (schema v2). */
export async function messagesUpdatedAfter(time: number): Promise<Message[]> {
  return db().messages.where('updatedAt').above(time).toArray();
}

export async function streamingMessages(): Promise<Message[]> {
  return db().messages.where('status').equals('streaming').toArray();
}

/** Removes messages; when `leafId` is given the conversation's current leaf moves there. */
export async function deleteMessages(conversationId: ConversationId, ids: string[], leafId: MessageId | null | undefined): Promise<void> {
  const d = db();
  await d.transaction('rw', d.messages, d.conversations, async () => {
    if (ids.length > 0) await d.messages.bulkDelete(ids);
    if (leafId !== undefined) await d.conversations.update(conversationId, { currentLeafId: leafId, updatedAt: Date.now() });
  });
}

/**
 * Writes and deletes rows and moves the current leaf in one transaction (editor operations). With
 * `seen` (the rows the edit was computed from), nothing is written if one of the rows it rewrites
 * holds other text by now: StaleEdit is thrown, so a reorder never puts back an older text.
 */
export async function applyMessageEdit(
  conversationId: ConversationId,
  edit: { put: Message[]; remove: string[]; leafId: MessageId | null },
  title?: string,
  seen?: readonly Message[],
): Promise<void> {
  const d = db();
  await d.transaction('rw', d.messages, d.conversations, async () => {
    if (seen) {
      const byId = new Map(seen.map((m) => [m.id, m]));
      for (const row of edit.put) {
        const before = byId.get(row.id);
        if (!before) continue;
        const stored = await d.messages.get(row.id);
        if (!stored || !sameWritten(stored, before)) throw new StaleEdit();
      }
    }
    if (edit.remove.length > 0) await d.messages.bulkDelete(edit.remove);
    if (edit.put.length > 0) await d.messages.bulkPut(edit.put);
    const patch: { currentLeafId: MessageId | null; updatedAt: number; title?: string } = {
      currentLeafId: edit.leafId,
      updatedAt: Date.now(),
    };
    if (title !== undefined) patch.title = title;
    await d.conversations.update(conversationId, patch);
  });
}

/** Reads a message and writes `change(message)` back in one transaction. */
export async function modifyMessage(id: string, change: (m: Message) => Message): Promise<void> {
  const d = db();
  await d.transaction('rw', d.messages, async () => {
    const m = await d.messages.get(id);
    if (m) await d.messages.put({ ...change(m), updatedAt: Date.now() });
  });
}

export interface BilledSince {
  /** Finished assistant replies with usage whose request finished at or after the time. */
  replies: Message[];
  /** The endpoint profile each of their conversations ran against (null: none recorded). */
  endpointOf: Record<string, string | null>;
}

/**
 * The replies billed since `from` (by when their request finished), read through the `updatedAt`
 * index: a reply finished since then was written since then. The truth of the daily totals: every
 * tab reads the same rows, and a price corrected later re-prices them.
 */
export async function repliesBilledSince(from: number): Promise<BilledSince> {
  const d = db();
  const rows = await d.messages.where('updatedAt').aboveOrEqual(from).toArray();
  const replies = rows.filter(
    (m) => m.role === 'assistant' && m.usage && m.status !== 'streaming' && (m.timing?.finishedAt ?? m.createdAt) >= from,
  );
  const ids = [...new Set(replies.map((m) => m.conversationId))];
  const conversations = await d.conversations.bulkGet(ids);
  const endpointOf: Record<string, string | null> = {};
  ids.forEach((id, i) => (endpointOf[id] = conversations[i]?.endpointId ?? null));
  return { replies: replies.filter((m) => conversations[ids.indexOf(m.conversationId)] !== undefined), endpointOf };
}
