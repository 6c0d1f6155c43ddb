import { useEffect, useReducer, useRef, useState } from 'react';
import { follow, storageReady, type Store } from '../../lib/db/repo';

const RETRY_MS = 1000;

/**
 * The result of a database read, kept current as the data changes in this tab or another (a live
 * query; the database code loads on first use). `initial` stands in until the first result. When
 * `key` changes the read starts again; the previous result stays until the new one arrives (a few
 * ms), except while the database code is still loading: then nothing is shown rather than the
 * previous key's data. A failed read is logged and tried again; what is shown is kept meanwhile.
 */
export function useFollowed<T>(key: string | null, read: (s: Store) => Promise<T>, initial?: T): T | undefined {
  const latest = useRef<T | undefined>(initial);
  const reader = useRef(read);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    if (!storageReady()) latest.current = undefined;
  }
  useEffect(() => {
    reader.current = read;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = follow(
      (s) => reader.current(s),
      (value) => {
        if (latest.current === value) return;
        latest.current = value;
        rerender();
      },
      (err: unknown) => {
        console.error('A live database read failed; trying again', err);
        timer = setTimeout(retry, RETRY_MS);
      },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [key, attempt]);
  return latest.current;
}
