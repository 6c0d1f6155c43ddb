/**
 * Reading conversations out for export and writing restored ones in. An import never silently
 * replaces a conversation: one already stored as it is stays, one whose id is taken by different
 * content is kept beside it as a copy or replaces it as the person chose; blobs are added when
 * missing, never overwritten; everything happens in one transaction: all or nothing.
 */
import { cellId } from '../../domain/grid';
import { newConversationId, newId, newMessageId } from '../../domain/ids';
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
  /** Conversations whose id was taken by different content, imported beside it under new ids. */
  copied: number;
  messages: number;
  conversationIds: string[];
}

export class ImportConflictError extends Error {}

/**
 * What to do with an imported conversation whose id is already taken by different content: keep
 * both (the import gets new ids) or replace the stored one. Never decided silently: a file or link
 * crafted with a known id must not overwrite the person's own conversation.
 */
export type ConflictChoice = 'keep-both' | 'replace';

export interface ImportConflict {
  id: string;
  /** The stored conversation's title, and the imported one's. */
  storedTitle: string;
  importedTitle: string;
}

/** JSON with sorted keys: the same value read back from IndexedDB or a file compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The same conversation when its title, parameters and every imported message are already stored as they are. */
async function sameContent(bundle: ConversationBundle, existing: Conversation): Promise<boolean> {
  if (existing.title !== bundle.conversation.title || canonical(existing.params) !== canonical(bundle.conversation.params)) return false;
  const stored = await db().messages.bulkGet(bundle.messages.map((m) => m.id));
  return bundle.messages.every((m, i) => stored[i] !== undefined && canonical(stored[i]) === canonical(m));
}

/** The imported conversations whose id is already taken by different content: the person is asked about these. */
export async function findImportConflicts(restored: Restored): Promise<ImportConflict[]> {
  const d = db();
  const out: ImportConflict[] = [];
  const existing = await d.conversations.bulkGet(restored.conversations.map((b) => b.conversation.id));
  for (const [i, bundle] of restored.conversations.entries()) {
    const stored = existing[i];
    if (stored && !(await sameContent(bundle, stored)))
      out.push({ id: stored.id, storedTitle: stored.title, importedTitle: bundle.conversation.title });
  }
  return out;
}

/**
 * The bundle under new conversation, message and blob ids (parents and the current leaf follow):
 * the copy owns its blobs, so deleting either conversation never takes the other's images.
 */
function asCopy(bundle: ConversationBundle): { bundle: ConversationBundle; blobIds: Map<string, string> } {
  const conversationId = newConversationId();
  const ids = new Map(bundle.messages.map((m) => [m.id, newMessageId()]));
  const blobIds = new Map<string, string>();
  for (const m of bundle.messages) for (const b of blobIdsOf([m])) if (!blobIds.has(b)) blobIds.set(b, newId());
  const blob = (id: string) => blobIds.get(id) ?? id;
  const messages = bundle.messages.map((m) => ({
    ...m,
    id: ids.get(m.id)!,
    conversationId,
    parentId: m.parentId === null ? null : (ids.get(m.parentId) ?? null),
    content: m.content.map((p) =>
      p.type !== 'text' && p.source.kind === 'blob' ? { ...p, source: { ...p.source, blobId: blob(p.source.blobId) } } : p,
    ),
    ...(m.audio ? { audio: { ...m.audio, ...(m.audio.blobId ? { blobId: blob(m.audio.blobId) } : {}) } } : {}),
  }));
  const leaf = bundle.conversation.currentLeafId;
  const { pinnedAt: _notPinned, ...rest } = bundle.conversation;
  const conversation: Conversation = {
    ...rest,
    id: conversationId,
    title: `${bundle.conversation.title} (imported)`,
    currentLeafId: leaf === null ? null : (ids.get(leaf) ?? null),
  };
  return { bundle: { ...bundle, conversation, messages }, blobIds };
}

/** Rows are written a few MB at a time: each put is one task on the page's thread, and none of them may freeze it. */
const BATCH_BYTES = 2 * 1024 * 1024;
const BATCH_ROWS = 500;

/** About how much a message weighs when stored: its texts (the rest is small). */
function roughSize(m: Message): number {
  let n = 200 + (m.reasoning?.length ?? 0);
  for (const p of m.content) if (p.type === 'text') n += p.text.length;
  return n;
}

