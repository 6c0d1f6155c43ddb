import { streamLockName } from '../../lib/db/names';
import { errorMessage } from '../../domain/errors';

/** The rows a run starts with could not be written: the request was stopped. */
export class UnsavedStart extends Error {
  constructor(cause: unknown) {
    super(`The conversation could not be saved, so the request was stopped: ${errorMessage(cause)}`);
  }
}

/** Runs `body` holding the named Web Lock (other tabs see the request as alive), or directly where there are none. */
export function webLock<T>(name: string, body: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(name, body) : body();
}

/**
 * Starts a request and the write of the rows it streams into at the same time, so the first byte
 * never waits for IndexedDB (a send used to spend 100–600 ms in writes and the renders they
 * trigger before its fetch began). Both happen under the run's lock, so another tab never sees
 * the streaming rows without it. `stream` gets the pending write: saves of partial text chain
 * after it. If the write fails the request is aborted and UnsavedStart is thrown.
 */
export async function startStream<T>(
  lock: <R>(name: string, body: () => Promise<R>) => Promise<R>,
  requestId: string,
  save: () => Promise<void>,
  abort: () => void,
  stream: (saved: Promise<void>) => Promise<T>,
): Promise<T> {
  const body = async (): Promise<T> => {
    const saved = save();
    let streamed: Promise<T>;
    try {
      streamed = stream(saved);
    } catch (err) {
      await saved.catch(() => undefined);
      throw err;
    }
    // Observed at once: a request failing while the write is still under way is not "unhandled".
    streamed.catch(() => undefined);
    try {
      await saved;
    } catch (err) {
      abort();
      await streamed.catch(() => undefined);
      throw new UnsavedStart(err);
    }
    return streamed;
  };
  return lock(streamLockName(requestId), body);
}
