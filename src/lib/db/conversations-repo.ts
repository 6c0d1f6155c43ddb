import { newConversation } from '../../domain/factories';
import { sameValue } from '../../domain/params';
import type { Conversation, Message, RequestParams } from '../../domain/types';
import { db } from './schema';

export async function listConversations(): Promise<Conversation[]> {
  return db().conversations.orderBy('updatedAt').reverse().toArray();
}

export async function getConversation(id: string): Promise<Conversation | undefined> {
  return db().conversations.get(id);
}

export async function createConversation(params: RequestParams, endpointId: string | null): Promise<Conversation> {
  const conversation = newConversation(params, endpointId);
  await db().conversations.add(conversation);
  return conversation;
}

export async function updateConversation(id: string, patch: Partial<Omit<Conversation, 'id'>>): Promise<void> {
  await db().conversations.update(id, { ...patch, updatedAt: Date.now() });
}

/** Which endpoint profile the conversation runs against. Like a rename, it does not move it in the newest-first list. */
export async function setConversationEndpoint(id: string, endpointId: string): Promise<void> {
  await db().conversations.update(id, { endpointId });
}

/**
 * Renaming does not move the conversation in the newest-first list. With `expected` (the title
 * the person started from), a title changed meanwhile (e.g. in another tab) is not overwritten:
 * the result is 'conflict' and the current title is returned.
 */
export async function renameConversation(
  id: string,
  title: string,
  expected?: string,
): Promise<{ ok: true } | { ok: false; current: string }> {
  const d = db();
  return d.transaction('rw', d.conversations, async () => {
    const current = await d.conversations.get(id);
    if (!current) return { ok: true } as const;
    if (expected !== undefined && current.title !== expected && current.title !== title.trim())
      return { ok: false, current: current.title } as const;
    await d.conversations.update(id, { title: title.trim() || 'Untitled' });
    return { ok: true } as const;
  });
}

/** What saveParams did: saved, or not (`current` holds the stored parameters when they were someone else's). */
export type ParamsWrite = { saved: true } | { saved: false; current?: RequestParams };

/**
 * Writes a conversation's parameters (not an activity: it keeps its place in the newest-first
 * list). With `base` (the stored parameters the edit started from), nothing is written when the
 * stored ones are by now someone else's: neither `base`, `params` nor one of `ours` (what this tab
 * saved before); `current` then says what they are. A conversation that is gone is not written.
 */
export async function saveParams(
  id: string,
  params: RequestParams,
  base?: RequestParams,
  ours: readonly RequestParams[] = [],
): Promise<ParamsWrite> {
  const d = db();
  return d.transaction('rw', d.conversations, async (): Promise<ParamsWrite> => {
    const current = await d.conversations.get(id);
    if (!current) return { saved: false };
    if (base && ![base, params, ...ours].some((p) => sameValue(current.params, p))) return { saved: false, current: current.params };
    await d.conversations.update(id, { params });
    return { saved: true };
  });
}

/** Deletes the conversation, its messages and the blobs only they referenced, atomically. */
export async function deleteConversation(id: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.conversations, d.messages, d.blobs, async () => {
    const messages = await d.messages.where('conversationId').equals(id).toArray();
    const blobIds = messages.flatMap(blobIdsOf);
    await d.messages.where('conversationId').equals(id).delete();
    await d.conversations.delete(id);
    if (blobIds.length > 0) await d.blobs.bulkDelete(blobIds);
  });
}

export function blobIdsOf(m: Message): string[] {
  const ids: string[] = [];
  for (const part of m.content) {
    if (part.type !== 'text' && part.source.kind === 'blob') ids.push(part.source.blobId);
  }
  if (m.audio?.blobId) ids.push(m.audio.blobId);
  return ids;
}
