import Dexie from 'dexie';
import { openExisting } from './native-reads';
import { readNewerRows } from './newer-rows';
import { db, DB_NAME, PlaygroundDB, SCHEMA_VERSION, setDb } from './schema';
import { addProblem, clearProblem, runRestoreHook, setStorageHealth as set, storageHealth } from './storage-health';
import { errorMessage } from '../../domain/errors';

export {
  clearProblem,
  onDatabaseRecreated,
  storageHealth,
  subscribeStorageHealth,
  type StorageHealth,
  type StorageProblem,
} from './storage-health';

export function isQuotaError(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

/** Every write goes through here: a full disk becomes a visible problem, not a silent console error. */
function watchWrites(d: PlaygroundDB): void {
  d.use({
    stack: 'dbcore',
    name: 'storage-health',
    create: (down) => ({
      ...down,
      // IndexedDB reports a full disk when the transaction commits (abort with QuotaExceededError), not per request.
      transaction: (stores, mode, options) => {
        const tx = down.transaction(stores, mode, options);
        if (mode === 'readwrite' && typeof (tx as Partial<IDBTransaction>).addEventListener === 'function') {
          const idbTx = tx as unknown as IDBTransaction;
          idbTx.addEventListener('abort', () => {
            if (isQuotaError(idbTx.error)) addProblem({ kind: 'quota', detail: idbTx.error?.message ?? 'QuotaExceededError' });
          });
        }
        return tx;
      },
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) =>
            table.mutate(req).then(
              (res) => {
                if (storageHealth().problems.some((p) => p.kind === 'quota') && req.type !== 'delete') clearProblem('quota');
                return res;
              },
              (err: unknown) => {
                if (isQuotaError(err)) addProblem({ kind: 'quota', detail: errorMessage(err) });
                throw err;
              },
            ),
        };
      },
    }),
  });
}

function watchConnection(d: PlaygroundDB): void {
  d.on('blocked', () => addProblem({ kind: 'blocked' }));
  d.on('versionchange', (ev: IDBVersionChangeEvent) => {
    // Dexie closes the connection so the other side can proceed; its next query reopens.
    if (ev.newVersion === null || ev.newVersion === 0) {
      // Reopen once the delete went through, then save what this tab still has; the notice says
      // "saved again" only once that write has committed.
      setTimeout(() => void recreate(d), 50);
    } else {
      addProblem({ kind: 'upgraded-elsewhere' });
    }
  });
}

async function recreate(d: PlaygroundDB): Promise<void> {
  try {
    await d.open();
    await runRestoreHook();
    addProblem({ kind: 'deleted', saved: true });
  } catch (err) {
    console.error('Reopening the database failed', err);
    addProblem({ kind: 'deleted', saved: false });
  }
}

async function memoryDatabase(): Promise<PlaygroundDB> {
  const fake = await import('fake-indexeddb');
  // Dexie's live queries stay silent without a global IndexedDB; give them the in-memory one.
  if (!Dexie.dependencies.indexedDB) Object.assign(Dexie.dependencies, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
  const d = new PlaygroundDB(`${DB_NAME}-memory`, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
  watchWrites(d);
  await d.open();
  return d;
}

/** What this build can read of a newer database, copied into the in-memory one (which is never saved). */
async function copyReadableRows(memory: PlaygroundDB, name: string): Promise<number> {
  try {
    const rows = await readNewerRows(indexedDB, name);
    await memory.transaction('rw', memory.conversations, memory.messages, async () => {
      await memory.conversations.bulkPut(rows.conversations);
      await memory.messages.bulkPut(rows.messages);
    });
    if (rows.skipped > 0)
      console.warn(`${rows.skipped} rows of the newer database have a shape this build does not know; they are not shown.`);
    return rows.conversations.length;
  } catch (err) {
    console.error('Reading the newer database failed', err);
    return 0;
  }
}

/** The version of an existing database, 0 when there is none (it is not created here). */
async function storedVersion(factory: IDBFactory, name: string): Promise<number> {
  const idb = await openExisting(factory, name);
  if (!idb) return 0;
  idb.close();
  return idb.version;
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Opens the database before the app renders. When IndexedDB is missing (some private modes),
 * broken, or holds data of a newer build, the app runs on an in-memory database instead and says
 * so; a newer database is left exactly as it is.
 */
export async function openDatabase(): Promise<void> {
  const d = db();
  watchWrites(d);
  watchConnection(d);
  try {
    if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Dexie.MissingAPIError('IndexedDB is not available');
    // Dexie 4 would open a newer database and patch its schema to fit ours; an older build must not touch it.
    const stored = await storedVersion(indexedDB, d.name);
    if (stored > SCHEMA_VERSION * 10)
      throw new Dexie.VersionError(
        `The saved data has schema version ${Math.floor(stored / 10)}; this build knows up to ${SCHEMA_VERSION}.`,
      );
    await d.open();
    clearProblem('blocked');
    set({ ready: true });
    void requestPersistence();
    return;
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    const reason = name === Dexie.errnames.Version ? 'newer' : name === Dexie.errnames.MissingAPI ? 'unavailable' : 'failed';
    d.close();
    let listed = 0;
    try {
      const memory = await memoryDatabase();
      setDb(memory);
      if (reason === 'newer') listed = await copyReadableRows(memory, d.name);
    } catch (memErr) {
      console.error('Even the in-memory database failed', memErr);
    }
    clearProblem('blocked');
    addProblem({ kind: 'memory', reason, detail: describe(err), ...(reason === 'newer' ? { listed } : {}) });
    set({ ready: true });
  }
}

/** Asks the browser not to evict our data under storage pressure; the answer is shown in the Storage dialog. */
export async function requestPersistence(): Promise<boolean | null> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s?.persist) return null;
  try {
    return (await s.persisted()) || (await s.persist());
  } catch {
    return null;
  }
}
