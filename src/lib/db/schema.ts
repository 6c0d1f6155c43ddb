import Dexie, { type EntityTable } from 'dexie';
import type { Conversation, Message } from '../../domain/types';

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

export const DB_NAME = 'chat-playground';

/**
 * Schema history. Each version lists only what changed; data upgrades go in `.upgrade()`
 * and get a test that opens a database written by the previous version.
 * v1: conversations, messages (tree by parentId), blobs, kv.
 * Endpoint profiles are small, synchronous-at-startup settings and live in localStorage instead.
 */
export class PlaygroundDB extends Dexie {
  conversations!: EntityTable<Conversation, 'id'>;
  messages!: EntityTable<Message, 'id'>;
  blobs!: EntityTable<BlobRow, 'id'>;
  kv!: EntityTable<KeyValueRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      conversations: 'id, updatedAt, pinned',
      messages: 'id, conversationId, [conversationId+createdAt], status',
      blobs: 'id',
      kv: 'key',
    });
  }
}

let instance: PlaygroundDB | null = null;

export function db(): PlaygroundDB {
  instance ??= new PlaygroundDB();
  return instance;
}

/** Tests and tools may swap the database (e.g. fake-indexeddb in Node). */
export function setDb(next: PlaygroundDB): void {
  instance = next;
}
