// A backup's settings, end to end through the real stores: what "Export everything" reads from Web
// Storage carries no API key and no secret header value, and written into another browser's storage
// it loads into the same stores (profiles and presets merged by id, keys untouched).
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { defaultRequestParams } from '../domain/params';
import { memoryStorage, type MemoryStorage } from '../lib/storage/memory-storage';

let local: MemoryStorage;

beforeEach(() => {
  vi.resetModules();
  local = memoryStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', memoryStorage());
  vi.stubGlobal('window', { location: { href: 'http://127.0.0.1:8787/' } });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function load() {
  return {
    endpoints: (await import('../features/endpoints/endpoints-store')).useEndpointsStore,
    modelFacts: (await import('../features/endpoints/model-facts-store')).useModelFactsStore,
    presets: (await import('../features/parameters/presets-store')).usePresetsStore,
    compare: (await import('../features/compare/compare-store')).useCompareStore,
    layout: (await import('../features/workspace/layout-store')).useLayoutStore,
    backup: await import('../lib/storage/settings-backup'),
  };
}

/** A browser with settings: a profile with a key, a secret header and a plain one, a preset, a price, compare and layout choices. */
async function configured() {
  const s = await load();
  const id = s.endpoints.getState().addEndpoint();
  s.endpoints.getState().update(id, {
    name: 'Team gateway',
    baseURL: 'https://gw.example.test/v1',
    headers: { 'x-api-key': 'xk-canary-1', 'X-Team-Token': 'team-canary-2', 'HTTP-Referer': 'https://plain.example.test' },
    secretHeaders: ['x-team-token'],
  });
  s.endpoints.getState().setApiKey(id, 'sk-canary-0');
  s.presets.getState().save('Focused', defaultRequestParams('gpt-4o'));
  s.modelFacts.getState().setFact('gpt-4o', 'inputPrice', 2.5);
  s.compare.getState().setConfigs([{ id: 'k1', endpointId: id, model: 'gpt-4o', overrides: '{"temperature":0}' }]);
  s.layout.getState().setSize('library', 333);
  return { s, id };
}

it('the settings read for a backup hold every setting but no key and no secret header value', async () => {
  const { s } = await configured();
  const text = JSON.stringify(s.backup.readSettings());
  expect(text).not.toContain('sk-canary-0');
  expect(text).not.toContain('xk-canary-1');
  expect(text).not.toContain('team-canary-2');
  // Custom header values stay out too, as in every export (they often carry credentials).
  expect(text).not.toContain('https://plain.example.test');
  expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['compare', 'endpoints', 'layout', 'modelFacts', 'paramPresets']);
});

it('restored in another browser, the stores load them exactly; profiles and presets are merged, keys stay', async () => {
  const { s, id } = await configured();
  const snapshot = JSON.parse(JSON.stringify(s.backup.readSettings())) as Record<string, { state: unknown; version: number }>;
  const before = {
    presets: s.presets.getState().presets,
    overrides: s.modelFacts.getState().overrides,
    configs: s.compare.getState().configs,
    panes: s.layout.getState().panes,
  };

  // Another browser: its own profile (with its own key) and preset.
  vi.resetModules();
  local = memoryStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', memoryStorage());
  let t = await load();
  const mine = t.endpoints.getState().addEndpoint();
  t.endpoints.getState().setApiKey(mine, 'sk-mine');
  t.presets.getState().save('Mine', defaultRequestParams('gpt-4o-mini'));
  const { valid, rejected } = t.backup.checkSettings(snapshot);
  expect(rejected).toEqual([]);
  t.backup.writeSettings(valid);

  vi.resetModules(); // the page reloads
  t = await load();
  const endpoints = t.endpoints.getState();
  expect(endpoints.endpoints.map((e) => e.id)).toEqual(expect.arrayContaining(['reference', mine, id]));
  expect(endpoints.endpoints.find((e) => e.id === id)).toMatchObject({
    name: 'Team gateway',
    baseURL: 'https://gw.example.test/v1',
    headers: {},
  });
  expect(endpoints.apiKeys[mine]).toBe('sk-mine');
  expect(endpoints.apiKeys[id]).toBe('');
  expect(endpoints.activeId).toBe(mine);
  expect(t.presets.getState().presets.map((p) => p.name)).toEqual(['Mine', ...before.presets.map((p) => p.name)]);
  expect(t.modelFacts.getState().overrides).toEqual(before.overrides);
  expect(t.compare.getState().configs).toEqual(before.configs);
  expect(t.layout.getState().panes).toEqual(before.panes);
});

it('a setting the store would refuse is left out and the saved one stays', async () => {
  const s = await load();
  s.presets.getState().save('Keep me', defaultRequestParams('gpt-4o'));
  const saved = local.getItem('pg.paramPresets');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { valid, rejected } = s.backup.checkSettings({
    paramPresets: { state: { presets: 'not a list' }, version: 1 },
    apiKeys: { state: {}, version: 1 },
  });
  expect(rejected).toEqual(['paramPresets', 'apiKeys']);
  s.backup.writeSettings(valid);
  expect(local.getItem('pg.paramPresets')).toBe(saved);
});
