/**
 * A database written by a newer build is never opened for writing (health.ts), but what can be
 * read of it still is: conversations and messages whose rows have a shape this build knows are
 * copied into the in-memory database, so the person sees their conversations (changes in this tab
 * are not saved). Rows of an unknown shape are left out, never guessed at.
 */
import * as v from 'valibot';
import type { Conversation, Message } from '../../domain/types';
import { messageSchema } from '../codec/schema';
import { openExisting } from './native-reads';

const conversationRow = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  createdAt: v.number(),
  updatedAt: v.number(),
  currentLeafId: v.nullable(v.string()),
  params: v.looseObject({ model: v.string(), values: v.record(v.string(), v.unknown()), enabled: v.record(v.string(), v.unknown()) }),
});

export interface NewerRows {
  conversations: Conversation[];
  messages: Message[];
  /** Rows left out because their shape is not one this build knows. */
  skipped: number;
}

function getAll(idb: IDBDatabase, store: string): Promise<unknown[]> {
  if (!idb.objectStoreNames.contains(store)) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const req = idb.transaction(store, 'readonly').objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result as unknown[]);
    req.onerror = () => reject(req.error ?? new Error(`Reading ${store} failed`));
  });
}

/** The rows this build can read from the (newer) database `name`; it is opened as it is and closed again. */
export async function readNewerRows(factory: IDBFactory, name: string): Promise<NewerRows> {
  const idb = await openExisting(factory, name);
  if (!idb) return { conversations: [], messages: [], skipped: 0 };
  try {
    const [rawConversations, rawMessages] = await Promise.all([getAll(idb, 'conversations'), getAll(idb, 'messages')]);
    let skipped = 0;
    const conversations: Conversation[] = [];
    for (const raw of rawConversations) {
      if (v.is(conversationRow, raw)) conversations.push(raw as unknown as Conversation);
      else skipped++;
    }
    const known = new Set(conversations.map((c) => c.id));
    const messages: Message[] = [];
    for (const raw of rawMessages) {
      const conversationId = (raw as { conversationId?: unknown } | null)?.conversationId;
      const parsed = v.safeParse(messageSchema, raw);
      if (parsed.success && typeof conversationId === 'string' && known.has(conversationId)) {
        messages.push({ ...(parsed.output as unknown as Message), conversationId });
      } else skipped++;
    }
    return { conversations, messages, skipped };
  } finally {
    idb.close();
  }
}
