/**
 * What the app can say about its storage. Every fault keeps the app usable and tells the person
 * what happened and what is (not) being saved; nothing already stored is touched.
 * No database library here: the banner that shows it is on the first screen, before Dexie loads.
 */
export type StorageProblem =
  | {
      kind: 'memory';
      reason: 'unavailable' | 'newer' | 'failed';
      detail: string;
      /** Conversations of a newer database shown read-only. */ listed?: number;
    }
  | { kind: 'blocked' }
  | { kind: 'upgraded-elsewhere' }
  | { kind: 'deleted'; saved: boolean }
  | { kind: 'quota'; detail: string }
  /** The database code itself could not be loaded (offline with a stale cache, a new deployment). */
  | { kind: 'code'; detail: string };

export interface StorageHealth {
  /** False while the database is opening (or waiting for another tab). */
  ready: boolean;
  problems: StorageProblem[];
}

let state: StorageHealth = { ready: false, problems: [] };
const listeners = new Set<() => void>();

export function storageHealth(): StorageHealth {
  return state;
}

export function subscribeStorageHealth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setStorageHealth(next: Partial<StorageHealth>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function addProblem(p: StorageProblem): void {
  setStorageHealth({ problems: [...state.problems.filter((q) => q.kind !== p.kind), p] });
}

export function clearProblem(kind: StorageProblem['kind']): void {
  setStorageHealth({ problems: state.problems.filter((p) => p.kind !== kind) });
}

/** Called back after the database was deleted under the app and recreated, to save what this tab still shows. */
type RestoreHook = () => Promise<void>;
let restoreHook: RestoreHook | null = null;

export function onDatabaseRecreated(hook: RestoreHook): void {
  restoreHook = hook;
}

export async function runRestoreHook(): Promise<void> {
  await restoreHook?.();
}
