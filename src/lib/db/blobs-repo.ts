import { newId } from '../../domain/ids';
import type { Message } from '../../domain/types';
import { db } from './schema';

export async function putBlob(blob: Blob): Promise<string> {
  const id = newId();
  await db().blobs.add({ id, blob, mimeType: blob.type, createdAt: Date.now() });
  return id;
}

export async function getBlob(id: string): Promise<Blob | undefined> {
  return (await db().blobs.get(id))?.blob;
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
