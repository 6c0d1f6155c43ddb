// Every persisted store, end to end: each registry key belongs to exactly one store, and what a
// store writes through its own actions reads back unchanged through its schema (a field added to a
// store but not to its schema would be dropped on reload and fail here).
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { memoryStorage, type MemoryStorage } from '../lib/storage/memory-storage';
import { STORAGE_KEYS } from '../lib/storage/keys';
import { defaultRequestParams } from '../domain/params';

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

async function stores() {
  return {
    editor: (await import('../features/editor/editor-store')).useEditorStore,
    workspace: (await import('../features/conversations/workspace-store')).useWorkspaceStore,
    paramPresets: (await import('../features/parameters/presets-store')).usePresetsStore,
    paramsPanel: (await import('../features/parameters/panel-ui-store')).usePanelUiStore,
    layout: (await import('../features/workspace/layout-store')).useLayoutStore,
    compare: (await import('../features/compare/compare-store')).useCompareStore,
    endpoints: (await import('../features/endpoints/endpoints-store')).useEndpointsStore,
    modelFacts: (await import('../features/endpoints/model-facts-store')).useModelFactsStore,
    composer: (await import('../features/conversations/composer-store')).useComposerStore,
    variables: (await import('../features/conversations/variables-store')).useVariablesStore,
    messageView: (await import('../features/conversations/message-view-store')).useMessageViewStore,
  };
}

it('each registry key is persisted by exactly one store, under its registered name', async () => {
  const all = await stores();
  expect(Object.keys(all).sort()).toEqual(Object.keys(STORAGE_KEYS).sort());
  for (const [name, store] of Object.entries(all)) {
    expect(store.persist.getOptions().name).toBe(STORAGE_KEYS[name as keyof typeof STORAGE_KEYS].key);
  }
});

it('what every store writes reads back unchanged, with no warning', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const s = await stores();
  const params = defaultRequestParams('gpt-4o');
  params.values.tools = [{ type: 'function', function: { name: 'f', description: 'd', parameters: { type: 'object' }, strict: true } }];
  params.values.response_format = { type: 'json_object' };
  params.values.reasoning_effort = 'high';
  params.enabled = { ...params.enabled, tools: true, reasoning_effort: true };

  s.editor.getState().rememberResult('get_weather', '{"temp":21}');
  s.editor.getState().markHandled('m-1');
  s.workspace.getState().open('c-1');
  s.workspace.getState().setDraftParams(params);
  s.workspace.getState().setMaxRetries(4);
  s.workspace.getState().setFirstByteTimeoutSec(90);
  s.workspace.getState().setPendingParams({ id: 'c-1', params, base: defaultRequestParams('gpt-4o') });
  s.paramPresets.getState().save('Focused', params);
  s.paramsPanel.getState().toggle('advanced');
  s.layout.getState().setSize('library', 300);
  s.layout.getState().setCollapsed('params', true);
  s.layout.getState().setTheme('dark');
  s.layout.getState().setWelcomed(true);
  s.compare.getState().setView('diff');
  s.compare.getState().setBase(1);
  s.compare.getState().setSync(true);
  s.compare.getState().decide('r-1');
  s.compare.getState().setConfigs([
    { id: 'k1', endpointId: null, model: 'a', overrides: '{}' },
    { id: 'k2', endpointId: 'reference', model: 'b', overrides: '{"temperature":0}' },
  ]);
  const id = s.endpoints.getState().addEndpoint('openrouter');
  s.endpoints.getState().update(id, { headers: { 'X-Title': 'Playground' } });
  s.endpoints.getState().setKeyPersistence(id, 'session');
  s.endpoints.getState().setSplitN(id, true);
  s.modelFacts.getState().setFact('gpt-4o', 'contextWindow', 128000);
  s.modelFacts.getState().setFact('gpt-4o', 'inputPrice', 2.5);
  s.modelFacts.getState().setFact('claude-x', 'cacheWritePrice', 3.75);
  s.modelFacts.getState().setFact('gpt-4o', 'vision', true);
  s.composer.getState().setText('half a question');
  s.composer
    .getState()
    .setParts([{ type: 'image', source: { kind: 'blob', blobId: 'b-1', mimeType: 'image/png', size: 3 }, detail: 'auto' }]);
  s.workspace.getState().open('c-2'); // the composer follows, keeping c-1's draft
  s.composer.getState().setText('another draft');
  s.variables.getState().setValue('c-2', 'city', 'Lyon');
  s.variables.getState().setValue(null, 'tone', '');
  expect(s.composer.getState().drafts['c-1']?.text).toBe('half a question');
  (await import('../features/conversations/message-view-actions')).setDefaultView('raw');

  const saved = (all: typeof s) =>
    Object.fromEntries(
      Object.entries(all).map(([name, store]) => [name, store.persist.getOptions().partialize!(store.getState() as never)]),
    );
  const before = JSON.parse(JSON.stringify(saved(s)));
  for (const name of Object.keys(STORAGE_KEYS)) expect(local.entries.has(STORAGE_KEYS[name as keyof typeof STORAGE_KEYS].key)).toBe(true);

  vi.resetModules(); // a reload: fresh modules over the same storage
  const reloaded = await stores();
  expect(JSON.parse(JSON.stringify(saved(reloaded)))).toEqual(before);
  expect(warn).not.toHaveBeenCalled();
});
