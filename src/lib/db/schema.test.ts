import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { textContent } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import type { Message } from '../../domain/types';
import { emptyCell } from '../../domain/grid';
import { openDatabase, storageHealth } from './health';
import { db, PlaygroundDB, SCHEMA_VERSION, setDb, V1_STORES } from './schema';

function v1Message(i: number, conversationId: string, parentId: string | null): Message & { updatedAt: number } {
  return {
    id: `m${i}`,
    conversationId,
    parentId,
    role: i % 2 ? 'assistant' : 'user',
    content: textContent(`message ${i} ✓ ${'x'.repeat(i % 50)}`),
    status: 'done',
    createdAt: 1000 + i,
    updatedAt: 1000 + i,
  };
}

/** Writes a database exactly as the v1 build did. */
async function writeV1(name: string) {
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  const params = defaultRequestParams('ref-chat');
  const conversations = [
    { id: 'c1', title: 'Pinned one', createdAt: 1, updatedAt: 5, currentLeafId: 'm9', params, endpointId: null, pinned: true },
    { id: 'c2', title: 'Plain', createdAt: 2, updatedAt: 6, currentLeafId: 'm19', params, endpointId: null, tags: ['work'] },
  ];
  const messages: Message[] = [];
  for (let i = 0; i < 20; i++) messages.push(v1Message(i, i < 10 ? 'c1' : 'c2', i % 10 === 0 ? null : `m${i - 1}`));
  // A v1 row without updatedAt (older foundation builds wrote some); the upgrade fills it in.
  const { updatedAt: _drop, ...noUpdatedAt } = v1Message(20, 'c2', 'm19');
  await old.table('conversations').bulkPut(conversations);
  await old.table('messages').bulkPut([...messages, noUpdatedAt]);
  old.close();
  return { messages: [...messages, { ...noUpdatedAt, updatedAt: noUpdatedAt.createdAt }] };
}

describe('schema upgrades', () => {
  it('v1 → v2 keeps every message and turns pins and tags into indexable fields', async () => {
    const name = `v1-${Math.random()}`;
    const { messages } = await writeV1(name);
    const d = new PlaygroundDB(name);
    await d.open();
    expect(d.verno).toBe(SCHEMA_VERSION);
    const after = await d.messages.orderBy('id').toArray();
    expect(after.length).toBe(messages.length);
    for (const m of messages) expect(after.find((a) => a.id === m.id)).toEqual(m);
    const c1 = await d.conversations.get('c1');
    expect(c1?.pinnedAt).toBe(5);
    expect(c1).not.toHaveProperty('pinned');
    expect(c1?.tags).toEqual([]);
    expect(await d.conversations.where('tags').equals('work').primaryKeys()).toEqual(['c2']);
    expect(await d.conversations.where('pinnedAt').above(0).primaryKeys()).toEqual(['c1']);
    expect(await d.messages.where('updatedAt').aboveOrEqual(1020).primaryKeys()).toEqual(['m20']);
    d.close();
  });

  it('a database written by a newer build is refused and left untouched; the app runs in memory', async () => {
    const name = `newer-${Math.random()}`;
    const newer = new Dexie(name);
    newer.version(7).stores({ conversations: 'id', messages: 'id', future: 'id' });
    await newer.table('messages').put({ id: 'keep', text: 'from the future' });
    newer.close();

    setDb(new PlaygroundDB(name));
    await openDatabase();
    expect(storageHealth().problems).toContainEqual(expect.objectContaining({ kind: 'memory', reason: 'newer' }));
    // The app keeps working on a database of its own, in memory.
    await db().kv.put({ key: 'k', value: 1 });
    expect(await db().kv.get('k')).toEqual({ key: 'k', value: 1 });

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(7);
    expect(await again.table('messages').get('keep')).toEqual({ id: 'keep', text: 'from the future' });
    again.close();
  });
});

describe('v3: the prompt grid', () => {
  it('v2 → v3 keeps every conversation and message, and adds empty grid tables that store and read back', async () => {
    const name = `v2-${Math.random()}`;
    const { messages } = await writeV1(name);
    // Opened by the v2 build (versions 1 and 2 only), which ran the v1 → v2 upgrade.
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    old.version(2).stores({
      conversations: 'id, updatedAt, pinnedAt, *tags, [updatedAt+title]',
      messages: 'id, conversationId, [conversationId+createdAt], status, updatedAt',
    });
    await old.open();
    expect(old.verno).toBe(2);
    const conversationsBefore = await old.table('conversations').toArray();
    old.close();

    const d = new PlaygroundDB(name);
    await d.open();
    expect(d.verno).toBe(3);
    expect(await d.conversations.toArray()).toEqual(conversationsBefore);
    expect(await d.messages.count()).toBe(messages.length);
    expect(await d.grids.count()).toBe(0);
    const cell = { ...emptyCell('c1', 'r1', 'k1', 1), status: 'streaming' as const, text: 'half' };
    await d.grids.put({ conversationId: 'c1', rows: [{ id: 'r1', values: { city: 'Lyon' } }], configs: [], concurrency: 2, updatedAt: 1 });
    await d.gridCells.put(cell);
    expect(await d.gridCells.where('conversationId').equals('c1').toArray()).toEqual([cell]);
    d.close();
  });
});
