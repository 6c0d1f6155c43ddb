import { describe, expect, it } from 'vitest';
import { startStream, UnsavedStart, webLock } from './run-start';

/** A promise settled from outside, to order events by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('startStream', () => {
  it('starts the request before the start write has committed, and resolves once both are done', async () => {
    const write = deferred<void>();
    const events: string[] = [];
    const result = startStream(
      webLock,
      'r1',
      () => {
        events.push('write started');
        return write.promise.then(() => void events.push('write committed'));
      },
      () => events.push('aborted'),
      async (saved) => {
        events.push('request started');
        await saved;
        return 'reply';
      },
    );
    await Promise.resolve();
    expect(events).toEqual(['write started', 'request started']);
    write.resolve();
    await expect(result).resolves.toBe('reply');
    expect(events).toEqual(['write started', 'request started', 'write committed']);
  });

  it('aborts the request and throws UnsavedStart when the write fails', async () => {
    let aborted = false;
    const stream = deferred<string>();
    const result = startStream(
      webLock,
      'r2',
      () => Promise.reject(new Error('QuotaExceededError')),
      () => {
        aborted = true;
        stream.resolve('aborted reply');
      },
      () => stream.promise,
    );
    await expect(result).rejects.toBeInstanceOf(UnsavedStart);
    await expect(result).rejects.toThrow(/could not be saved.*QuotaExceededError/);
    expect(aborted).toBe(true);
  });

  it('rethrows a request that fails to start, once the write has settled', async () => {
    let settled = false;
    const result = startStream(
      webLock,
      'r3',
      () => new Promise<void>((resolve) => setTimeout(() => ((settled = true), resolve()), 5)),
      () => undefined,
      () => {
        throw new Error('no fetch');
      },
    );
    await expect(result).rejects.toThrow('no fetch');
    expect(settled).toBe(true);
  });
});
