import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { textContent } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { messagesAfter, messagesUpdatedAfter, putMessage } from './messages-repo';
import { PlaygroundDB, setDb } from './schema';

function message(id: string, updatedAt: number, conversationId = 'c1'): Message {
  return { id, conversationId, parentId: null, role: 'user', content: textContent(id), status: 'done', createdAt: 1, updatedAt };
}

beforeEach(async () => {
  const d = new PlaygroundDB(`test-${Math.random()}`);
  await d.open();
  setDb(d);
});

describe('messagesAfter', () => {
  it('reads every message in chunks, in id order', async () => {
    for (const id of ['e', 'a', 'd', 'b', 'c']) await putMessage(message(id, 1, id < 'c' ? 'c1' : 'c2'));
    const first = await messagesAfter(null, 2);
    expect(first.map((m) => m.id)).toEqual(['a', 'b']);
    const second = await messagesAfter('b', 2);
    expect(second.map((m) => m.id)).toEqual(['c', 'd']);
    const last = await messagesAfter('d', 2);
    expect(last.map((m) => m.id)).toEqual(['e']);
    expect(await messagesAfter('e', 2)).toEqual([]);
  });

  it('reads nothing from an empty database', async () => {
    expect(await messagesAfter(null, 10)).toEqual([]);
  });
});

describe('messagesUpdatedAfter', () => {
  it('reads the messages written after a time, from every conversation', async () => {
    await putMessage(message('old', 100));
    await putMessage(message('edge', 200, 'c2'));
    await putMessage(message('new', 300, 'c3'));
    expect((await messagesUpdatedAfter(199)).map((m) => m.id).sort()).toEqual(['edge', 'new']);
    expect((await messagesUpdatedAfter(200)).map((m) => m.id)).toEqual(['new']);
    expect(await messagesUpdatedAfter(300)).toEqual([]);
  });
});
