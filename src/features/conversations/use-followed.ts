import { useEffect, useReducer, useRef } from 'react';
import { follow, storageReady, type Store } from '../../lib/db/repo';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * The result of a database read, kept current as the data changes in this tab or another (a live
 * query; the database code loads on first use). `initial` stands in until the first result. When
 * `key` changes the read starts again; the previous result stays until the new one arrives (a few
 * ms), except while the database code is still loading: then nothing is shown rather than the
 * previous key's data. A failed read is logged and tried again, less and less often; what is shown
 * is kept meanwhile.
 */
export function useFollowed<T>(key: string | null, read: (s: Store) => Promise<T>, initial?: T): T | undefined {
  const latest = useRef<{ key: string | null; value: T | undefined }>({ key, value: initial });
  const reader = useRef(read);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    reader.current = read;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = follow(
      (s) => reader.current(s),
      (value) => {
        if (latest.current.key === key && latest.current.value === value) return;
        latest.current = { key, value };
        rerender();
      },
      (err: unknown) => {
        const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
        console.error(`A live database read failed; trying again in ${wait / 1000} s`, err);
        timer = setTimeout(retry, wait);
      },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [key, attempt]);
  const { key: shownKey, value } = latest.current;
  return shownKey === key || storageReady() ? value : undefined;
}
