import { asConversationId } from '../../domain/ids';
import { summarize, type ConversationSummary } from '../../domain/library';
import type { Conversation, Message } from '../../domain/types';

/**
 * Reads straight from IndexedDB, without the database library: the sidebar's key-only list (both
 * at start-up, before Dexie has loaded, and inside its live query) and the open conversation at
 * start-up. They read the stores and indexes Dexie created (schema.ts), and change nothing.
 */

/**
 * Opens a database as it is, without creating it: when there is none, the upgrade request is
 * aborted, so nothing is written, and the answer is null. The caller closes what it gets.
 */
export function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    let created = false;
    req.onupgradeneeded = () => {
      created = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => (created ? resolve(null) : reject(req.error ?? new Error('indexedDB.open failed')));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('An IndexedDB read failed'));
  });
}

/** Walks a key cursor to its end (or until `step` returns false). */
function eachKey(req: IDBRequest<IDBCursor | null>, step: (cursor: IDBCursor) => boolean | void): Promise<void> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || step(cursor) === false) return resolve();
      cursor.continue();
    };
    req.onerror = () => reject(req.error ?? new Error('An IndexedDB read failed'));
  });
}

const conversations = (idb: IDBDatabase) => idb.transaction('conversations', 'readonly').objectStore('conversations');

/** One key cursor, newest first: id, title and time of each conversation without reading its row. */
async function titleKeys(idb: IDBDatabase, limit: number): Promise<ConversationSummary[]> {
  const rows: ConversationSummary[] = [];
  await eachKey(conversations(idb).index('[updatedAt+title]').openKeyCursor(null, 'prev'), (cursor) => {
    if (rows.length >= limit) return false;
    const [updatedAt, title] = cursor.key as [number, string];
    rows.push({ id: asConversationId(String(cursor.primaryKey)), title, updatedAt });
  });
  return rows;
}

/**
 * The sidebar list read from indexes only, never the rows: a key cursor over [updatedAt+title]
 * gives id, title and time of 10,000 conversations several times faster than reading the rows
 * (each carries its full parameter set). Pins and tags come from their own small indexes.
 * With `total` (the row count), rows missing from the title index (a non-string title written by
 * some other tool) make it fall back to reading every row. With a `limit`, pinned conversations
 * older than the first screen are added (the sidebar shows pins on top).
 */
export async function readSummaryKeys(idb: IDBDatabase, limit = Infinity, total?: number): Promise<ConversationSummary[]> {
  const rows = await titleKeys(idb, limit);
  if (!Number.isFinite(limit) && total !== undefined && rows.length !== total) {
    const all = await request(conversations(idb).index('updatedAt').getAll() as IDBRequest<Conversation[]>);
    return all.reverse().map(summarize);
  }
  const pins = new Map<string, number>();
  // No key range: the global IDBKeyRange does not fit the in-memory database used without IndexedDB.
  await eachKey(conversations(idb).index('pinnedAt').openKeyCursor(), (cursor) => {
    if (Number(cursor.key) > 0) pins.set(String(cursor.primaryKey), Number(cursor.key));
  });
  const tags = new Map<string, string[]>();
  await eachKey(conversations(idb).index('tags').openKeyCursor(), (cursor) => {
    const id = String(cursor.primaryKey);
    const list = tags.get(id);
    if (list) list.push(String(cursor.key));
    else tags.set(id, [String(cursor.key)]);
  });
  const out = rows.map((r) => {
    const pinnedAt = pins.get(r.id);
    const t = tags.get(r.id);
    return { ...r, ...(pinnedAt !== undefined ? { pinnedAt } : {}), ...(t ? { tags: t } : {}) };
  });
  if (Number.isFinite(limit)) {
    const have = new Set<string>(out.map((r) => r.id));
    const store = conversations(idb);
    const older = await Promise.all(
      [...pins.keys()].filter((id) => !have.has(id)).map((id) => request(store.get(id) as IDBRequest<Conversation | undefined>)),
    );
    out.push(...older.filter((c) => c !== undefined).map(summarize));
  }
  return out;
}

/** A conversation and all its messages (every branch), oldest first. Real IndexedDB only (a global key range). */
export async function readConversationRows(
  idb: IDBDatabase,
  id: string,
): Promise<{ conversation: Conversation | null; messages: Message[] }> {
  const tx = idb.transaction(['conversations', 'messages'], 'readonly');
  const [conversation, messages] = await Promise.all([
    request(tx.objectStore('conversations').get(id) as IDBRequest<Conversation | undefined>),
    request(
      tx
        .objectStore('messages')
        .index('[conversationId+createdAt]')
        .getAll(IDBKeyRange.bound([id, -Infinity], [id, Infinity])) as IDBRequest<Message[]>,
    ),
  ]);
  return { conversation: conversation ?? null, messages };
}
