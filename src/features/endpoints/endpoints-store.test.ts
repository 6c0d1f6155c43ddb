import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage, type MemoryStorage } from '../../lib/storage/memory-storage';

// The store hydrates when its module loads, so each test installs storage first and imports it fresh.
let local: MemoryStorage;
let session: MemoryStorage;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.resetModules();
  local = memoryStorage();
  session = memoryStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', session);
  vi.stubGlobal('window', { location: { href: 'http://127.0.0.1:4400/play/' } });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const load = () => import('./endpoints-store');

// What the store wrote before the storage helper existed: zustand's { state, version } under pg.endpoints.
const savedByVersion1 = {
  state: {
    endpoints: [
      {
        id: 'reference',
        name: 'Reference endpoint (built-in)',
        baseURL: 'http://127.0.0.1:8787/v1',
        headers: {},
        keyPersistence: 'device',
        presetId: 'reference',
        createdAt: 0,
      },
      {
        id: '3f1c2a9e-7b1d-4c55-9a7e-0d3b6f1e2a10',
        name: 'OpenRouter',
        baseURL: 'https://openrouter.ai/api/v1',
        headers: { 'HTTP-Referer': 'https://example.test', 'X-Title': 'Playground' },
        keyPersistence: 'session',
        presetId: 'openrouter',
        createdAt: 1735689600000,
      },
      {
        id: '9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b',
        name: '127.0.0.1',
        baseURL: 'http://127.0.0.1:11434/v1',
        headers: {},
        keyPersistence: 'device',
        createdAt: 1735689700000,
      },
    ],
    activeId: '3f1c2a9e-7b1d-4c55-9a7e-0d3b6f1e2a10',
  },
  version: 1,
};

