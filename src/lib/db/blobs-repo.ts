import { newId } from '../../domain/ids';
import type { Message } from '../../domain/types';
import { blobIdsOf } from './conversations-repo';
import { db, type BlobRow } from './schema';

export async function putBlob(blob: Blob): Promise<string> {
  const id = newId();
  await db().blobs.add({ id, blob, mimeType: blob.type, createdAt: Date.now() });
  return id;
}

/**
 * The binaries this tab read lately (images shown, files attached), as Blob handles: the browser
 * keeps a handed-out Blob readable after its database is deleted, so when site data is cleared
 * under the app the open conversation is saved again with its images (see restoreConversation).
 */
const recent = new Map<string, BlobRow>();
const RECENT_MAX = 300;

function remember(row: BlobRow): void {
  recent.delete(row.id);
  recent.set(row.id, row);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
}

/** The rows of `ids` this tab still holds in memory (see `recent`). */
export function rememberedBlobs(ids: readonly string[]): BlobRow[] {
  return ids.map((id) => recent.get(id)).filter((r): r is BlobRow => r !== undefined);
}

export async function getBlob(id: string): Promise<Blob | undefined> {
  const row = await db().blobs.get(id);
  if (row) remember(row);
  return row?.blob;
}

function blobToDataURL(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsDataURL(blob);
  });
}

/** Data URLs for every blob the messages refer to; encoded only when a request is built. */
export async function dataURLsFor(messages: readonly Message[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const m of messages) {
    for (const part of m.content) {
      if (part.type === 'text' || part.source.kind !== 'blob' || out.has(part.source.blobId)) continue;
      const blob = await getBlob(part.source.blobId);
      if (blob) out.set(part.source.blobId, await blobToDataURL(blob));
    }
  }
  return out;
}

export interface CollectedBlobs {
  count: number;
  bytes: number;
}

/**
 * Removes, in one transaction, the stored files no message refers to and `keep` (unsent drafts)
 * does not name, once older than `graceMs`: an attachment being added right now (stored before
 * the composer names it) is never taken. Returns what was freed.
 */
export async function collectOrphanBlobs(keep: ReadonlySet<string>, graceMs: number, now = Date.now()): Promise<CollectedBlobs> {
  const d = db();
  return d.transaction('rw', d.messages, d.blobs, async () => {
    const used = new Set(keep);
    await d.messages.each((m) => {
      for (const id of blobIdsOf(m)) used.add(id);
    });
    const orphans = await d.blobs.filter((b) => !used.has(b.id) && now - (b.createdAt ?? 0) >= graceMs).toArray();
    if (orphans.length > 0) await d.blobs.bulkDelete(orphans.map((b) => b.id));
    return { count: orphans.length, bytes: orphans.reduce((sum, b) => sum + (b.blob?.size ?? 0), 0) };
  });
}
