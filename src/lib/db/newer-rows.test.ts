import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { defaultRequestParams } from '../../domain/params';
import { readNewerRows } from './newer-rows';

/** A database at a version far above this build's, with the given rows (as a newer build might leave it). */
async function newerDatabase(factory: IDBFactory, rows: { conversations: unknown[]; messages: unknown[] }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = factory.open('newer', 990);
    req.onupgradeneeded = () => {
      const db = req.result;
      const cs = db.createObjectStore('conversations', { keyPath: 'id' });
      for (const c of rows.conversations) cs.put(c);
      const ms = db.createObjectStore('messages', { keyPath: 'id' });
      for (const m of rows.messages) ms.put(m);
      db.createObjectStore('somethingNew', { keyPath: 'id' });
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

const now = 1_700_000_000_000;
const conversation = (id: string) => ({
  id,
  title: `T ${id}`,
  createdAt: now,
  updatedAt: now,
  currentLeafId: null,
  params: defaultRequestParams('m'),
});
const message = (id: string, conversationId: string) => ({
  id,
  conversationId,
  parentId: null,
  role: 'user',
  content: [{ type: 'text', text: `text of ${id}` }],
  status: 'done',
  createdAt: now,
  updatedAt: now,
  aFieldFromTheFuture: true,
});

describe('readNewerRows', () => {
  it('reads the rows this build knows, leaves out the rest, and changes nothing', async () => {
    const factory = new IDBFactory();
    await newerDatabase(factory, {
      conversations: [
        conversation('c1'),
        { id: 'c2', title: 7 },
        { id: 'c3', title: 'no params', createdAt: now, updatedAt: now, currentLeafId: null },
      ],
      messages: [message('m1', 'c1'), message('m2', 'c2'), { id: 'm3', conversationId: 'c1', role: 'wizard' }],
    });
    const rows = await readNewerRows(factory, 'newer');
    expect(rows.conversations.map((c) => c.id)).toEqual(['c1']);
    expect(rows.messages.map((m) => [m.id, m.conversationId])).toEqual([['m1', 'c1']]);
    expect(rows.messages[0]).not.toHaveProperty('aFieldFromTheFuture');
    expect(rows.skipped).toBe(4);
    // Still the newer version, with its own store.
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open('newer');
      req.onsuccess = () => resolve(req.result);
    });
    expect(db.version).toBe(990);
    expect([...db.objectStoreNames]).toContain('somethingNew');
    db.close();
  });

  it('a database that is not there gives nothing and is not created', async () => {
    const factory = new IDBFactory();
    expect(await readNewerRows(factory, 'absent')).toEqual({ conversations: [], messages: [], skipped: 0 });
    expect((await factory.databases()).map((d) => d.name)).not.toContain('absent');
  });
});
