// The message view: per-message choices over a persisted default (rendered or raw).
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { memoryStorage, type MemoryStorage } from '../../lib/storage/memory-storage';

let local: MemoryStorage;

beforeEach(() => {
  vi.resetModules();
  local = memoryStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', memoryStorage());
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function load() {
  const store = await import('./message-view-store');
  const actions = await import('./message-view-actions');
  return { ...store, ...actions };
}

it('shows every message rendered until the person chooses otherwise', async () => {
  const m = await load();
  expect(m.textViewOf('a')).toBe('rendered');
  m.toggleRaw('a');
  expect(m.textViewOf('a')).toBe('raw');
  expect(m.textViewOf('b')).toBe('rendered');
  m.toggleRaw('a');
  expect(m.textViewOf('a')).toBe('rendered');
  // A message back in the default view leaves no entry behind.
  expect(m.useMessageViewStore.getState().chosen).toEqual({});
});

it('raw, rendered and tokens are one view: each replaces the other', async () => {
  const m = await load();
  m.toggleTokens('a');
  expect(m.textViewOf('a')).toBe('tokens');
  m.toggleRaw('a'); // from tokens straight to raw
  expect(m.textViewOf('a')).toBe('raw');
  m.toggleTokens('a');
  expect(m.textViewOf('a')).toBe('tokens');
  m.toggleTokens('a'); // tokens off: back to the default
  expect(m.textViewOf('a')).toBe('rendered');
  m.showView('a', 'raw');
  m.showView('a', 'rendered');
  expect(m.textViewOf('a')).toBe('rendered');
});

it('with raw as the default: every message shows raw, Raw toggles to rendered, Tokens off returns to raw', async () => {
  const m = await load();
  m.toggleRaw('a');
  m.setDefaultView('raw');
  // A new default applies to every message, also to one the person had switched by hand.
  expect(m.useMessageViewStore.getState().chosen).toEqual({});
  expect(m.textViewOf('a')).toBe('raw');
  expect(m.textViewOf('b')).toBe('raw');
  m.toggleRaw('b');
  expect(m.textViewOf('b')).toBe('rendered');
  m.toggleTokens('a');
  m.toggleTokens('a');
  expect(m.textViewOf('a')).toBe('raw');
});

it('persists the default only, not the choices made on single messages', async () => {
  let m = await load();
  m.setDefaultView('raw');
  m.toggleRaw('a');
  m.toggleTokens('b');
  expect(JSON.parse(local.getItem('pg.messageView')!)).toEqual({ state: { defaultView: 'raw' }, version: 1 });

  vi.resetModules(); // a reload
  m = await load();
  expect(m.useMessageViewStore.getState().defaultView).toBe('raw');
  expect(m.textViewOf('a')).toBe('raw');
  expect(m.textViewOf('b')).toBe('raw');
});

it('an unknown stored default is ignored with a warning, and the stored value is left alone', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const stored = JSON.stringify({ state: { defaultView: 'tokens' }, version: 1 });
  local.setItem('pg.messageView', stored);
  const m = await load();
  expect(m.useMessageViewStore.getState().defaultView).toBe('rendered');
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('pg.messageView'));
  expect(local.getItem('pg.messageView')).toBe(stored);
});

it('a default written by a newer version is not read', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  local.setItem('pg.messageView', JSON.stringify({ state: { defaultView: 'raw' }, version: 2 }));
  const m = await load();
  expect(m.useMessageViewStore.getState().defaultView).toBe('rendered');
});
