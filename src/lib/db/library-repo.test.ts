import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { textContent } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import type { Message } from '../../domain/types';
import { putBlob } from './blobs-repo';
import { createConversation, getConversation, renameConversation, updateConversation } from './conversations-repo';
import { readSummaries } from './library-list';
import {
  conversationSizes,
  duplicateConversation,
  removeBinaries,
  removeConversation,
  restoreConversation,
  setPinned,
  setTags,
} from './library-repo';
import { appendMessages, listMessages } from './messages-repo';
import { db, PlaygroundDB, setDb } from './schema';

let n = 0;
function message(conversationId: string, parentId: string | null, fields: Partial<Message> = {}): Message {
  n++;
  return {
    id: `m${n}`,
    conversationId,
    parentId,
    role: 'user',
    content: textContent(`text ${n}`),
    status: 'done',
    createdAt: n,
    updatedAt: n,
    ...fields,
  };
}

beforeEach(async () => {
  const d = new PlaygroundDB(`lib-${Math.random()}`);
  await d.open();
  setDb(d);
});

async function withTwoMessages(title: string) {
  const c = await createConversation(defaultRequestParams('m'), null);
  const u = message(c.id, null);
  const a = message(c.id, u.id, { role: 'assistant' });
  await appendMessages(c.id, [u, a], a.id, title);
  return { c: (await getConversation(c.id))!, u, a };
}

describe('library repository', () => {
  it('reads the list from indexes: newest first, with pins and tags', async () => {
    const one = await withTwoMessages('One');
    await new Promise((r) => setTimeout(r, 3));
    const two = await withTwoMessages('Two');
    await setPinned(one.c.id, true);
    await setTags(two.c.id, [' work ', 'ideas', 'work']);
    const list = await readSummaries();
    expect(list.map((c) => [c.title, c.pinnedAt !== undefined, c.tags ?? []])).toEqual([
      ['Two', false, ['ideas', 'work']],
      ['One', true, []],
    ]);
    expect((await readSummaries(1)).map((c) => c.title)).toEqual(['Two', 'One']); // pinned rows always come along
    await setPinned(one.c.id, false);
    expect((await getConversation(one.c.id))?.pinnedAt).toBeUndefined();
  });

  it('delete returns everything needed for Undo, and restore puts it back', async () => {
    const { c, u, a } = await withTwoMessages('Gone');
    const blobId = await putBlob(new Blob(['png bytes'], { type: 'image/png' }));
    const img = message(c.id, a.id, {
      content: [{ type: 'image', source: { kind: 'blob', blobId, mimeType: 'image/png' }, detail: 'auto' }],
    });
    await appendMessages(c.id, [img], img.id);
    const snapshot = await removeConversation(c.id);
    expect(await getConversation(c.id)).toBeUndefined();
    expect(await db().blobs.count()).toBe(0);
    await restoreConversation(snapshot!);
    expect((await listMessages(c.id)).map((m) => m.id)).toEqual([u.id, a.id, img.id]);
    expect(await db().blobs.get(blobId)).toBeDefined();
  });

  it('duplicates every branch with new ids and its own images', async () => {
    const { c, u, a } = await withTwoMessages('Original');
    const a2 = message(c.id, u.id, { role: 'assistant' });
    const blobId = await putBlob(new Blob(['x'], { type: 'image/png' }));
    const img = message(c.id, a2.id, {
      content: [{ type: 'image', source: { kind: 'blob', blobId, mimeType: 'image/png' }, detail: 'low' }],
    });
    await appendMessages(c.id, [a2, img], img.id);
    await setPinned(c.id, true);
    const copy = (await duplicateConversation(c.id))!;
    expect(copy.title).toBe('Original (copy)');
    expect(copy.pinnedAt).toBeUndefined();
    const copied = await listMessages(copy.id);
    expect(copied).toHaveLength(4);
    expect(copied.map((m) => m.id)).not.toContain(a.id);
    const leaf = copied.find((m) => m.id === copy.currentLeafId)!;
    expect(leaf.content[0]).toMatchObject({ type: 'image', detail: 'low' });
    const newBlob = leaf.content[0]!.type === 'image' && leaf.content[0]!.source.kind === 'blob' ? leaf.content[0]!.source.blobId : '';
    expect(newBlob).not.toBe(blobId);
    expect(await db().blobs.get(newBlob)).toBeDefined();
    // Deleting the original leaves the copy whole.
    await removeConversation(c.id);
    expect(await db().blobs.get(newBlob)).toBeDefined();
    expect(copied.find((m) => m.id === leaf.parentId)?.parentId).toBe(copied.find((m) => m.parentId === null)?.id);
  });

  it('a rename does not overwrite a title changed meanwhile elsewhere', async () => {
    const { c } = await withTwoMessages('Start');
    await updateConversation(c.id, { title: 'Changed in another tab' });
    expect(await renameConversation(c.id, 'Mine', 'Start')).toEqual({ ok: false, current: 'Changed in another tab' });
    expect((await getConversation(c.id))?.title).toBe('Changed in another tab');
    expect(await renameConversation(c.id, 'Mine')).toEqual({ ok: true });
    expect((await getConversation(c.id))?.title).toBe('Mine');
  });

  it('lists sizes biggest first and frees space by removing images', async () => {
    const small = await withTwoMessages('Small');
    const big = await withTwoMessages('Big');
    const blobId = await putBlob(new Blob([new Uint8Array(50_000)], { type: 'image/png' }));
    const img = message(big.c.id, big.a.id, {
      content: [{ type: 'image', source: { kind: 'blob', blobId, mimeType: 'image/png', name: 'cat.png' }, detail: 'auto' }],
    });
    await appendMessages(big.c.id, [img], img.id);
    const sizes = await conversationSizes();
    expect(sizes.map((s) => s.title)).toEqual(['Big', 'Small']);
    expect(sizes[0]).toMatchObject({ images: 1, imageBytes: 50_000, messages: 3 });
    expect(await removeBinaries(big.c.id)).toBe(1);
    expect(await db().blobs.count()).toBe(0);
    const after = await listMessages(big.c.id);
    expect(after.at(-1)?.content).toEqual(textContent('[image removed to free space: cat.png]'));
    expect(small.c.id).toBeTruthy();
  });
});