describe('endpoints store read-back', () => {
  it('loads profiles stored by version 1 unchanged, with their keys from the key store', async () => {
    local.setItem('pg.endpoints', JSON.stringify(savedByVersion1));
    session.setItem('pg.apiKey.3f1c2a9e-7b1d-4c55-9a7e-0d3b6f1e2a10', 'sk-or-session');
    local.setItem('pg.apiKey.9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b', 'ollama-key');
    const { useEndpointsStore, activeEndpointConfig } = await load();
    const s = useEndpointsStore.getState();
    expect(s.endpoints.slice(1)).toEqual(savedByVersion1.state.endpoints.slice(1));
    // The built-in endpoint follows wherever the app is served from.
    expect(s.endpoints[0]).toEqual({ ...savedByVersion1.state.endpoints[0], baseURL: 'http://127.0.0.1:4400/play/v1' });
    expect(s.activeId).toBe('3f1c2a9e-7b1d-4c55-9a7e-0d3b6f1e2a10');
    expect(s.apiKeys).toEqual({
      reference: '',
      '3f1c2a9e-7b1d-4c55-9a7e-0d3b6f1e2a10': 'sk-or-session',
      '9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b': 'ollama-key',
    });
    expect(activeEndpointConfig().apiKey).toBe('sk-or-session');
    expect(warn).not.toHaveBeenCalled();
  });

  it('never writes a key into pg.endpoints', async () => {
    local.setItem('pg.endpoints', JSON.stringify(savedByVersion1));
    const { useEndpointsStore } = await load();
    useEndpointsStore.getState().setApiKey('9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b', 'sk-secret');
    expect(local.getItem('pg.endpoints')).not.toContain('sk-secret');
    expect(local.getItem('pg.apiKey.9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b')).toBe('sk-secret');
    expect(JSON.parse(local.getItem('pg.endpoints')!).version).toBe(1);
  });

  it('what a server refuses is stored with its profile, read back, and reset', async () => {
    local.setItem('pg.endpoints', JSON.stringify(savedByVersion1));
    const id = '9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b';
    let store = (await load()).useEndpointsStore;
    store.getState().markUnsupported(id, 'stream_options');
    store.getState().markUnsupported(id, 'stream_options');
    vi.resetModules();
    store = (await load()).useEndpointsStore;
    expect(store.getState().endpoints.find((e) => e.id === id)?.unsupported).toEqual(['stream_options']);
    store.getState().resetUnsupported(id);
    expect(store.getState().endpoints.find((e) => e.id === id)).toEqual(savedByVersion1.state.endpoints[2]);
    // A Mistral profile starts with it recorded.
    const mistral = store.getState().addEndpoint('mistral');
    expect(store.getState().endpoints.find((e) => e.id === mistral)?.unsupported).toEqual(['stream_options']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('continue styles: version-1 profiles fall back to their preset, presets set theirs, a choice is stored and read back', async () => {
    local.setItem('pg.endpoints', JSON.stringify(savedByVersion1));
    const { continueStyleOf } = await import('../../domain/endpoints');
    let store = (await load()).useEndpointsStore;
    const byId = (id: string) => store.getState().endpoints.find((e) => e.id === id)!;
    // Stored before the field existed: read unchanged, each resolves from its preset (or none).
    expect(continueStyleOf(byId('reference'))).toBe('trailing-assistant');
    expect(continueStyleOf(byId('3f1c2a9e-7b1d-4c55-9a7e-0d3b6f1e2a10'))).toBe('none'); // OpenRouter
    const ollama = '9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b';
    expect(continueStyleOf(byId(ollama))).toBe('none'); // no preset: an unknown server
    const deepseek = store.getState().addEndpoint('deepseek');
    expect(byId(deepseek).continueStyle).toBe('deepseek-prefix');
    store.getState().update(ollama, { continueStyle: 'trailing-assistant' });
    vi.resetModules();
    store = (await load()).useEndpointsStore;
    expect(byId(ollama).continueStyle).toBe('trailing-assistant');
    expect(byId(deepseek).continueStyle).toBe('deepseek-prefix');
    expect(JSON.parse(local.getItem('pg.endpoints')!).version).toBe(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('provider rules: set by the person or learned, read back after a reload, reset to the preset; older data needs no migration', async () => {
    local.setItem('pg.endpoints', JSON.stringify(savedByVersion1));
    const id = '9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b';
    let store = (await load()).useEndpointsStore;
    const profile = () => store.getState().endpoints.find((e) => e.id === id)!;
    store.getState().learnRule(id, 'reasoningSendBack', 'always');
    store.getState().setRule(id, 'outputLimit', 'max_tokens');
    vi.resetModules();
    store = (await load()).useEndpointsStore;
    expect([profile().reasoningSendBack, profile().outputLimit, profile().learned]).toEqual([
      'always',
      'max_tokens',
      ['reasoningSendBack'],
    ]);
    // The person choosing a learned rule makes it theirs.
    store.getState().setRule(id, 'reasoningSendBack', 'tool-turns');
    expect(profile().learned).toBeUndefined();
    store.getState().resetRule(id, 'reasoningSendBack');
    store.getState().resetRule(id, 'outputLimit');
    expect(profile()).toEqual(savedByVersion1.state.endpoints[2]);
    expect(JSON.parse(local.getItem('pg.endpoints')!).version).toBe(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('an unknown continue style is refused like any invalid stored state', async () => {
    const bad = structuredClone(savedByVersion1);
    (bad.state.endpoints[1] as Record<string, unknown>).continueStyle = 'telepathy';
    local.setItem('pg.endpoints', JSON.stringify(bad));
    const { useEndpointsStore } = await load();
    expect(useEndpointsStore.getState().endpoints.map((e) => e.id)).toEqual(['reference']);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('"split n into parallel requests" is off for profiles stored before it existed, and is stored, read back and turned off', async () => {
    local.setItem('pg.endpoints', JSON.stringify(savedByVersion1));
    const id = '3f1c2a9e-7b1d-4c55-9a7e-0d3b6f1e2a10';
    let store = (await load()).useEndpointsStore;
    expect(store.getState().endpoints.some((e) => e.splitN)).toBe(false);
    store.getState().setSplitN(id, true);
    expect(JSON.parse(local.getItem('pg.endpoints')!).version).toBe(1);
    vi.resetModules();
    store = (await load()).useEndpointsStore;
    expect(store.getState().endpoints.find((e) => e.id === id)?.splitN).toBe(true);
    store.getState().setSplitN(id, false);
    // Off is the absence of the field: the profile is as version 1 stored it.
    expect(store.getState().endpoints.find((e) => e.id === id)).toEqual(savedByVersion1.state.endpoints[1]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('a stored splitN that is not a boolean is refused like any invalid profile', async () => {
    const bad = { ...savedByVersion1.state.endpoints[2], splitN: 'yes' };
    local.setItem('pg.endpoints', JSON.stringify({ state: { endpoints: [bad], activeId: 'x' }, version: 1 }));
    const { useEndpointsStore } = await load();
    expect(useEndpointsStore.getState().endpoints.map((e) => e.id)).toEqual(['reference']);
    expect(String(warn.mock.calls[0]?.[0])).toContain('pg.endpoints');
  });

  it("secret headers are kept like the key: never in pg.endpoints, in the profile's storage area, back in memory on reload", async () => {
    local.setItem('pg.endpoints', JSON.stringify(savedByVersion1));
    const id = '3f1c2a9e-7b1d-4c55-9a7e-0d3b6f1e2a10'; // a session-only profile
    let store = (await load()).useEndpointsStore;
    const headers = { 'HTTP-Referer': 'https://example.test', 'x-api-key': 'xk-canary-1', 'X-Team-Token': 'team-canary-2' };
    store.getState().update(id, { headers });
    store.getState().update(id, { secretHeaders: ['x-team-token'] });
    const saved = local.getItem('pg.endpoints')!;
    expect(saved).not.toContain('xk-canary-1');
    expect(saved).not.toContain('team-canary-2');
    expect(saved).toContain('https://example.test'); // a plain header stays with its profile
    expect(JSON.parse(session.getItem(`pg.secretHeaders.${id}`)!)).toEqual({ 'x-api-key': 'xk-canary-1', 'X-Team-Token': 'team-canary-2' });
    expect(local.getItem(`pg.secretHeaders.${id}`)).toBeNull();
    vi.resetModules();
    store = (await load()).useEndpointsStore;
    expect(store.getState().endpoints.find((e) => e.id === id)?.headers).toEqual(headers);
    // Remembered on this device instead: moved to localStorage, gone from the session.
    store.getState().setKeyPersistence(id, 'device');
    expect(session.getItem(`pg.secretHeaders.${id}`)).toBeNull();
    expect(JSON.parse(local.getItem(`pg.secretHeaders.${id}`)!)).toHaveProperty('x-api-key', 'xk-canary-1');
    store.getState().remove(id);
    expect(local.getItem(`pg.secretHeaders.${id}`)).toBeNull();
    expect(JSON.parse(local.getItem('pg.endpoints')!).version).toBe(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('a credential header stored in a profile before secrets moved out is moved to the key store and saved again without it', async () => {
    const old = structuredClone(savedByVersion1);
    old.state.endpoints[2]!.headers = { 'OpenAI-Organization': 'org-canary-3', 'X-Title': 'kept' } as Record<string, string>;
    local.setItem('pg.endpoints', JSON.stringify(old));
    const id = '9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b';
    const { useEndpointsStore } = await load();
    expect(useEndpointsStore.getState().endpoints.find((e) => e.id === id)?.headers).toEqual({
      'OpenAI-Organization': 'org-canary-3',
      'X-Title': 'kept',
    });
    expect(JSON.parse(local.getItem(`pg.secretHeaders.${id}`)!)).toEqual({ 'OpenAI-Organization': 'org-canary-3' });
    await Promise.resolve();
    const saved = local.getItem('pg.endpoints')!;
    expect(saved).not.toContain('org-canary-3');
    expect(saved).toContain('"X-Title":"kept"');
    expect(warn).not.toHaveBeenCalled();
  });

  it('a stored secretHeaders that is not a list of names is refused like any invalid profile', async () => {
    const bad = { ...savedByVersion1.state.endpoints[2], secretHeaders: 'x-api-key' };
    local.setItem('pg.endpoints', JSON.stringify({ state: { endpoints: [bad], activeId: 'x' }, version: 1 }));
    const { useEndpointsStore } = await load();
    expect(useEndpointsStore.getState().endpoints.map((e) => e.id)).toEqual(['reference']);
  });

  it('adds the built-in endpoint when the stored list lacks it', async () => {
    local.setItem(
      'pg.endpoints',
      JSON.stringify({ state: { endpoints: [savedByVersion1.state.endpoints[2]], activeId: 'x' }, version: 1 }),
    );
    const { useEndpointsStore } = await load();
    expect(useEndpointsStore.getState().endpoints.map((e) => e.id)).toEqual(['reference', '9b2d4e6f-1a3c-4e5f-8a7b-6c5d4e3f2a1b']);
  });

  it('an invalid stored profile list: the built-in endpoint only, a warning, and the stored text kept', async () => {
    const bad = JSON.stringify({ state: { endpoints: [{ id: 'x', baseURL: 42 }], activeId: 'x' }, version: 1 });
    local.setItem('pg.endpoints', bad);
    const { useEndpointsStore, REFERENCE_ENDPOINT_ID } = await load();
    const s = useEndpointsStore.getState();
    expect(s.endpoints.map((e) => e.id)).toEqual([REFERENCE_ENDPOINT_ID]);
    expect(s.activeId).toBe(REFERENCE_ENDPOINT_ID);
    expect(String(warn.mock.calls[0]?.[0])).toContain('pg.endpoints');
    expect(local.getItem('pg.endpoints')).toBe(bad);
  });

  it('unreadable storage: the built-in endpoint, no crash', async () => {
    vi.stubGlobal('localStorage', memoryStorage({ failing: true }));
    vi.stubGlobal('sessionStorage', memoryStorage({ failing: true }));
    const { useEndpointsStore } = await load();
    expect(useEndpointsStore.getState().endpoints).toHaveLength(1);
    expect(() => useEndpointsStore.getState().addEndpoint('openrouter')).not.toThrow();
  });
});
