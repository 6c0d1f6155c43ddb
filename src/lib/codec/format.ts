/**
 * The app's conversation file format, version 2 (`.chat.json`). One format for a single
 * conversation, a share link and a full backup: a list of conversations plus their binary parts.
 *
 * ```jsonc
 * {
 *   "format": "chat-playground",      // always this string
 *   "version": 2,                      // bumped on incompatible changes; older versions are migrated
 *   "exportedAt": "2026-11-22T15:00:00.000Z",
 *   "conversations": [{
 *     "id", "title", "createdAt", "updatedAt",     // times in ms since the epoch
 *     "currentLeafId",                              // the branch shown: path from the root to this message
 *     "params": { "model", "values", "enabled", "extraBody" },   // the parameter panel, as RequestParams
 *     "endpoint": { "baseURL", "name", "builtIn"? } | null,      // never the key nor custom headers
 *     "pinned"?, "tags"?,
 *     "messages": [ /* every message of every branch: a Message without conversationId *\/ ]
 *   }],
 *   "blobs": { "<blobId>": { "mimeType", "name"?, "data": "<base64>" } },  // images, audio, files
 *   "settings"?: { "version": 1, "stores": { "<store>": { "state", "version" } } }   // backups only, see below
 * }
 * ```
 * A backup ("Export everything") adds, without changing the version (older builds ignore them):
 * `settings` (each persisted store's `{ state, version }` as the store saves it: endpoint profiles
 * without API keys or secret header values, parameter presets, price edits, compare and layout
 * settings; checked on import by the store's own schema and migration), and per conversation its
 * prompt grid: `"grid"?: { rows, configs, concurrency, updatedAt, cells: [{ rowId, configId, … }] }`.
 * ```
 * ```
 * Version 1 is the minimal linear form (no ids, no branches, images inline as URLs or data URLs):
 * `{ "format": "chat-playground", "version": 1, "title"?, "params"?, "endpoint"?,
 *    "messages": [{ "role", "content": "text" | [{ "type": "text", "text" } | { "type": "image", "url", "detail"? }] }] }`.
 * It is what a hand-written file can use; `migrations.ts` turns it into version 2.
 */
import type { Grid, GridCell } from '../../domain/grid';
import type { Conversation, Message } from '../../domain/types';

export const FORMAT = 'chat-playground';
export const CURRENT_VERSION = 2;
export const FILE_EXTENSION = '.chat.json';

export interface ExportedEndpoint {
  baseURL: string;
  name: string;
  /** The endpoint that ships with the app: maps to the local one on import, wherever it is served. */
  builtIn?: 'reference';
}

/** One conversation with all its messages; `conversation.endpointId` is resolved by the importer. */
export interface ConversationBundle {
  conversation: Conversation;
  messages: Message[];
  endpoint: ExportedEndpoint | null;
  /** The conversation's prompt grid and its cells (backups only). */
  grid?: { grid: Grid; cells: GridCell[] };
}

/** One persisted store's saved value, as `{ state, version }` (see lib/storage/persisted). */
export interface StoredSettingsEntry {
  state: unknown;
  version: number;
}

/** A backup's settings: store name → saved value. Checked against each store's own rules on import. */
export type SettingsSection = Record<string, StoredSettingsEntry>;

export interface BlobData {
  mimeType: string;
  name?: string;
  bytes: Uint8Array;
}

export type RestoreSource = 'app' | 'openai-body' | 'openai-messages' | 'share-link' | 'html';

export interface Restored {
  source: RestoreSource;
  /** The file's version before migration (app files only). */
  fromVersion?: number;
  conversations: ConversationBundle[];
  blobs: Map<string, BlobData>;
  /** Settings carried by a backup (app files only), not yet checked against the stores' rules. */
  settings?: SettingsSection;
}

export interface RestoreError {
  /** Where in the input, e.g. `conversations[0].messages[3].role`. */
  path: string;
  reason: string;
  /** One sentence for people: path and reason together. */
  message: string;
}

export type RestoreResult = { ok: true; value: Restored } | { ok: false; error: RestoreError };

export function restoreError(path: string, reason: string): { ok: false; error: RestoreError } {
  return { ok: false, error: { path, reason, message: path === '' ? reason : `${path}: ${reason}` } };
}
