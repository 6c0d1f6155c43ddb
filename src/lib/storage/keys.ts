/**
 * Every Web Storage key the app uses, in one place. Nothing outside src/lib/storage spells a `pg.`
 * key (lint enforces it): stores name their entry here and reach it through `persisted()`, and the
 * key store builds its keys with {@link apiKeyStorageKey}. Conversations live in IndexedDB (lib/db),
 * not here. Renaming a key loses what people stored under it: add a migration instead.
 */

export type StorageArea = 'local' | 'session';

export interface StorageKeyInfo {
  /** The exact key in Web Storage. */
  readonly key: string;
  readonly area: StorageArea;
  /** What the entry holds, for people reading this list. */
  readonly holds: string;
}

/** The zustand stores persisted as `{ state, version }` JSON, all in localStorage. */
export const STORAGE_KEYS = {
  endpoints: { key: 'pg.endpoints', area: 'local', holds: 'endpoint profiles (never their API keys) and the active one' },
  workspace: {
    key: 'pg.workspace',
    area: 'local',
    holds: 'the open conversation, draft parameters, retry and timeout settings, unsaved parameter edits (write-ahead)',
  },
  layout: { key: 'pg.layout', area: 'local', holds: 'side pane sizes and folds, theme, first-run welcome dismissed' },
  paramsPanel: { key: 'pg.paramsPanel', area: 'local', holds: 'which parameter panel sections are folded' },
  paramPresets: { key: 'pg.paramPresets', area: 'local', holds: 'named parameter presets' },
  editor: { key: 'pg.editor', area: 'local', holds: 'last mock tool result per function name, replies whose tool calls were answered' },
  compare: { key: 'pg.compare', area: 'local', holds: 'choice view mode, diff base, scroll sync, decided responses, compare columns' },
  composer: { key: 'pg.composer', area: 'local', holds: 'unsent drafts per conversation: text and attachments (as blob ids)' },
  variables: { key: 'pg.variables', area: 'local', holds: 'prompt variable values for ordinary sends, per conversation' },
  modelFacts: { key: 'pg.modelFacts', area: 'local', holds: "the person's own model facts (context window, prices, capabilities)" },
  messageView: { key: 'pg.messageView', area: 'local', holds: 'the default message view: rendered or raw' },
} as const satisfies Record<string, StorageKeyInfo>;

export type PersistedStoreName = keyof typeof STORAGE_KEYS;

/**
 * API keys, one entry per endpoint profile: `pg.apiKey.<endpointId>`, in localStorage ("remember on
 * this device") or sessionStorage ("this session only"), never both. Raw strings, not JSON. Only
 * lib/keys/key-store reads and writes them; nothing that exports or shares data may read this prefix.
 */
export const API_KEY_PREFIX = 'pg.apiKey.';
export const API_KEY_ENTRY = {
  key: `${API_KEY_PREFIX}<endpointId>`,
  areas: ['local', 'session'],
  holds: 'the API key of one endpoint profile',
} as const;

export function apiKeyStorageKey(endpointId: string): string {
  return `${API_KEY_PREFIX}${endpointId}`;
}

/**
 * Secret header values (Azure `api-key`, `x-api-key`, `OpenAI-Organization`, headers marked secret),
 * one JSON object per endpoint profile: `pg.secretHeaders.<endpointId>`, kept like the API key (the
 * profile's choice of localStorage or sessionStorage, never both). Only lib/keys/key-store touches them.
 */
export const SECRET_HEADERS_PREFIX = 'pg.secretHeaders.';
export const SECRET_HEADERS_ENTRY = {
  key: `${SECRET_HEADERS_PREFIX}<endpointId>`,
  areas: ['local', 'session'],
  holds: 'the secret header values of one endpoint profile',
} as const;

export function secretHeadersStorageKey(endpointId: string): string {
  return `${SECRET_HEADERS_PREFIX}${endpointId}`;
}
