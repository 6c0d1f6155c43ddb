import { StaleEdit } from './stale-edit';

/**
 * The one scheme for conflict-checked writes. Every guarded write in the app (streaming
 * checkpoints, message edits, parameter saves, structural edits) needs the same two things:
 * what this tab last wrote (or saw) of a row, so a write goes through only over that version and
 * a change from another tab is told apart from our own; and the writes of one row kept in order,
 * so a later write never lands before an earlier one. The check itself runs in the write's
 * transaction (guarded-writes.ts); this keeps the versions and the order.
 */
export interface VersionTracker<T> {
  /** What this tab last wrote or saw of `id` (now, without waiting for writes under way). */
  known(id: string): T | undefined;
  /** What this tab last wrote of `id`, once its writes still under way have landed. */
  settled(id: string): Promise<T | undefined>;
  remember(id: string, version: T): void;
  forget(ids: Iterable<string>): void;
  /** Runs `write` after this tab's earlier writes of `ids`; their later writes wait for it. */
  after<R>(ids: readonly string[], write: () => Promise<R>): Promise<R>;
  /** Counts `pending` as a write of `ids` under way (e.g. the first write of a row). */
  track(ids: readonly string[], pending: Promise<unknown>): void;
  /** True while a write of `id` is under way. */
  busy(id: string): boolean;
  /** Resolves once every write under way (and any started meanwhile) has landed. */
  idle(): Promise<void>;
}

export function createVersionTracker<T>(): VersionTracker<T> {
  const versions = new Map<string, T>();
  const inFlight = new Map<string, Promise<unknown>>();

  const track = (ids: readonly string[], pending: Promise<unknown>) => {
    const settled = pending.catch(() => undefined);
    for (const id of ids) inFlight.set(id, settled);
    // Done rows leave the map, so `busy` and `idle` see only writes under way.
    void settled.then(() => {
      for (const id of ids) if (inFlight.get(id) === settled) inFlight.delete(id);
    });
  };

  return {
    known: (id) => versions.get(id),
    async settled(id) {
      await inFlight.get(id);
      return versions.get(id);
    },
    remember: (id, version) => void versions.set(id, version),
    forget(ids) {
      for (const id of ids) versions.delete(id);
    },
    after(ids, write) {
      const before = Promise.all(ids.map((id) => inFlight.get(id)));
      const result = before.then(write);
      track(ids, result);
      return result;
    },
    track,
    busy: (id) => inFlight.has(id),
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
    },
  };
}

/**
 * Runs a structural edit again, from a fresh read, when another tab changed a row it rewrites
 * meanwhile (the write throws StaleEdit instead of putting back an older text); `tries` in all.
 */
export async function retryStale<T>(action: () => Promise<T>, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (err) {
      if (!(err instanceof StaleEdit) || attempt >= tries) throw err;
    }
  }
}
