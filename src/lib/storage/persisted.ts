/**
 * The one way a zustand store persists itself: `persist(creator, persisted({ store, version, schema, … }))`.
 *
 * - The key and the storage area come from the registry (keys.ts); the stored JSON is zustand's
 *   `{ state, version }`, so entries written before this helper existed load unchanged.
 * - Reading back never throws and never writes. Unreadable JSON, a wrong shape, a version newer
 *   than this build, an older version without a migration, a migration that throws, or state the
 *   schema rejects: the store keeps its defaults and `console.warn` names the key. The stored value
 *   is left as it is until the store's next write replaces it (so nothing is lost before the person
 *   changes something, and an older build does not destroy a newer build's data by merely opening).
 * - An older version is upgraded by `migrate(old, fromVersion)`, then validated like any read. The
 *   upgraded state is written back with the store's next change, not at read time.
 * - The schema validates the partialized state after migration. Its output replaces the stored
 *   value, so unknown keys are dropped; top-level keys should be optional, because zustand merges
 *   the read state over the defaults shallowly and a missing key keeps its default.
 * - Writes go through safeSet: a full quota or a storage-less browser means "not stored" (warned
 *   once per key until a write succeeds again), never an exception in a `set()`.
 */
import * as v from 'valibot';
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { STORAGE_KEYS, type PersistedStoreName } from './keys';
import { safeGet, safeSet } from './local';
import { errorMessage } from '../../domain/errors';

export interface PersistedConfig<S, P> {
  /** The registry entry (keys.ts) that names the key and the storage area. */
  store: PersistedStoreName;
  /** The version written with every save; bump it only together with a `migrate` step. */
  version: number;
  /** Validates the (partialized, migrated) state read back. */
  schema: v.GenericSchema<unknown, Partial<P>>;
  /** Upgrades state stored by an older version (`fromVersion` < `version`) to the current shape. */
  migrate?: (old: unknown, fromVersion: number) => unknown;
  /** What is saved; everything (functions aside) when absent. */
  partialize?: (state: S) => P;
  onRehydrateStorage?: PersistOptions<S, P>['onRehydrateStorage'];
}

function warn(key: string, problem: string): void {
  console.warn(`[storage] ${key}: ${problem}; using the defaults. The stored value stays until this store saves again.`);
}

/** The stored text → the state to merge over the defaults, or null (nothing usable stored). */
export function readBack<P>(config: Pick<PersistedConfig<unknown, P>, 'store' | 'version' | 'schema' | 'migrate'>, raw: string | null) {
  const { key } = STORAGE_KEYS[config.store];
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    warn(key, 'the stored text is not JSON');
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) {
    warn(key, 'the stored value is not a { state, version } object');
    return null;
  }
  const stored = parsed as { state: unknown; version?: unknown };
  // zustand treats a missing version as the current one; so do we.
  const from = typeof stored.version === 'number' ? stored.version : config.version;
  let state = stored.state;
  if (from > config.version) {
    warn(key, `it was written by a newer version (${from}) than this build reads (${config.version})`);
    return null;
  }
  if (from < config.version) {
    if (!config.migrate) {
      warn(key, `no migration from version ${from} to ${config.version}`);
      return null;
    }
    try {
      state = config.migrate(state, from);
    } catch (err) {
      warn(key, `the migration from version ${from} failed (${errorMessage(err)})`);
      return null;
    }
  }
  const result = v.safeParse(config.schema, state);
  if (!result.success) {
    warn(key, `the stored state is invalid:\n${v.summarize(result.issues)}\n`);
    return null;
  }
  return { state: result.output, version: config.version } satisfies StorageValue<Partial<P>>;
}

const failedWrites = new Set<string>();

function persistStorage<P>(config: PersistedConfig<never, P>): PersistStorage<P> {
  const { key, area } = STORAGE_KEYS[config.store];
  return {
    // Partial<P>: a missing top-level key keeps the store's default (see the merge note above).
    getItem: () => readBack(config, safeGet(area, key)) as StorageValue<P> | null,
    setItem: (_name, value) => {
      let ok: boolean;
      try {
        ok = safeSet(area, key, JSON.stringify(value));
      } catch {
        ok = false; // JSON.stringify: a cycle or a BigInt in the state
      }
      if (ok) failedWrites.delete(key);
      else if (!failedWrites.has(key)) {
        failedWrites.add(key);
        console.warn(`[storage] ${key}: could not be saved (storage full or unavailable); changes are kept in memory only.`);
      }
    },
    removeItem: () => void safeSet(area, key, null),
  };
}

/** Every persisted store's read-back rules, so a backup's settings are checked exactly as the store checks its own. */
export const persistedConfigs: Partial<Record<PersistedStoreName, PersistedConfig<never, unknown>>> = {};

/** zustand `persist` options for one store of the registry: key, version, migration and a validated read-back. */
export function persisted<S, P = S>(config: PersistedConfig<S, P>): PersistOptions<S, P> {
  persistedConfigs[config.store] = config as never;
  return {
    name: STORAGE_KEYS[config.store].key,
    version: config.version,
    storage: persistStorage(config as PersistedConfig<never, P>),
    // Migration happens in getItem (above), so zustand always sees the current version.
    ...(config.partialize ? { partialize: config.partialize } : {}),
    ...(config.onRehydrateStorage ? { onRehydrateStorage: config.onRehydrateStorage } : {}),
  };
}
