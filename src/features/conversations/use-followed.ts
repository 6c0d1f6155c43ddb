import { useEffect, useReducer, useRef } from 'react';
import { follow, storageReady, type Store } from '../../lib/db/repo';

/**
 * The result of a database read, kept current as the data changes in this tab or another (a live
 * query; the database code loads on first use). `initial` stands in until the first result. When
 * `key` changes the read starts again; the previous result stays until the new one arrives (a few
 * ms), except while the database code is still loading: then nothing is shown rather than the
 * previous key's data. A failed read is tried again (see follow); what is shown is kept meanwhile.
 */
export function useFollowed<T>(key: string | null, read: (s: Store) => Promise<T>, initial?: T): T | undefined {
  const latest = useRef<{ key: string | null; value: T | undefined }>({ key, value: initial });
  const reader = useRef(read);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    reader.current = read;
  });
  useEffect(
    () =>
      follow(
        'A live database read',
        (s) => reader.current(s),
        (value) => {
          if (latest.current.key === key && latest.current.value === value) return;
          latest.current = { key, value };
          rerender();
        },
      ),
    [key],
  );
  const { key: shownKey, value } = latest.current;
  return shownKey === key || storageReady() ? value : undefined;
}
