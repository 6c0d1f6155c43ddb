import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { STORAGE_KEYS } from './keys';
import { memoryStorage, type MemoryStorage } from './memory-storage';
import { persisted, type PersistedConfig } from './persisted';

// A small store under a registry key: `items` is persisted, `open` is not.
interface State {
  items: string[];
  limit: number;
  open: boolean;
  add(item: string): void;
}
type Saved = Pick<State, 'items' | 'limit'>;

const KEY = STORAGE_KEYS.paramsPanel.key;
const schema = v.partial(v.object({ items: v.array(v.string()), limit: v.number() }));

function makeStore(overrides: Partial<PersistedConfig<State, Saved>> = {}) {
  return createStore<State>()(
    persist(
      (set) => ({
        items: [],
        limit: 10,
        open: false,
        add: (item) => set((s) => ({ items: [...s.items, item] })),
      }),
      persisted<State, Saved>({
        store: 'paramsPanel',
        version: 2,
        schema,
        partialize: (s) => ({ items: s.items, limit: s.limit }),
        ...overrides,
      }),
    ),
  );
}

let local: MemoryStorage;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  local = memoryStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', memoryStorage());
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const stored = (state: unknown, version?: number) => local.setItem(KEY, JSON.stringify({ state, version }));

describe('persisted()', () => {
  it('takes the key from the registry and writes { state, version } with the partialized state', () => {
    const store = makeStore();
    expect(store.persist.getOptions().name).toBe('pg.paramsPanel');
    store.getState().add('a');
    expect(JSON.parse(local.getItem(KEY)!)).toEqual({ state: { items: ['a'], limit: 10 }, version: 2 });
  });

  it('reads valid data back, without writing on read', () => {
    stored({ items: ['x', 'y'], limit: 3 }, 2);
    const before = local.getItem(KEY);
    const store = makeStore();
    expect(store.getState()).toMatchObject({ items: ['x', 'y'], limit: 3, open: false });
    expect(store.persist.hasHydrated()).toBe(true);
    expect(local.getItem(KEY)).toBe(before);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the default of a key the stored state lacks, and drops keys the schema does not know', () => {
    stored({ items: ['x'], stray: 1 }, 2);
    const store = makeStore();
    expect(store.getState()).toMatchObject({ items: ['x'], limit: 10 });
    expect(store.getState()).not.toHaveProperty('stray');
  });

  it('treats a missing version as the current one (as zustand does)', () => {
    local.setItem(KEY, JSON.stringify({ state: { items: ['x'] } }));
    expect(makeStore().getState().items).toEqual(['x']);
  });

  it('nothing stored: the defaults, silently', () => {
    const store = makeStore();
    expect(store.getState()).toMatchObject({ items: [], limit: 10 });
    expect(store.persist.hasHydrated()).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['not JSON', '{"state":', 'not JSON'],
    ['not an envelope', '[1,2]', 'not a { state, version } object'],
    ['null', 'null', 'not a { state, version } object'],
    ['invalid state', JSON.stringify({ state: { items: 'x', limit: 3 }, version: 2 }), 'invalid'],
    ['a wrong nested type', JSON.stringify({ state: { items: ['x', 2] }, version: 2 }), 'invalid'],
    ['a newer version', JSON.stringify({ state: { items: ['x'] }, version: 3 }), 'newer version (3)'],
    ['an older version without migration', JSON.stringify({ state: { items: ['x'] }, version: 1 }), 'no migration from version 1'],
  ])('%s: the defaults, a warning naming the key, and the value kept until the next write', (_name, raw, problem) => {
    local.setItem(KEY, raw);
    const store = makeStore();
    expect(store.getState()).toMatchObject({ items: [], limit: 10 });
    expect(store.persist.hasHydrated()).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('pg.paramsPanel');
    expect(String(warn.mock.calls[0]?.[0])).toContain(problem);
    expect(local.getItem(KEY)).toBe(raw);
    store.getState().add('new');
    expect(JSON.parse(local.getItem(KEY)!)).toEqual({ state: { items: ['new'], limit: 10 }, version: 2 });
  });

  it('migrates an older version, validates the result, and writes it with the next change', () => {
    // Version 1 kept one comma-separated string.
    stored({ list: 'a,b', max: 5 }, 1);
    const migrate = vi.fn((old: unknown, from: number) => {
      expect(from).toBe(1);
      const o = old as { list: string; max: number };
      return { items: o.list.split(','), limit: o.max };
    });
    const store = makeStore({ migrate });
    expect(migrate).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({ items: ['a', 'b'], limit: 5 });
    expect(JSON.parse(local.getItem(KEY)!).version).toBe(1); // reading never writes
    store.getState().add('c');
    expect(JSON.parse(local.getItem(KEY)!)).toEqual({ state: { items: ['a', 'b', 'c'], limit: 5 }, version: 2 });
    expect(warn).not.toHaveBeenCalled();
  });

  it('a migration that throws or returns an invalid shape: the defaults and a warning', () => {
    stored({ list: 'a' }, 1);
    const throwing = makeStore({
      migrate: () => {
        throw new Error('boom');
      },
    });
    expect(throwing.getState().items).toEqual([]);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/pg\.paramsPanel.*migration from version 1 failed \(boom\)/);

    const wrong = makeStore({ migrate: (old) => ({ items: (old as { list: string }).list }) });
    expect(wrong.getState().items).toEqual([]);
    expect(String(warn.mock.calls[1]?.[0])).toContain('invalid');
  });

  it('storage that throws (disabled, private mode): the defaults, and the store still works in memory', () => {
    vi.stubGlobal('localStorage', memoryStorage({ failing: true }));
    const store = makeStore();
    expect(store.getState()).toMatchObject({ items: [], limit: 10 });
    expect(store.persist.hasHydrated()).toBe(true);
    expect(() => store.getState().add('a')).not.toThrow();
    expect(() => store.getState().add('b')).not.toThrow();
    expect(store.getState().items).toEqual(['a', 'b']);
    // One warning per key until a write succeeds again, not one per change.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('pg.paramsPanel: could not be saved');
  });

  it('a full quota: the change stays in memory and the stored value is the last one that fitted', () => {
    const full = memoryStorage({ quota: 80 });
    vi.stubGlobal('localStorage', full);
    const store = makeStore();
    store.getState().add('a');
    const fitted = full.getItem(KEY);
    expect(fitted).not.toBeNull();
    expect(() => store.getState().add('x'.repeat(100))).not.toThrow();
    expect(store.getState().items).toHaveLength(2);
    expect(full.getItem(KEY)).toBe(fitted);
  });

  it('a state JSON cannot hold (a cycle) is not stored and does not throw', () => {
    const store = makeStore();
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => store.setState({ items: cyclic as unknown as string[] })).not.toThrow();
    expect(local.getItem(KEY)).toBeNull();
  });
});

describe('the registry', () => {
  it('names each key once, all under pg.', () => {
    const keys = Object.values(STORAGE_KEYS).map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^pg\./);
  });
});
