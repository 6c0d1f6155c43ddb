import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Conversation, Message } from '../../domain/types';
import type { Grid, GridCell } from '../../domain/grid';
import { DB_NAME } from './names';

/** Binary parts (images, audio, files) live here, never as base64 inside message rows. */
export interface BlobRow {
  id: string;
  blob: Blob;
  mimeType: string;
  createdAt: number;
}

export interface KeyValueRow {
  key: string;
  value: unknown;
}

export { DB_NAME, SCHEMA_VERSION } from './names';

/** v1 rows as they were stored: `pinned` was a boolean, which IndexedDB cannot index. */
type V1Conversation = Omit<Conversation, 'pinnedAt'> & { pinned?: boolean; pinnedAt?: number };

/**
 * v1 → v2: pins become a timestamp (indexable, and pinned rows keep a stable order), tags are
 * always an array (multi-entry index for the tag filter), and every message has `updatedAt`
 * (indexed: the search index catches up on changes since it last looked, from any tab).
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<V1Conversation, string>('conversations')
    .toCollection()
    .modify((c) => {
      if (c.pinned === true && c.pinnedAt === undefined) c.pinnedAt = c.updatedAt;
      delete c.pinned;
      if (!Array.isArray(c.tags)) c.tags = [];
      if (typeof c.title !== 'string') c.title = String(c.title ?? 'Untitled');
    });
  await tx
    .table<Message, string>('messages')
    .toCollection()
    .modify((m) => {
      if (typeof m.updatedAt !== 'number') m.updatedAt = m.createdAt;
    });
}

/**
 * Schema history. Each version lists only what changed; data upgrades go in `.upgrade()`
 * and get a test that opens a database written by the previous version (schema.test.ts).
 * v1: conversations, messages (tree by parentId), blobs, kv.
 * v2: conversations by pinnedAt, tags and [updatedAt+title] (the sidebar reads only keys),
 *     messages by updatedAt (see upgradeToV2).
 * v3: the prompt grid: grids (one per conversation: test cases, columns) and gridCells (one per
 *     row × column, by conversation). New tables only: nothing to upgrade.
 * Endpoint profiles are small, synchronous-at-startup settings and live in localStorage instead
 * (`pg.endpoints`, see lib/storage/keys).
 */
export class PlaygroundDB extends Dexie {
  // Keyed by plain strings: any string may be looked up (an id from a URL, an import, another tab);
  // only what is stored carries the branded id types.
  conversations!: Table<Conversation, string>;
  messages!: Table<Message, string>;
  blobs!: EntityTable<BlobRow, 'id'>;
  kv!: EntityTable<KeyValueRow, 'key'>;
  grids!: Table<Grid, string>;
  gridCells!: Table<GridCell, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(V1_STORES);
    this.version(2)
      .stores({
        conversations: 'id, updatedAt, pinnedAt, *tags, [updatedAt+title]',
        messages: 'id, conversationId, [conversationId+createdAt], status, updatedAt',
      })
      .upgrade(upgradeToV2);
    this.version(3).stores(V3_STORES);
  }
}

/** The v1 schema, also used by tests to write a database as the previous build did. */
export const V1_STORES = {
  conversations: 'id, updatedAt, pinned',
  messages: 'id, conversationId, [conversationId+createdAt], status',
  blobs: 'id',
  kv: 'key',
} as const;

/** What v3 adds. */
export const V3_STORES = { grids: 'conversationId', gridCells: 'id, conversationId' } as const;

let instance: PlaygroundDB | null = null;

export function db(): PlaygroundDB {
  instance ??= new PlaygroundDB();
  return instance;
}

/** Tests and tools may swap the database (e.g. fake-indexeddb in Node, or memory mode). */
export function setDb(next: PlaygroundDB): void {
  instance = next;
}
