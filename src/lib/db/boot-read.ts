import type { ConversationSummary } from '../../domain/library';
import type { Conversation, Message } from '../../domain/types';
import { DB_NAME, NATIVE_VERSION } from './names';
import { openExisting, readConversationRows, readSummaryKeys } from './native-reads';

/** What the first screen shows: the head of the sidebar and the open conversation. */
export interface BootData {
  summaries: ConversationSummary[];
  active: { id: string; conversation: Conversation | null; messages: Message[] } | null;
}

/** Rows the sidebar's first screen needs (the whole list follows from the live query). */
export const FIRST_ROWS = 60;

/**
 * Reads the first screen straight from IndexedDB while the database library loads, so the app
 * paints stored data without waiting for it. Returns null when it cannot answer (no IndexedDB, a
 * database of another schema version, a failure): the app then waits for the database to open
 * as before, where upgrades, newer data and storage faults are handled. The connection is closed
 * before it returns, so it never holds up another tab's upgrade.
 */
export async function readBoot(activeId: string | null, name = DB_NAME): Promise<BootData | null> {
  try {
    if (typeof indexedDB === 'undefined' || indexedDB === null) return null;
    const idb = await openExisting(indexedDB, name);
    if (!idb) return { summaries: [], active: activeId ? { id: activeId, conversation: null, messages: [] } : null };
    // Another tab upgrading meanwhile is not kept waiting (nor shown a "blocked" notice).
    idb.onversionchange = () => idb.close();
    try {
      if (idb.version !== NATIVE_VERSION) return null;
      const [summaries, active] = await Promise.all([
        readSummaryKeys(idb, FIRST_ROWS),
        activeId ? readConversationRows(idb, activeId).then((rows) => ({ id: activeId, ...rows })) : Promise.resolve(null),
      ]);
      return { summaries, active };
    } finally {
      idb.close();
    }
  } catch (err) {
    console.error('Reading the first screen failed; waiting for the database', err);
    return null;
  }
}
