/**
 * An in-memory Web Storage for unit tests (they run in Node, which has none). `failing` makes every
 * call throw, like a browser with storage disabled; `quota` makes writes beyond it throw like a full one.
 */
export interface MemoryStorage extends Storage {
  /** The raw entries, for assertions. */
  readonly entries: Map<string, string>;
}

export function memoryStorage(options: { failing?: boolean; quota?: number } = {}): MemoryStorage {
  const entries = new Map<string, string>();
  const guard = () => {
    if (options.failing) throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    entries,
    get length() {
      guard();
      return entries.size;
    },
    key: (i) => (guard(), [...entries.keys()][i] ?? null),
    getItem: (k) => (guard(), entries.get(k) ?? null),
    setItem: (k, value) => {
      guard();
      const used = [...entries].reduce((n, [key, v]) => n + (key === k ? 0 : key.length + v.length), 0);
      if (options.quota !== undefined && used + k.length + value.length > options.quota) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      entries.set(k, String(value));
    },
    removeItem: (k) => (guard(), void entries.delete(k)),
    clear: () => (guard(), entries.clear()),
  };
}
