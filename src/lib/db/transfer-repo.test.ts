import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../domain/types';
import { documentToJSON, encodeDocument } from '../codec/encode';
import { restore } from '../codec/restore';
import { PNG_BYTES, richBundle } from '../codec/test-fixtures';
import { PlaygroundDB, db, setDb } from './schema';
import { findImportConflicts, readForExport, writeRestored } from './transfer-repo';

const endpointOf = (c: Conversation) =>
  c.endpointId === 'reference' ? { baseURL: 'http://x/v1', name: 'Ref', builtIn: 'reference' as const } : null;
const endpointIdFor = (e: { builtIn?: string } | null) => (e?.builtIn === 'reference' ? 'reference' : null);

async function seed(id: string): Promise<void> {
  const { bundle, blobs } = richBundle(id);
  const d = db();
  await d.conversations.add(bundle.conversation);
  await d.messages.bulkAdd(bundle.messages);
  for (const [blobId, b] of blobs)
    await d.blobs.add({
      id: blobId,
      blob: new Blob([b.bytes as Uint8Array<ArrayBuffer>], { type: b.mimeType }),
      mimeType: b.mimeType,
      createdAt: 1,
    });
}

async function snapshot() {
  const d = db();
  const conversations = await d.conversations.orderBy('id').toArray();
  const messages = await d.messages.orderBy('id').toArray();
  const blobs = await Promise.all(
    (await d.blobs.orderBy('id').toArray()).map(async (b) => ({
      id: b.id,
      mimeType: b.mimeType,
      bytes: new Uint8Array(await b.blob.arrayBuffer()),
    })),
  );
  return { conversations, messages, blobs };
}

async function backupText(): Promise<string> {
  const { bundles, blobs } = await readForExport(endpointOf);
  return documentToJSON(encodeDocument(bundles, blobs));
}

async function importText(text: string) {
  const result = restore(text);
  if (!result.ok) throw new Error(result.error.message);
  return writeRestored(result.value, endpointIdFor);
}

beforeEach(async () => {
  const d = new PlaygroundDB(`transfer-${Math.random()}`);
  await d.open();
  setDb(d);
});

