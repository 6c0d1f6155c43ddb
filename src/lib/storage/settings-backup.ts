/**
 * The settings a backup carries, read from and written back to Web Storage: endpoint profiles
 * (their API keys and secret header values live elsewhere and are never read here; custom header
 * values are left out too, like in every other export), parameter presets, price and model-fact
 * edits, compare configurations and the layout. Each entry is checked on the way in with the
 * store's own rules (schema, version, migration: see persisted.ts), exactly as the store would
 * read it, so a damaged backup never replaces a working setting.
 */
import type { Endpoint } from '../../domain/types';
import { STORAGE_KEYS, type PersistedStoreName } from './keys';
import { safeGet, safeSet } from './local';
import { persistedConfigs, readBack } from './persisted';

export const BACKUP_STORES = [
  'endpoints',
  'paramPresets',
  'modelFacts',
  'compare',
  'layout',
] as const satisfies readonly PersistedStoreName[];
export type BackupStore = (typeof BACKUP_STORES)[number];

export interface SettingsEntry {
  state: unknown;
  version: number;
}
export type SettingsSnapshot = Partial<Record<BackupStore, SettingsEntry>>;

/** What people call each store, for the import question. */
export const SETTINGS_LABEL: Record<BackupStore, string> = {
  endpoints: 'endpoint profiles (without keys)',
  paramPresets: 'parameter presets',
  modelFacts: 'price and model edits',
  compare: 'compare configurations',
  layout: 'layout',
};

type EndpointsState = { endpoints: Endpoint[]; activeId?: string };

/** Profiles as a backup holds them: no header values at all (custom headers often carry credentials no rule names). */
function withoutSecrets(state: EndpointsState): EndpointsState {
  return { ...state, endpoints: state.endpoints.map((e) => ({ ...e, headers: {} })) };
}

/** A store's saved value as its store reads it (checked, migrated); null when nothing valid is saved or the store is not loaded. */
function readEntry(store: BackupStore, raw: string | null): SettingsEntry | null {
  const config = persistedConfigs[store];
  if (!config || raw === null) return null;
  const read = readBack(config, raw);
  if (!read) return null;
  const state = store === 'endpoints' ? withoutSecrets(read.state as EndpointsState) : read.state;
  return { state, version: read.version };
}

/** The settings to put in a backup. */
export function readSettings(): SettingsSnapshot {
  const out: SettingsSnapshot = {};
  for (const store of BACKUP_STORES) {
    const { area, key } = STORAGE_KEYS[store];
    const entry = readEntry(store, safeGet(area, key));
    if (entry) out[store] = entry;
  }
  return out;
}

/** A backup's settings checked by each store's rules; unknown stores and invalid entries are left out (and named). */
export function checkSettings(incoming: Record<string, SettingsEntry>): { valid: SettingsSnapshot; rejected: string[] } {
  const valid: SettingsSnapshot = {};
  const rejected: string[] = [];
  for (const [name, entry] of Object.entries(incoming)) {
    const store = BACKUP_STORES.find((s) => s === name);
    const checked = store ? readEntry(store, JSON.stringify(entry)) : null;
    if (store && checked) valid[store] = checked;
    else rejected.push(name);
  }
  return { valid, rejected };
}

type WithId = { id: string };

/** `mine` with `theirs` merged in by id: theirs replaces the same id, new ones are added after mine. */
function mergeById<T extends WithId>(mine: readonly T[], theirs: readonly T[]): T[] {
  const byId = new Map(theirs.map((t) => [t.id, t]));
  const merged = mine.map((m) => byId.get(m.id) ?? m);
  const known = new Set(mine.map((m) => m.id));
  return [...merged, ...theirs.filter((t) => !known.has(t.id))];
}

/**
 * The state to save for `store`: profiles and presets merged by id (the active profile stays, keys
 * are not touched: they are not in these entries), price edits merged per model (the backup's
 * fields win), compare and layout settings replaced.
 */
function merged(store: BackupStore, mine: unknown, theirs: unknown): unknown {
  if (mine === null) return theirs;
  if (store === 'endpoints') {
    const m = mine as EndpointsState;
    const t = theirs as EndpointsState;
    // The backup has no header values: a profile already here keeps its own.
    const mineById = new Map((m.endpoints ?? []).map((e) => [e.id, e]));
    const incoming = (t.endpoints ?? []).map((e) => ({ ...e, headers: mineById.get(e.id)?.headers ?? {} }));
    return { ...m, endpoints: mergeById(m.endpoints ?? [], incoming) };
  }
  if (store === 'paramPresets') {
    const m = mine as { presets?: WithId[] };
    const t = theirs as { presets?: WithId[] };
    return { ...m, presets: mergeById(m.presets ?? [], t.presets ?? []) };
  }
  if (store === 'modelFacts') {
    const m = (mine as { overrides?: Record<string, object> }).overrides ?? {};
    const t = (theirs as { overrides?: Record<string, object> }).overrides ?? {};
    const overrides = { ...m };
    for (const [model, facts] of Object.entries(t)) overrides[model] = { ...(m[model] ?? {}), ...facts };
    return { overrides };
  }
  return theirs;
}

/**
 * Saves checked settings into Web Storage, merged with what is saved now. The stores read them at
 * the next page load (the caller reloads). Returns the stores written.
 */
export function writeSettings(valid: SettingsSnapshot): BackupStore[] {
  const written: BackupStore[] = [];
  for (const store of BACKUP_STORES) {
    const entry = valid[store];
    if (!entry) continue;
    const { area, key } = STORAGE_KEYS[store];
    const mine = readBack(persistedConfigs[store]!, safeGet(area, key))?.state ?? null;
    const state = merged(store, mine, entry.state);
    if (safeSet(area, key, JSON.stringify({ state, version: entry.version }))) written.push(store);
  }
  return written;
}
