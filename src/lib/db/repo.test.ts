import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { pathToLeaf, textContent } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import type { Message } from '../../domain/types';
import { createConversation, deleteConversation, getConversation, listConversations, renameConversation } from './conversations-repo';
import { appendMessages, deleteMessages, listMessages, putMessage } from './messages-repo';
import { putMessagesIf } from './guarded-writes';
import { recoverInterruptedStreams } from './recovery';
import { PlaygroundDB, setDb } from './schema';

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
  const d = new PlaygroundDB(`test-${Math.random()}`);
  await d.open();
  setDb(d);
});

describe('conversation repository', () => {
  it('stores a conversation with its messages and current branch', async () => {
    const c = await createConversation(defaultRequestParams('ref-chat'), null);
    const a = message(c.id, null);
    const b = message(c.id, a.id, { role: 'assistant' });
    const b2 = message(c.id, a.id, { role: 'assistant' });
    await appendMessages(c.id, [a, b], b.id, 'Title');
    await appendMessages(c.id, [b2], b2.id);
    const saved = await getConversation(c.id);
    expect(saved?.title).toBe('Title');
    const all = await listMessages(c.id);
    expect(all.map((m) => m.id)).toEqual([a.id, b.id, b2.id]);
    expect(pathToLeaf(all, saved!.currentLeafId).map((m) => m.id)).toEqual([a.id, b2.id]);
  });

  it('lists newest first; renaming does not reorder', async () => {
    const first = await createConversation(defaultRequestParams('m'), null);
    await new Promise((r) => setTimeout(r, 5));
    const second = await createConversation(defaultRequestParams('m'), null);
    await renameConversation(first.id, '  Renamed  ');
    const list = await listConversations();
    expect(list.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(list[1]!.title).toBe('Renamed');
  });

  it('deletes a conversation with its messages and blobs, leaving others alone', async () => {
    const keep = await createConversation(defaultRequestParams('m'), null);
    const gone = await createConversation(defaultRequestParams('m'), null);
    await appendMessages(keep.id, [message(keep.id, null)], `m${n}`);
    await appendMessages(gone.id, [message(gone.id, null)], `m${n}`);
    await deleteConversation(gone.id);
    expect(await getConversation(gone.id)).toBeUndefined();
    expect(await listMessages(gone.id)).toEqual([]);
    expect(await listMessages(keep.id)).toHaveLength(1);
  });

  it('removing placeholder replies can move the leaf back', async () => {
    const c = await createConversation(defaultRequestParams('m'), null);
    const u = message(c.id, null);
    const p = message(c.id, u.id, { role: 'assistant', status: 'streaming' });
    await appendMessages(c.id, [u, p], p.id);
    await deleteMessages(c.id, [p.id], u.id);
    expect((await getConversation(c.id))?.currentLeafId).toBe(u.id);
    expect(await listMessages(c.id)).toHaveLength(1);
  });

  it('marks replies left streaming by a dead tab as interrupted, keeping their text', async () => {
    const c = await createConversation(defaultRequestParams('m'), null);
    const partial = message(c.id, null, { role: 'assistant', status: 'streaming', content: textContent('half an ans'), requestId: 'r1' });
    await putMessage(partial);
    expect(await recoverInterruptedStreams()).toBe(1);
    const [saved] = await listMessages(c.id);
    expect(saved?.status).toBe('interrupted');
    expect(saved?.content).toEqual(textContent('half an ans'));
    expect(saved?.error?.kind).toBe('interrupted');
  });

  it('saves streaming replies in one write, each only over the version this tab wrote last', async () => {
    const c = await createConversation(defaultRequestParams('m'), null);
    const u = message(c.id, null);
    const [a, b, gone] = [0, 1, 2].map((i) => message(c.id, u.id, { role: 'assistant', status: 'streaming', choiceIndex: i }));
    await appendMessages(c.id, [u, a!, b!, gone!], a!.id);
    // Another tab edited b and deleted `gone` meanwhile.
    const theirs = { ...b!, content: textContent('edited elsewhere'), updatedAt: 99 };
    await putMessage(theirs);
    await deleteMessages(c.id, [gone!.id], undefined);
    const next = (m: Message) => ({ ...m, content: textContent(`more of ${m.id}`) });
    const results = await putMessagesIf([a!, b!, gone!].map((m) => ({ row: next(m), expected: m })));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'changed', 'deleted']);
    const stored = new Map((await listMessages(c.id)).map((m) => [m.id, m]));
    expect(stored.get(a!.id)?.content).toEqual(textContent(`more of ${a!.id}`));
    expect(stored.get(b!.id)?.content).toEqual(textContent('edited elsewhere'));
    expect(stored.has(gone!.id)).toBe(false);
  });
});
