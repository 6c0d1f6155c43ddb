// In-page seeding with the raw IndexedDB API, injected with addInitScript. The database must
// already exist (the app opened it once, so Dexie created the schema); rows follow
// src/domain/types.ts (Conversation, Message). Raw writes do not notify Dexie's live queries,
// so the harness reloads the page afterwards.
(() => {
  if (window.__benchSeed) return;
  const DB = 'chat-playground';

  const open = () =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(DB);
      req.onupgradeneeded = () => req.transaction.abort(); // not created by the app yet: refuse
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error || new Error('indexedDB.open failed'));
    });

  const exists = async () => {
    const list = indexedDB.databases ? await indexedDB.databases() : [];
    if (!list.some((d) => d.name === DB)) return false;
    const db = await open();
    const ok = db.objectStoreNames.contains('conversations') && db.objectStoreNames.contains('messages');
    db.close();
    return ok;
  };

  const put = async (conversations, messages) => {
    const db = await open();
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['conversations', 'messages'], 'readwrite');
      const cs = tx.objectStore('conversations');
      const ms = tx.objectStore('messages');
      for (const c of conversations) cs.put(c);
      for (const m of messages) ms.put(m);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('seed transaction aborted'));
    });
    db.close();
    return { conversations: conversations.length, messages: messages.length };
  };

  const text = (t) => [{ type: 'text', text: t }];
  const TOPICS = [
    'Rust lifetimes',
    'SQL window functions',
    'CSS grid layout',
    'Kubernetes probes',
    'Regex lookbehind',
    'React effects',
    'Tax return checklist',
    'Sourdough starter',
    'Trip to Lisbon',
    'Unit test names',
  ];

  /** `count` conversations of two messages; every `every`-th one mentions `word` (title and question). */
  const library = async ({ count, params, word, every, now }) => {
    const conversations = [];
    const messages = [];
    for (let i = 0; i < count; i++) {
      const id = `bench-lib-${i}`;
      const topic = TOPICS[i % TOPICS.length];
      const tagged = i % every === every - 1;
      const title = `${topic} #${i}${tagged ? ` ${word}` : ''}`;
      const at = now - i * 60_000;
      const base = { conversationId: id, status: 'done', createdAt: at - 1000, updatedAt: at - 1000 };
      messages.push({
        ...base,
        id: `${id}-u`,
        parentId: null,
        role: 'user',
        content: text(`Question about ${topic}${tagged ? ` and the ${word}` : ''}?`),
      });
      messages.push({
        ...base,
        id: `${id}-a`,
        parentId: `${id}-u`,
        role: 'assistant',
        content: text(`A short **answer** about ${topic}.`),
        model: 'ref-chat',
        finishReason: 'stop',
        createdAt: at,
        updatedAt: at,
      });
      conversations.push({ id, title, createdAt: at - 1000, updatedAt: at, currentLeafId: `${id}-a`, params, endpointId: 'reference' });
    }
    return put(conversations, messages);
  };

  /** Rows into any stores of the schema, e.g. `{ grids: [...], gridCells: [...] }`. */
  const putStores = async (rows) => {
    const db = await open();
    const names = Object.keys(rows);
    await new Promise((resolve, reject) => {
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) for (const row of rows[name]) tx.objectStore(name).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('seed transaction aborted'));
    });
    db.close();
  };

  window.__benchSeed = { exists, put, putStores, library };
})();
