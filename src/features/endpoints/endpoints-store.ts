import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import { CONTINUE_STYLES } from '../../domain/continue-style';
import { analyzeBaseURL, findPreset, hostLabel, normalizeBaseURL, splitHeaders } from '../../domain/endpoints';
import { newId } from '../../domain/ids';
import type { Endpoint, KeyPersistence } from '../../domain/types';
import { OUTPUT_LIMIT_RULES, REASONING_SEND_BACK, RULE_KEYS } from '../../domain/provider-rules';
import type { RuleKey } from '../../domain/provider-rules';
import {
  forgetApiKey,
  forgetSecretHeaders,
  readApiKey,
  readSecretHeaders,
  writeApiKey,
  writeSecretHeaders,
} from '../../lib/keys/key-store';
import { persisted } from '../../lib/storage/persisted';

export const REFERENCE_ENDPOINT_ID = 'reference';

/** The built-in endpoint is served next to the app (`npm start`, or Vite's dev proxy). */
export function referenceBaseURL(): string {
  return normalizeBaseURL(new URL('v1', window.location.href).href);
}

function referenceEndpoint(): Endpoint {
  return {
    id: REFERENCE_ENDPOINT_ID,
    name: 'Reference endpoint (built-in)',
    baseURL: referenceBaseURL(),
    headers: {},
    keyPersistence: 'device',
    presetId: 'reference',
    createdAt: 0,
  };
}

interface EndpointsState {
  endpoints: Endpoint[];
  activeId: string;
  /** In memory only; the key store owns persistence (see partialize). Secret header values, likewise, sit in memory in `headers`. */
  apiKeys: Record<string, string>;
  setActive(id: string): void;
  update(id: string, patch: Partial<Omit<Endpoint, 'id'>>): void;
  setApiKey(id: string, key: string): void;
  setKeyPersistence(id: string, persistence: KeyPersistence): void;
  /** Finds a profile by base URL or creates one; makes it active. */
  activateBaseURL(baseURL: string): string;
  /** A new profile from a preset (or blank), made active; returns its id. */
  addEndpoint(presetId?: string): string;
  /** The profile's server refused `field` (one the app adds on its own): later requests leave it out. */
  markUnsupported(id: string, field: string): void;
  /** Forgets what the profile's server refused: the app sends those fields again. */
  resetUnsupported(id: string): void;
  /** Whether requests for several choices go out as parallel single-choice requests (for servers that refuse or ignore `n`). */
  setSplitN(id: string, on: boolean): void;
  /** The person sets a provider rule of the profile (it is no longer marked learned). */
  setRule<K extends RuleKey>(id: string, key: K, value: Endpoint[K]): void;
  /** The app learned a rule from the server's refusal: set and marked learned. */
  learnRule<K extends RuleKey>(id: string, key: K, value: Endpoint[K]): void;
  /** Forgets the profile's own value of a rule: the preset (or the model's facts) decides again. */
  resetRule(id: string, key: RuleKey): void;
  /** Deletes a profile and its key; the built-in endpoint stays. */
  remove(id: string): void;
}

const storedSchema = v.partial(
  v.object({
    endpoints: v.array(
      v.object({
        id: v.string(),
        name: v.string(),
        baseURL: v.string(),
        headers: v.record(v.string(), v.string()),
        keyPersistence: v.picklist(['device', 'session']),
        presetId: v.optional(v.string()),
        keyHeader: v.optional(v.picklist(['authorization', 'api-key'])),
        createdAt: v.number(),
        unsupported: v.optional(v.array(v.string())),
        // Added without a version bump: version-1 profiles have none and fall back to their preset's.
        continueStyle: v.optional(v.picklist(CONTINUE_STYLES.map((s) => s.id))),
        // Added without a version bump: optional, so what version 1 stored is still valid (off), and an
        // older build reading it drops only this key instead of every profile.
        splitN: v.optional(v.boolean()),
        // Added without a version bump: absent in older data means "the preset decides", as before.
        reasoningSendBack: v.optional(v.picklist(REASONING_SEND_BACK)),
        outputLimit: v.optional(v.picklist(OUTPUT_LIMIT_RULES)),
        learned: v.optional(v.array(v.picklist(RULE_KEYS))),
        // Added without a version bump, like splitN. Profiles stored before it may still hold a
        // credential header's value in `headers`: read back, it is moved to the key store (adoptSecrets).
        secretHeaders: v.optional(v.array(v.string())),
      }),
    ),
    activeId: v.string(),
  }),
);

