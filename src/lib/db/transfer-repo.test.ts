import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../domain/types';
import { documentToJSON, encodeDocument } from '../codec/encode';
import { restore } from '../codec/restore';
import { PNG_BYTES, richBundle } from '../codec/test-fixtures';
import { PlaygroundDB, db, setDb } from './schema';
import { readForExport, writeRestored } from './transfer-repo';

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

  it('a newer copy of a message replaces the stored one; new branches are added', async () => {
    await seed('c1');
    const doc = JSON.parse(await backupText()) as { conversations: { updatedAt: number; messages: Message[] }[] };
    const conv = doc.conversations[0]!;
    conv.messages[2]!.content = [{ type: 'text', text: 'Edited elsewhere' }];
    conv.messages[2]!.updatedAt = 9999;
    conv.messages.push({ ...conv.messages[2]!, id: 'c1-a3', content: [{ type: 'text', text: 'New branch' }] });
    conv.updatedAt = 9999;
    const summary = await importText(JSON.stringify(doc));
    expect(summary).toMatchObject({ added: 0, updated: 1, messages: 2 });
    const messages = await db().messages.where('conversationId').equals('c1').toArray();
    expect(messages).toHaveLength(5);
    expect(messages.find((m) => m.id === 'c1-a1')?.content).toEqual([{ type: 'text', text: 'Edited elsewhere' }]);
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
