import { useEffect, useReducer, useRef } from 'react';
import { follow, type Store } from '../../lib/db/repo';

/**
 * The result of a database read, kept current as the data changes in this tab or another (a live
 * query; the database code loads on first use). `initial` stands in until the first result; when
 * `key` changes the read starts again and the previous result stays until the new one arrives.
 * A failed read is logged and the last result kept: what is on screen is never thrown away.
 */
export function useFollowed<T>(key: string | null, read: (s: Store) => Promise<T>, initial?: T): T | undefined {
  const latest = useRef<T | undefined>(initial);
  const reader = useRef(read);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    reader.current = read;
  });
  useEffect(
    () =>
      follow(
        (s) => reader.current(s),
        (value) => {
          if (latest.current === value) return;
          latest.current = value;
          rerender();
        },
        (err: unknown) => console.error('A live database read failed', err),
      ),
    [key],
  );
  return latest.current;
}