/** Secret header values go to the key store, with the profile's key persistence (device or session). */
function storeSecrets(endpoint: Endpoint): void {
  writeSecretHeaders(endpoint.id, splitHeaders(endpoint.headers, endpoint.secretHeaders).secret, endpoint.keyPersistence);
}

/** What is saved of a profile: everything but the values of its secret headers. */
function withoutSecrets(endpoint: Endpoint): Endpoint {
  return { ...endpoint, headers: splitHeaders(endpoint.headers, endpoint.secretHeaders).plain };
}

/**
 * On reading profiles back: the key store's secret values join the in-memory headers, and a secret
 * value still found in the stored profile (saved before secrets moved out) moves to the key store;
 * the next save of the profiles no longer has it.
 */
let adoptedLegacySecrets = false;

function adoptSecrets(endpoint: Endpoint): Endpoint {
  const legacy = splitHeaders(endpoint.headers, endpoint.secretHeaders).secret;
  const kept = readSecretHeaders(endpoint.id);
  const secret = { ...legacy, ...kept };
  if (Object.keys(legacy).length > 0) {
    writeSecretHeaders(endpoint.id, secret, endpoint.keyPersistence);
    adoptedLegacySecrets = true;
  }
  return { ...endpoint, headers: { ...endpoint.headers, ...secret } };
}

export const useEndpointsStore = create<EndpointsState>()(
  persist(
    (set, get) => ({
      endpoints: [referenceEndpoint()],
      activeId: REFERENCE_ENDPOINT_ID,
      apiKeys: {},
      setActive: (id) => set({ activeId: id }),
      update: (id, patch) => {
        set((s) => ({
          endpoints: s.endpoints.map((e) =>
            e.id === id ? { ...e, ...patch, ...(patch.baseURL !== undefined ? { baseURL: patch.baseURL } : {}) } : e,
          ),
        }));
        const endpoint = get().endpoints.find((e) => e.id === id);
        if (endpoint && (patch.headers || patch.secretHeaders || patch.keyPersistence)) storeSecrets(endpoint);
      },
      setApiKey: (id, key) => {
        const endpoint = get().endpoints.find((e) => e.id === id);
        writeApiKey(id, key, endpoint?.keyPersistence ?? 'device');
        set((s) => ({ apiKeys: { ...s.apiKeys, [id]: key } }));
      },
      setKeyPersistence: (id, persistence) => {
        writeApiKey(id, get().apiKeys[id] ?? readApiKey(id), persistence);
        get().update(id, { keyPersistence: persistence });
      },
      activateBaseURL: (raw) => {
        // A URL carrying a key is never stored; the active profile stays.
        if (analyzeBaseURL(raw).refused) return get().activeId;
        const baseURL = normalizeBaseURL(raw);
        const existing = get().endpoints.find((e) => normalizeBaseURL(e.baseURL) === baseURL);
        if (existing) {
          set({ activeId: existing.id });
          return existing.id;
        }
        const endpoint: Endpoint = {
          id: newId(),
          name: hostLabel(baseURL),
          baseURL,
          headers: {},
          keyPersistence: 'device',
          createdAt: Date.now(),
        };
        set((s) => ({ endpoints: [...s.endpoints, endpoint], activeId: endpoint.id }));
        return endpoint.id;
      },
      addEndpoint: (presetId) => {
        const preset = findPreset(presetId);
        if (preset?.id === REFERENCE_ENDPOINT_ID) {
          set({ activeId: REFERENCE_ENDPOINT_ID });
          return REFERENCE_ENDPOINT_ID;
        }
        const taken = new Set(get().endpoints.map((e) => e.name));
        const base = preset?.name ?? 'New endpoint';
        let name = base;
        for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
        const endpoint: Endpoint = {
          id: newId(),
          name,
          baseURL: preset?.baseURL ?? '',
          headers: {},
          keyPersistence: 'device',
          ...(preset ? { presetId: preset.id } : {}),
          createdAt: Date.now(),
          ...(preset?.unsupported ? { unsupported: [...preset.unsupported] } : {}),
          ...(preset?.continueStyle ? { continueStyle: preset.continueStyle } : {}),
        };
        set((s) => ({ endpoints: [...s.endpoints, endpoint], activeId: endpoint.id }));
        return endpoint.id;
      },
      markUnsupported: (id, field) =>
        set((s) => ({
          endpoints: s.endpoints.map((e) =>
            e.id === id && !(e.unsupported ?? []).includes(field) ? { ...e, unsupported: [...(e.unsupported ?? []), field] } : e,
          ),
        })),
      resetUnsupported: (id) =>
        set((s) => ({
          endpoints: s.endpoints.map((e) => {
            if (e.id !== id) return e;
            const { unsupported: _gone, ...rest } = e;
            return rest;
          }),
        })),
      setSplitN: (id, on) =>
        set((s) => ({
          endpoints: s.endpoints.map((e) => {
            if (e.id !== id) return e;
            const { splitN: _old, ...rest } = e;
            return on ? { ...rest, splitN: true } : rest;
          }),
        })),
      setRule: (id, key, value) => set((s) => ({ endpoints: s.endpoints.map((e) => (e.id === id ? withRule(e, key, value, false) : e)) })),
      learnRule: (id, key, value) => set((s) => ({ endpoints: s.endpoints.map((e) => (e.id === id ? withRule(e, key, value, true) : e)) })),
      resetRule: (id, key) => set((s) => ({ endpoints: s.endpoints.map((e) => (e.id === id ? withRule(e, key, undefined, false) : e)) })),
      remove: (id) => {
        if (id === REFERENCE_ENDPOINT_ID) return;
        forgetApiKey(id);
        forgetSecretHeaders(id);
        set((s) => {
          const endpoints = s.endpoints.filter((e) => e.id !== id);
          const { [id]: _gone, ...apiKeys } = s.apiKeys;
          return { endpoints, apiKeys, activeId: s.activeId === id ? REFERENCE_ENDPOINT_ID : s.activeId };
        });
      },
    }),
    persisted({
      store: 'endpoints',
      version: 1,
      schema: storedSchema,
      partialize: (s) => ({ endpoints: s.endpoints.map(withoutSecrets), activeId: s.activeId }),
      onRehydrateStorage: () => (state) => {
        if (!state) return;
        // The reference endpoint follows wherever the app is served from.
        state.endpoints = state.endpoints.map((e) => (e.id === REFERENCE_ENDPOINT_ID ? { ...e, baseURL: referenceBaseURL() } : e));
        if (!state.endpoints.some((e) => e.id === REFERENCE_ENDPOINT_ID)) state.endpoints.unshift(referenceEndpoint());
        state.endpoints = state.endpoints.map(adoptSecrets);
        // A secret found in the stored profiles is saved again at once without it: it must not
        // wait in plain storage for the person's next change.
        if (adoptedLegacySecrets) queueMicrotask(() => useEndpointsStore.setState((s) => ({ endpoints: [...s.endpoints] })));
        state.apiKeys = Object.fromEntries(state.endpoints.map((e) => [e.id, readApiKey(e.id)]));
      },
    }),
  ),
);

