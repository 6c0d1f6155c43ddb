import { expect, test, type Page } from '@playwright/test';

/** Raw IndexedDB helpers run in the page, for states the UI cannot produce by itself. */
export interface RawConversation {
  id: string;
  title: string;
  updatedAt: number;
  messages: { role: string; text: string }[];
  pinned?: boolean;
}

/** Writes rows into the app's existing database (the app opened it first), as another writer would. */
export async function putConversations(page: Page, list: RawConversation[], params: unknown): Promise<void> {
  await page.evaluate(
    async ({ list, params }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const q = indexedDB.open('chat-playground');
        q.onsuccess = () => res(q.result);
        q.onerror = () => rej(q.error);
      });
      const tx = db.transaction(['conversations', 'messages'], 'readwrite');
      for (const c of list) {
        let parent: string | null = null;
        c.messages.forEach((m, i) => {
          const id = `${c.id}-m${i}`;
          const at = c.updatedAt - (c.messages.length - i);
          tx.objectStore('messages').put({
            id,
            conversationId: c.id,
            parentId: parent,
            role: m.role,
            content: [{ type: 'text', text: m.text }],
            status: 'done',
            createdAt: at,
            updatedAt: at,
          });
          parent = id;
        });
        tx.objectStore('conversations').put({
          id: c.id,
          title: c.title,
          createdAt: c.updatedAt - 100,
          updatedAt: c.updatedAt,
          currentLeafId: parent,
          params,
          endpointId: 'reference',
          tags: [],
          ...(c.pinned ? { pinnedAt: c.updatedAt } : {}),
        });
      }
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    { list, params },
  );
}

/** Creates the database exactly as the v1 build did (Dexie version 1 = IndexedDB version 10), with rows. */
export async function writeV1Database(page: Page, list: RawConversation[], params: unknown): Promise<void> {
  await page.evaluate(
    async ({ list, params }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const q = indexedDB.open('chat-playground', 10);
        q.onupgradeneeded = () => {
          const d = q.result;
          const cs = d.createObjectStore('conversations', { keyPath: 'id' });
          cs.createIndex('updatedAt', 'updatedAt');
          cs.createIndex('pinned', 'pinned');
          const ms = d.createObjectStore('messages', { keyPath: 'id' });
          ms.createIndex('conversationId', 'conversationId');
          ms.createIndex('[conversationId+createdAt]', ['conversationId', 'createdAt']);
          ms.createIndex('status', 'status');
          d.createObjectStore('blobs', { keyPath: 'id' });
          d.createObjectStore('kv', { keyPath: 'key' });
        };
        q.onsuccess = () => res(q.result);
        q.onerror = () => rej(q.error);
      });
      const tx = db.transaction(['conversations', 'messages'], 'readwrite');
      for (const c of list) {
        let parent: string | null = null;
        c.messages.forEach((m, i) => {
          const id = `${c.id}-m${i}`;
          const at = c.updatedAt - (c.messages.length - i);
          tx.objectStore('messages').put({
            id,
            conversationId: c.id,
            parentId: parent,
            role: m.role,
            content: [{ type: 'text', text: m.text }],
            status: 'done',
            createdAt: at,
            updatedAt: at,
          });
          parent = id;
        });
        // v1 stored pins as a boolean.
        tx.objectStore('conversations').put({
          id: c.id,
          title: c.title,
          createdAt: c.updatedAt - 100,
          updatedAt: c.updatedAt,
          currentLeafId: parent,
          params,
          endpointId: 'reference',
          ...(c.pinned ? { pinned: true } : {}),
        });
      }
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    },
    { list, params },
  );
}

/** Opens a plain connection that, like an old build without a versionchange handler, does not let go. */
export async function holdDatabaseOpen(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res) => {
      const q = indexedDB.open('chat-playground');
      q.onsuccess = () => res(q.result);
    });
    (window as unknown as { __held: IDBDatabase }).__held = db;
  });
}

export async function releaseDatabase(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __held?: IDBDatabase }).__held?.close());
}

export async function databaseVersion(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    return dbs.find((d) => d.name === 'chat-playground')?.version ?? 0;
  });
}

/** The assistant replies as stored in IndexedDB (not as shown), oldest first. */
export async function storedReplies(page: Page): Promise<{ status: string; text: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const q = indexedDB.open('chat-playground');
      q.onsuccess = () => res(q.result);
      q.onerror = () => rej(q.error);
    });
    try {
      if (!db.objectStoreNames.contains('messages')) return [];
      const rows = await new Promise<{ role: string; status: string; createdAt: number; content: { type: string; text?: string }[] }[]>(
        (res, rej) => {
          const q = db.transaction('messages').objectStore('messages').getAll();
          q.onsuccess = () => res(q.result as never);
          q.onerror = () => rej(q.error);
        },
      );
      return rows
        .filter((r) => r.role === 'assistant')
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((r) => ({ status: r.status, text: r.content.map((p) => p.text ?? '').join('') }));
    } finally {
      db.close();
    }
  });
}

/**
 * Waits until a checkpoint of the streaming reply (the throttled save) holds at least `words` words,
 * instead of sleeping past the save interval: a reload or a kill after this keeps those words.
 */
export async function waitForCheckpoint(page: Page, words = 5): Promise<void> {
  await expect
    .poll(
      async () => {
        const last = (await storedReplies(page)).at(-1);
        return last?.status === 'streaming' ? last.text.split(/\s+/).filter(Boolean).length : 0;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(words);
}

/**
 * Gives the page's origin only `bytes` of storage. Chromium is asked through the DevTools protocol;
 * some builds (Debian's 150) accept the call but keep the real quota, and a quota test there would
 * only wait for a full disk. There `check()` makes IndexedDB refuse what would not fit instead:
 * a write whose row is larger than half of `bytes` throws QuotaExceededError, as a full disk
 * makes it throw. Either way the app meets the same error; the test's annotation says which.
 */
export async function overrideQuota(page: Page, bytes: number): Promise<{ check(): Promise<void>; reset(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url() === 'about:blank' ? (test.info().project.use.baseURL ?? '') : page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
  return {
    /** Once the page is on the origin. */
    async check() {
      const quota = await page.evaluate(async () => (await navigator.storage.estimate()).quota ?? 0);
      const applied = quota <= bytes;
      test.info().annotations.push({
        type: 'quota',
        description: applied ? `Chromium's quota override (${bytes} bytes)` : `simulated: this Chromium ignores the quota override`,
      });
      if (applied) return;
      await page.evaluate((limit) => {
        for (const method of ['put', 'add'] as const) {
          const original = IDBObjectStore.prototype[method];
          IDBObjectStore.prototype[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
            const size = value instanceof Blob ? value.size : (JSON.stringify(value ?? null)?.length ?? 0);
            if (size > limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return original.call(this, value, key);
          };
        }
      }, bytes / 2);
    },
    reset: () => cdp.send('Storage.overrideQuotaForOrigin', { origin }).then(() => undefined),
  };
}
