/**
 * Reading conversations out for export and writing restored ones in. Imports merge by id:
 * a conversation or message already stored is replaced only by a newer copy (updatedAt), blobs
 * are added when missing, and everything happens in one transaction: all or nothing.
 */
import type { Conversation, Message } from '../../domain/types';
import { blobIdsOf } from '../codec/encode';
import type { BlobData, ConversationBundle, ExportedEndpoint, Restored } from '../codec/format';
import { db, type BlobRow } from './schema';

export type EndpointOf = (conversation: Conversation) => ExportedEndpoint | null;

export interface Exported {
  bundles: ConversationBundle[];
  blobs: Map<string, BlobData>;
}

async function blobsFor(messages: readonly Message[]): Promise<Map<string, BlobData>> {
  const ids = blobIdsOf(messages);
  const rows = await db().blobs.bulkGet(ids);
  const out = new Map<string, BlobData>();
  for (const row of rows) {
    if (row) out.set(row.id, { mimeType: row.mimeType || row.blob.type, bytes: new Uint8Array(await row.blob.arrayBuffer()) });
  }
  return out;
}

/** The given conversations (all when `ids` is omitted) with every message and blob they use. */
export async function readForExport(endpointOf: EndpointOf, ids?: readonly string[]): Promise<Exported> {
  const d = db();
  const conversations = ids
    ? (await d.conversations.bulkGet([...ids])).filter((c): c is Conversation => c !== undefined)
    : await d.conversations.orderBy('updatedAt').reverse().toArray();
  const bundles: ConversationBundle[] = [];
  for (const conversation of conversations) {
    const messages = await d.messages
      .where('[conversationId+createdAt]')
      .between([conversation.id, -Infinity], [conversation.id, Infinity])
      .toArray();
    bundles.push({ conversation, messages, endpoint: endpointOf(conversation) });
  }
  return { bundles, blobs: await blobsFor(bundles.flatMap((b) => b.messages)) };
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  messages: number;
  conversationIds: string[];
}

export class ImportConflictError extends Error {}

export async function writeRestored(
  restored: Restored,
  endpointIdFor: (e: ExportedEndpoint | null) => string | null,
): Promise<ImportSummary> {
  const d = db();
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, messages: 0, conversationIds: [] };
  const now = Date.now();
  const blobRows: BlobRow[] = [...restored.blobs].map(([id, b]) => ({
    id,
    blob: new Blob([b.bytes as Uint8Array<ArrayBuffer>], { type: b.mimeType }),
    mimeType: b.mimeType,
    createdAt: now,
  }));
  const endpointIds = restored.conversations.map((b) => endpointIdFor(b.endpoint));
  await d.transaction('rw', d.conversations, d.messages, d.blobs, async () => {
    const present = new Set((await d.blobs.bulkGet(blobRows.map((r) => r.id))).filter((r) => r !== undefined).map((r) => r!.id));
    const missing = blobRows.filter((r) => !present.has(r.id));
    if (missing.length > 0) await d.blobs.bulkAdd(missing);
    for (const [i, bundle] of restored.conversations.entries()) {
      const incoming: Conversation = { ...bundle.conversation, endpointId: endpointIds[i] ?? null };
      const existing = await d.conversations.get(incoming.id);
      const stored = await d.messages.bulkGet(bundle.messages.map((m) => m.id));
      const writes: Message[] = [];
      for (const [j, m] of bundle.messages.entries()) {
        const old = stored[j];
        if (old && old.conversationId !== incoming.id)
          throw new ImportConflictError(`Message "${m.id}" already belongs to another conversation; nothing was imported.`);
        if (!old || m.updatedAt > old.updatedAt) writes.push(m);
      }
      if (writes.length > 0) await d.messages.bulkPut(writes);
      summary.messages += writes.length;
      summary.conversationIds.push(incoming.id);
      if (!existing) {
        await d.conversations.add(incoming);
        summary.added++;
      } else if (incoming.updatedAt > existing.updatedAt) {
        await d.conversations.put({ ...incoming, endpointId: incoming.endpointId ?? existing.endpointId });
        summary.updated++;
      } else if (writes.length > 0) summary.updated++;
      else summary.unchanged++;
    }
  });
  return summary;
}