/** `endpoint` with rule `key` set to `value` (undefined: removed), marked learned or not. */
function withRule<K extends RuleKey>(endpoint: Endpoint, key: K, value: Endpoint[K] | undefined, learned: boolean): Endpoint {
  const { [key]: _old, learned: marks = [], ...rest } = endpoint;
  const others = marks.filter((k) => k !== key);
  const nextMarks = learned ? [...others, key] : others;
  return {
    ...rest,
    ...(value !== undefined ? { [key]: value } : {}),
    ...(nextMarks.length > 0 ? { learned: nextMarks } : {}),
  } as Endpoint;
}

export function useActiveEndpoint(): Endpoint {
  return useEndpointsStore((s) => s.endpoints.find((e) => e.id === s.activeId) ?? s.endpoints[0]!);
}

export function activeEndpointConfig(): { endpoint: Endpoint; apiKey: string } {
  const s = useEndpointsStore.getState();
  const endpoint = s.endpoints.find((e) => e.id === s.activeId) ?? s.endpoints[0]!;
  return { endpoint, apiKey: s.apiKeys[endpoint.id] ?? readApiKey(endpoint.id) };
}

/** The profile `id` and its key, for a request to an endpoint other than the active one. */
export function endpointConfig(id: string): { endpoint: Endpoint; apiKey: string } | undefined {
  const s = useEndpointsStore.getState();
  const endpoint = s.endpoints.find((e) => e.id === id);
  return endpoint ? { endpoint, apiKey: s.apiKeys[endpoint.id] ?? readApiKey(endpoint.id) } : undefined;
}
