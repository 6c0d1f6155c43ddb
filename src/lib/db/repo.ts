import type * as StoreModule from './store';

/**
 * The app's door to its database. The database library (Dexie, about 30 KB gzip) and the
 * repositories load in the background while the first screen paints from boot-read; every call
 * here waits for them and for the database to open (opening is where upgrades, newer data and
 * faults are handled: see health.ts), then runs. Features import storage from here only (lint).
 */
export type Store = typeof StoreModule;

let loading: Promise<Store> | null = null;
let opening: Promise<Store> | null = null;
let open = false;

/** True once the repositories are loaded and the database open (calls then cost no waiting). */
export function storageReady(): boolean {
  return open;
}

/** The repositories, once the database is open. A failed load (e.g. offline) is tried again on the next call. */
export function storage(): Promise<Store> {
  loading ??= import('./store').catch((err: unknown) => {
    loading = null;
    opening = null;
    throw err;
  });
  opening ??= loading.then(async (s) => {
    await s.openDatabase();
    open = true;
    return s;
  });
  return opening;
}

// openDatabase runs once, inside storage().
type AsyncKeys = Exclude<
  { [K in keyof Store]: Store[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof Store],
  'openDatabase'
>;

/** A repository function that loads the repositories on its first call. */
function later<K extends AsyncKeys>(key: K): Store[K] {
  const call = async (...args: unknown[]): Promise<unknown> => {
    const s = await storage();
    return (s[key] as (...a: unknown[]) => Promise<unknown>)(...args);
  };
  return call as unknown as Store[K];
}

/** Waits between retries of a failed load or read: doubling from `firstMs`, 30 s at most. */
export function retryDelayMs(attempt: number, firstMs = 1000): number {
  return Math.min(30_000, firstMs * 2 ** attempt);
}

/**
 * Runs `read` now and again after every change to what it read (from any tab), handing each
 * result to `next`; returns the function that stops it (also before the first result). A failure
 * (the database closed under the app, its code not loaded) is logged under `what` and followed
 * again, less and less often. `read` must query through `s` (not the wrappers below): an await
 * before a query hides it from the live query, which would then never run again.
 */
export function follow<T>(what: string, read: (s: Store) => Promise<T>, next: (value: T) => void): () => void {
  let stopped = false;
  let subscription: { unsubscribe(): void } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const retry = (err: unknown) => {
    if (stopped) return;
    subscription?.unsubscribe();
    subscription = null;
    const wait = retryDelayMs(attempt++);
    console.error(`${what} failed; trying again in ${wait / 1000} s`, err);
    timer = setTimeout(start, wait);
  };
  const start = () => {
    storage().then((s) => {
      if (stopped) return;
      subscription = s
        .liveQuery(() => read(s))
        .subscribe({
          next: (value) => {
            attempt = 0;
            next(value);
          },
          error: retry,
        });
    }, retry);
  };
  start();
  return () => {
    stopped = true;
    clearTimeout(timer);
    subscription?.unsubscribe();
  };
}

export const getConversation = later('getConversation');
export const createConversation = later('createConversation');
export const updateConversation = later('updateConversation');
export const saveParams = later('saveParams');
export const renameConversation = later('renameConversation');
export const setConversationEndpoint = later('setConversationEndpoint');
export const listMessages = later('listMessages');
export const getMessage = later('getMessage');
export const messagesAfter = later('messagesAfter');
export const selectAlternative = later('selectAlternative');
export const appendMessages = later('appendMessages');
export const applyMessageEdit = later('applyMessageEdit');
export const modifyMessage = later('modifyMessage');
export const deleteMessages = later('deleteMessages');
export const modifyMessageIf = later('modifyMessageIf');
export const putMessagesIf = later('putMessagesIf');
export const commitReplies = later('commitReplies');
export const insertCopy = later('insertCopy');
export const putBlob = later('putBlob');
export const collectOrphanBlobs = later('collectOrphanBlobs');
export const getBlob = later('getBlob');
export const dataURLsFor = later('dataURLsFor');
export const removeConversation = later('removeConversation');
export const restoreConversation = later('restoreConversation');
export const duplicateConversation = later('duplicateConversation');
export const setPinned = later('setPinned');
export const setTags = later('setTags');
export const conversationSizes = later('conversationSizes');
export const removeBinaries = later('removeBinaries');
export const readForExport = later('readForExport');
export const writeRestored = later('writeRestored');
export const findImportConflicts = later('findImportConflicts');
export const readSummaries = later('readSummaries');
export const recoverInterruptedStreams = later('recoverInterruptedStreams');
export const requestPersistence = later('requestPersistence');
export const storageUsage = later('storageUsage');
export const getGrid = later('getGrid');
export const putGrid = later('putGrid');
export const listGridCells = later('listGridCells');
export const putGridCells = later('putGridCells');
export const deleteGridCells = later('deleteGridCells');
export const interruptGridCells = later('interruptGridCells');

export { StaleEdit } from './stale-edit';
export type { GuardedWrite } from './guarded-writes';
export type { ParamsWrite } from './conversations-repo';
export type { ConversationSnapshot, ConversationSize } from './library-repo';
export type { StorageUsage } from './storage-usage';
export type { ConflictChoice, Exported, ImportConflict, ImportSummary } from './transfer-repo';
export { createVersionTracker, retryStale, type VersionTracker } from './version-tracker';
