import type { Grid, GridCell } from '../../domain/grid';
import { newConversationId, newId, newMessageId } from '../../domain/ids';
import type { Conversation, ConversationId, Message } from '../../domain/types';
import { blobIdsOf } from './conversations-repo';
import { rememberedBlobs } from './blobs-repo';
import { db, type BlobRow } from './schema';

/** Everything a deleted conversation was made of, so Undo can put it back exactly. */
export interface ConversationSnapshot {
  conversation: Conversation;
  messages: Message[];
  blobs: BlobRow[];
  /** Its prompt grid, when it has one (absent in snapshots taken before v3). */
  grid?: Grid;
  gridCells?: GridCell[];
}

/** Deletes a conversation, its messages and its blobs atomically, returning what was removed. */
export async function removeConversation(id: string): Promise<ConversationSnapshot | null> {
  const d = db();
  return d.transaction('rw', [d.conversations, d.messages, d.blobs, d.grids, d.gridCells], async () => {
    const conversation = await d.conversations.get(id);
    if (!conversation) return null;
    const messages = await d.messages.where('conversationId').equals(id).toArray();
    const blobIds = [...new Set(messages.flatMap(blobIdsOf))];
    const blobs = (await d.blobs.bulkGet(blobIds)).filter((b): b is BlobRow => b !== undefined);
    const grid = await d.grids.get(id);
    const gridCells = await d.gridCells.where('conversationId').equals(id).toArray();
    await d.messages.where('conversationId').equals(id).delete();
    await d.conversations.delete(id);
    if (blobIds.length > 0) await d.blobs.bulkDelete(blobIds);
    await d.grids.delete(id);
    await d.gridCells.where('conversationId').equals(id).delete();
    return { conversation, messages, blobs, ...(grid ? { grid, gridCells } : {}) };
  });
}

export async function restoreConversation(s: ConversationSnapshot): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.conversations, d.messages, d.blobs, d.grids, d.gridCells], async () => {
    if (s.blobs.length > 0) await d.blobs.bulkPut(s.blobs);
    // Images gone from the database (deleted under the app, or with the conversation in another
    // tab) come back from the ones this tab still holds.
    const given = new Set(s.blobs.map((b) => b.id));
    const wanted = [...new Set(s.messages.flatMap(blobIdsOf))].filter((id) => !given.has(id));
    const stored = await d.blobs.bulkGet(wanted);
    const back = rememberedBlobs(wanted.filter((_, i) => stored[i] === undefined));
    if (back.length > 0) await d.blobs.bulkPut(back);
    await d.messages.bulkPut(s.messages);
    await d.conversations.put(s.conversation);
    if (s.grid) await d.grids.put(s.grid);
    if (s.gridCells?.length) await d.gridCells.bulkPut(s.gridCells);
  });
}

/** Pinning does not move the conversation among the unpinned ones (updatedAt stays). */
export async function setPinned(id: string, pinned: boolean): Promise<void> {
  await db()
    .conversations.where('id')
    .equals(id)
    .modify((c) => {
      if (pinned) c.pinnedAt = Date.now();
      else delete c.pinnedAt;
    });
}

export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const t of tags) {
    const tag = t.trim().replace(/\s+/g, ' ').slice(0, 40);
    if (tag) seen.add(tag);
  }
  return [...seen].sort((a, b) => a.localeCompare(b));
}

export async function setTags(id: string, tags: readonly string[]): Promise<void> {
  await db().conversations.update(id, { tags: normalizeTags(tags) });
}

/** Every tag in use, for the filter. */
export async function allTags(): Promise<string[]> {
  return (await db().conversations.orderBy('tags').uniqueKeys()).map(String);
}

/**
 * A full copy (every branch, its own copies of images) as a new conversation on top of the list;
 * the copy's ids are new, so either can be edited or deleted without touching the other.
 */
