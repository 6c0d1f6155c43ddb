import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { textContent } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import type { Message } from '../../domain/types';
import { collectOrphanBlobs, putBlob } from './blobs-repo';
import { createConversation } from './conversations-repo';
import { appendMessages } from './messages-repo';
import { db, PlaygroundDB, setDb } from './schema';

beforeEach(async () => {
  const d = new PlaygroundDB(`blobs-${Math.random()}`);
  await d.open();
  setDb(d);
});

const png = (bytes: number) => new Blob([new Uint8Array(bytes)], { type: 'image/png' });

describe('collecting unused files', () => {
  it('frees only what no message or draft uses, once past the grace time, in one go', async () => {
    const inMessage = await putBlob(png(10));
    const orphan = await putBlob(png(20));
    const inDraft = await putBlob(png(30));
    const fresh = await putBlob(png(40));
    const c = await createConversation(defaultRequestParams('m'), null);
    const user: Message = {
      id: 'u1',
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: [
        ...textContent('look'),
        { type: 'image', source: { kind: 'blob', blobId: inMessage, mimeType: 'image/png' }, detail: 'auto' },
      ],
      status: 'done',
      createdAt: 1,
      updatedAt: 1,
    };
    await appendMessages(c.id, [user], user.id);
    // Everything but `fresh` is an hour old.
    const now = Date.now();
    for (const id of [inMessage, orphan, inDraft]) await db().blobs.update(id, { createdAt: now - 3_600_000 });

    const freed = await collectOrphanBlobs(new Set([inDraft]), 10 * 60_000, now);
    expect(freed).toEqual({ count: 1, bytes: 20 });
    expect((await db().blobs.toArray()).map((b) => b.id).sort()).toEqual([inMessage, inDraft, fresh].sort());
    expect(await collectOrphanBlobs(new Set([inDraft]), 10 * 60_000, now)).toEqual({ count: 0, bytes: 0 });
  });
});