describe('backup: export everything, import everything', () => {
  it('export all → wipe → import all gives back every conversation, message and image', async () => {
    await seed('c1');
    await seed('c2');
    const before = await snapshot();
    expect(before.messages).toHaveLength(8);
    const text = await backupText();
    await Promise.all([db().conversations.clear(), db().messages.clear(), db().blobs.clear()]);
    expect((await snapshot()).messages).toHaveLength(0);
    const summary = await importText(text);
    expect(summary).toMatchObject({ added: 2, updated: 0, unchanged: 0, messages: 8 });
    const after = await snapshot();
    expect(after.conversations).toEqual(before.conversations);
    expect(after.messages).toEqual(before.messages);
    expect(after.blobs.map((b) => b.bytes)).toEqual([PNG_BYTES, PNG_BYTES]);
    expect(after.blobs.map(({ id, mimeType }) => ({ id, mimeType }))).toEqual(before.blobs.map(({ id, mimeType }) => ({ id, mimeType })));
  });

  it('importing the same backup twice merges by id: no duplicates', async () => {
    await seed('c1');
    const text = await backupText();
    const summary = await importText(text);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 1, messages: 0 });
    const s = await snapshot();
    expect(s.conversations).toHaveLength(1);
    expect(s.messages).toHaveLength(4);
    expect(s.blobs).toHaveLength(1);
  });

  /** The stored c1 as a file, with one message rewritten and a branch added (as a crafted file would be). */
  async function craftedC1(): Promise<string> {
    const doc = JSON.parse(await backupText()) as { conversations: { updatedAt: number; messages: Message[] }[] };
    const conv = doc.conversations[0]!;
    conv.messages[2]!.content = [{ type: 'text', text: 'Edited elsewhere' }];
    conv.messages[2]!.updatedAt = 9999;
    conv.messages.push({ ...conv.messages[2]!, id: 'c1-a3', content: [{ type: 'text', text: 'New branch' }] });
    conv.updatedAt = 9999;
    return JSON.stringify(doc);
  }

  it('the same id with different content never replaces silently: it is listed as a conflict and kept beside as a copy', async () => {
    await seed('c1');
    const before = await snapshot();
    const restored = restore(await craftedC1());
    if (!restored.ok) throw new Error(restored.error.message);
    expect(await findImportConflicts(restored.value)).toEqual([
      { id: 'c1', storedTitle: 'Weather <b>test</b>', importedTitle: 'Weather <b>test</b>' },
    ]);
    const summary = await writeRestored(restored.value, endpointIdFor);
    expect(summary).toMatchObject({ added: 0, updated: 0, copied: 1, messages: 5 });
    const after = await snapshot();
    // The person's own conversation is exactly as it was.
    expect(after.conversations.find((c) => c.id === 'c1')).toEqual(before.conversations[0]);
    expect(after.messages.filter((m) => m.conversationId === 'c1')).toEqual(before.messages);
    // The copy has its own ids, its own blob, a tree that still holds together.
    const copy = after.conversations.find((c) => c.id !== 'c1')!;
    expect(summary.conversationIds).toEqual([copy.id]);
    expect(copy.title).toBe('Weather <b>test</b> (imported)');
    const copied = after.messages.filter((m) => m.conversationId === copy.id);
    expect(copied).toHaveLength(5);
    expect(copied.some((m) => before.messages.some((b) => b.id === m.id))).toBe(false);
    expect(copied.map((m) => m.parentId).filter((p) => p !== null && !copied.some((m) => m.id === p))).toEqual([]);
    expect(copied.some((m) => m.id === copy.currentLeafId)).toBe(true);
    expect(after.blobs).toHaveLength(2);
  });

  it('Replace, when chosen, puts the imported conversation in place of the stored one', async () => {
    await seed('c1');
    const restored = restore(await craftedC1());
    if (!restored.ok) throw new Error(restored.error.message);
    const summary = await writeRestored(restored.value, endpointIdFor, 'replace');
    expect(summary).toMatchObject({ added: 0, updated: 1, copied: 0, messages: 5 });
    const messages = await db().messages.where('conversationId').equals('c1').toArray();
    expect(messages).toHaveLength(5);
    expect(messages.find((m) => m.id === 'c1-a1')?.content).toEqual([{ type: 'text', text: 'Edited elsewhere' }]);
    expect(await db().conversations.count()).toBe(1);
  });

  it('an older copy of a stored conversation (a subset of its messages) is not a conflict', async () => {
    await seed('c1');
    const text = await backupText();
    await db().messages.add({ ...(await db().messages.get('c1-a1'))!, id: 'c1-later', createdAt: 50 });
    const restored = restore(text);
    if (!restored.ok) throw new Error(restored.error.message);
    expect(await findImportConflicts(restored.value)).toEqual([]);
    expect(await writeRestored(restored.value, endpointIdFor)).toMatchObject({ unchanged: 1, copied: 0 });
  });

  it('a conflicting file writes nothing at all', async () => {
    await seed('c1');
    const before = await snapshot();
    const { bundle, blobs } = richBundle('c9');
    // A message id that already belongs to another conversation: the transaction rolls back.
    bundle.messages[3] = { ...bundle.messages[3]!, id: 'c1-u' };
    bundle.conversation.currentLeafId = 'c1-u';
    const result = restore(documentToJSON(encodeDocument([bundle], new Map([...blobs, ['c9-img', blobs.get('c9-img')!]]))));
    if (!result.ok) throw new Error(result.error.message);
    await expect(writeRestored(result.value, endpointIdFor)).rejects.toThrow(/already belongs to another conversation/);
    expect(await snapshot()).toEqual(before);
  });
});