export async function duplicateConversation(id: string): Promise<Conversation | null> {
  const d = db();
  return d.transaction('rw', d.conversations, d.messages, d.blobs, async () => {
    const source = await d.conversations.get(id);
    if (!source) return null;
    const messages = await d.messages.where('conversationId').equals(id).toArray();
    const now = Date.now();
    const copyId = newConversationId();
    const ids = new Map(messages.map((m) => [m.id, newMessageId()]));
    const blobIds = new Map<string, string>();
    for (const m of messages) for (const b of blobIdsOf(m)) if (!blobIds.has(b)) blobIds.set(b, newId());
    const blobs = (await d.blobs.bulkGet([...blobIds.keys()])).filter((b): b is BlobRow => b !== undefined);
    await d.blobs.bulkPut(blobs.map((b) => ({ ...b, id: blobIds.get(b.id)! })));
    const remapBlob = (blobId: string) => blobIds.get(blobId) ?? blobId;
    await d.messages.bulkPut(
      messages.map((m) => ({
        ...m,
        id: ids.get(m.id)!,
        conversationId: copyId,
        parentId: m.parentId === null ? null : (ids.get(m.parentId) ?? null),
        content: m.content.map((p) =>
          p.type !== 'text' && p.source.kind === 'blob' ? { ...p, source: { ...p.source, blobId: remapBlob(p.source.blobId) } } : p,
        ),
        ...(m.audio ? { audio: { ...m.audio, ...(m.audio.blobId ? { blobId: remapBlob(m.audio.blobId) } : {}) } } : {}),
      })),
    );
    const { pinnedAt: _notPinned, ...rest } = source;
    const copy: Conversation = {
      ...rest,
      id: copyId,
      title: `${source.title} (copy)`,
      createdAt: now,
      updatedAt: now,
      currentLeafId: source.currentLeafId === null ? null : (ids.get(source.currentLeafId) ?? null),
    };
    await d.conversations.add(copy);
    return copy;
  });
}

export interface ConversationSize {
  id: ConversationId;
  title: string;
  /** Bytes of message rows (as JSON text) plus the blobs they refer to. */
  bytes: number;
  imageBytes: number;
  images: number;
  messages: number;
}

/** Sizes of every conversation, biggest first (reads everything: only on request). */
export async function conversationSizes(): Promise<ConversationSize[]> {
  const d = db();
  const sizes = new Map<string, ConversationSize>();
  for (const c of await d.conversations.toArray())
    sizes.set(c.id, { id: c.id, title: c.title, bytes: JSON.stringify(c).length, imageBytes: 0, images: 0, messages: 0 });
  const blobSize = new Map<string, number>();
  await d.blobs.each((b) => void blobSize.set(b.id, b.blob.size));
  await d.messages.each((m) => {
    const s = sizes.get(m.conversationId);
    if (!s) return;
    s.messages++;
    s.bytes += JSON.stringify(m).length;
    for (const id of blobIdsOf(m)) {
      const n = blobSize.get(id) ?? 0;
      s.bytes += n;
      s.imageBytes += n;
      s.images++;
    }
  });
  return [...sizes.values()].sort((a, b) => b.bytes - a.bytes);
}

/** Frees space: the conversation's images and files become a short note saying what was there. */
export async function removeBinaries(conversationId: ConversationId): Promise<number> {
  const d = db();
  return d.transaction('rw', d.messages, d.blobs, async () => {
    const messages = await d.messages.where('conversationId').equals(conversationId).toArray();
    const gone: string[] = [];
    for (const m of messages) {
      const ids = blobIdsOf(m);
      if (ids.length === 0) continue;
      gone.push(...ids);
      const content = m.content.map((p) => {
        if (p.type === 'text' || p.source.kind !== 'blob') return p;
        const what = p.type === 'file' ? p.filename : (p.source.name ?? p.type);
        return { type: 'text' as const, text: `[${p.type} removed to free space: ${what}]` };
      });
      const { audio, ...rest } = m;
      await d.messages.put({
        ...rest,
        ...(audio ? { audio: { id: audio.id, transcript: audio.transcript } } : {}),
        content,
        updatedAt: Date.now(),
      });
    }
    await d.blobs.bulkDelete(gone);
    return gone.length;
  });
}