/** `rows` cut into runs of at most BATCH_BYTES (by `size`) or BATCH_ROWS rows. */
export function batches<T>(rows: readonly T[], size: (row: T) => number): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const n = size(row);
    if (run.length > 0 && (bytes + n > BATCH_BYTES || run.length >= BATCH_ROWS)) {
      out.push(run);
      run = [];
      bytes = 0;
    }
    run.push(row);
    bytes += n;
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** A conversation's grid from a backup, under the id the conversation was stored with (a copy's ids are new). */
async function writeGrid({ grid, cells }: NonNullable<ConversationBundle['grid']>, conversationId: string): Promise<void> {
  const d = db();
  await d.gridCells.where('conversationId').equals(conversationId).delete();
  await d.grids.put({ ...grid, conversationId });
  const rows = cells.map((c) => ({ ...c, conversationId, id: cellId(conversationId, c.rowId, c.configId) }));
  for (const batch of batches(rows, (c) => 200 + c.text.length)) await d.gridCells.bulkPut(batch);
}

/**
 * Writes restored conversations in one transaction (all or nothing). A conversation already
 * stored with the same content is left as it is; one whose id is taken by different content is
 * kept beside it as a copy (the default) or replaces it, as `onConflict` says.
 */
export async function writeRestored(
  restored: Restored,
  endpointIdFor: (e: ExportedEndpoint | null) => string | null,
  onConflict: ConflictChoice = 'keep-both',
): Promise<ImportSummary> {
  const d = db();
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, copied: 0, messages: 0, conversationIds: [] };
  const now = Date.now();
  const blobRows: BlobRow[] = [...restored.blobs].map(([id, b]) => ({
    id,
    blob: new Blob([b.bytes as Uint8Array<ArrayBuffer>], { type: b.mimeType }),
    mimeType: b.mimeType,
    createdAt: now,
  }));
  const endpointIds = restored.conversations.map((b) => endpointIdFor(b.endpoint));
  await d.transaction('rw', [d.conversations, d.messages, d.blobs, d.grids, d.gridCells], async () => {
    // Blobs are only ever added: a stored one is never overwritten by an imported one of the same id.
    const present = new Set((await d.blobs.bulkGet(blobRows.map((r) => r.id))).filter((r) => r !== undefined).map((r) => r!.id));
    const missing = blobRows.filter((r) => !present.has(r.id));
    for (const batch of batches(missing, (r) => r.blob.size)) await d.blobs.bulkAdd(batch);
    for (const [i, original] of restored.conversations.entries()) {
      const existing = await d.conversations.get(original.conversation.id);
      if (existing && (await sameContent(original, existing))) {
        summary.unchanged++;
        summary.conversationIds.push(existing.id);
        continue;
      }
      const copy = existing !== undefined && onConflict === 'keep-both';
      const copied = copy ? asCopy(original) : null;
      const bundle = copied?.bundle ?? original;
      if (copied) {
        const rows = blobRows.filter((r) => copied.blobIds.has(r.id)).map((r) => ({ ...r, id: copied.blobIds.get(r.id)! }));
        if (rows.length > 0) await d.blobs.bulkAdd(rows);
      }
      const incoming: Conversation = { ...bundle.conversation, endpointId: endpointIds[i] ?? existing?.endpointId ?? null };
      const stored = await d.messages.bulkGet(bundle.messages.map((m) => m.id));
      for (const [j, m] of bundle.messages.entries()) {
        const old = stored[j];
        if (old && old.conversationId !== incoming.id)
          throw new ImportConflictError(`Message "${m.id}" already belongs to another conversation; nothing was imported.`);
      }
      // Replace means replace: the stored branches the import does not have go too. A message that
      // changes is stamped now, so every view (which reuses rows by id and updatedAt) shows the new text.
      if (existing && !copy) await d.messages.where('conversationId').equals(existing.id).delete();
      const writes = bundle.messages.map((m, j) => {
        const old = stored[j];
        return old && canonical(old) !== canonical(m) ? { ...m, updatedAt: Math.max(m.updatedAt, old.updatedAt + 1, now) } : m;
      });
      for (const batch of batches(writes, roughSize)) await d.messages.bulkPut(batch);
      await d.conversations.put(incoming);
      if (bundle.grid) await writeGrid(bundle.grid, incoming.id);
      summary.messages += bundle.messages.length;
      summary.conversationIds.push(incoming.id);
      if (!existing) summary.added++;
      else if (copy) summary.copied++;
      else summary.updated++;
    }
  });
  return summary;
}
