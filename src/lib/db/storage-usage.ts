import { requestPersistence } from './health';
import { conversationSizes, type ConversationSize } from './library-repo';

export interface StorageUsage {
  /** Bytes the origin stores, as the browser estimates them (null when it does not say). */
  usage: number | null;
  quota: number | null;
  /** Whether the browser keeps the data under storage pressure (null when it cannot say). */
  persisted: boolean | null;
  /** The largest conversations, largest first. */
  biggest: ConversationSize[];
}

/** What the Storage dialog shows: the browser's estimate, persistence (asked for again), and the largest conversations. */
export async function storageUsage(biggest = 8): Promise<StorageUsage> {
  const s = typeof navigator !== 'undefined' ? (navigator.storage as StorageManager | undefined) : undefined;
  const [estimate, persisted, sizes] = await Promise.all([s?.estimate?.().catch(() => null), requestPersistence(), conversationSizes()]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted, biggest: sizes.slice(0, biggest) };
}
