import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAM_VALUES, defaultRequestParams } from '../../domain/params';
import { memoryStorage, type MemoryStorage } from '../../lib/storage/memory-storage';

// The store hydrates when its module loads, so each test installs storage first and imports it fresh.
let local: MemoryStorage;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.resetModules();
  local = memoryStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', memoryStorage());
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const load = () => import('./workspace-store');
const save = (state: unknown, version = 1) => local.setItem('pg.workspace', JSON.stringify({ state, version }));

const edited = () => {
  const p = defaultRequestParams('gpt-4o-mini');
  p.values.temperature = 0.3;
  p.values.stop = ['\n\n', 'END'];
  p.values.response_format = { type: 'json_schema', json_schema: { name: 'answer', strict: true, schema: { type: 'object' } } };
  p.values.tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];
  p.values.tool_choice = { type: 'function', function: { name: 'get_weather' } };
  p.values.logit_bias = { '50256': -100 };
  p.values.metadata = { team: 'a' };
  p.enabled = { stream: true, include_usage: true, temperature: true, tools: true };
  p.extraBody = '{"top_k": 40}';
  return p;
};

describe('workspace store read-back', () => {
  it('loads everything version 1 stored, including the write-ahead parameter edit', async () => {
    const state = {
      activeConversationId: 'c-123',
      draftParams: edited(),
      maxRetries: 5,
      firstByteTimeoutSec: 120,
      pendingParams: { id: 'c-123', params: edited(), base: defaultRequestParams('gpt-4o-mini') },
    };
    save(state);
    const { useWorkspaceStore } = await load();
    const s = useWorkspaceStore.getState();
    expect({
      activeConversationId: s.activeConversationId,
      draftParams: s.draftParams,
      maxRetries: s.maxRetries,
      firstByteTimeoutSec: s.firstByteTimeoutSec,
      pendingParams: s.pendingParams,
    }).toEqual(state);
    expect(warn).not.toHaveBeenCalled();
  });

  it('loads the partial shape the e2e and bench helpers write (only the open conversation)', async () => {
    save({ activeConversationId: 'c-9' });
    const { useWorkspaceStore, DEFAULT_MODEL } = await load();
    const s = useWorkspaceStore.getState();
    expect(s.activeConversationId).toBe('c-9');
    expect(s.draftParams).toEqual(defaultRequestParams(DEFAULT_MODEL));
    expect(s.maxRetries).toBe(2);
    expect(s.pendingParams).toBeNull();
  });

  it('an emptied number field (NaN, stored by JSON as null) comes back as NaN, the field still empty', async () => {
    const p = defaultRequestParams('ref-chat');
    save({ draftParams: JSON.parse(JSON.stringify({ ...p, values: { ...p.values, temperature: Number.NaN } })) });
    const { useWorkspaceStore } = await load();
    expect(useWorkspaceStore.getState().draftParams.values.temperature).toBeNaN();
    expect(warn).not.toHaveBeenCalled();
  });

  it('parameters saved before a parameter existed get its default', async () => {
    const { safety_identifier: _gone, audio: _gone2, ...older } = DEFAULT_PARAM_VALUES;
    save({ draftParams: { model: 'm', values: { ...older, temperature: 0.5 }, enabled: {}, extraBody: '' } });
    const { useWorkspaceStore } = await load();
    const values = useWorkspaceStore.getState().draftParams.values;
    expect(values.temperature).toBe(0.5);
    expect(values.safety_identifier).toBe('');
    expect(values.audio).toEqual({ voice: 'alloy', format: 'wav' });
  });

  it('a broken stored state: the defaults and a warning naming pg.workspace, the stored text kept', async () => {
    save({ activeConversationId: 42, draftParams: { model: 'm', values: { reasoning_effort: 'extreme' } } });
    const before = local.getItem('pg.workspace');
    const { useWorkspaceStore } = await load();
    expect(useWorkspaceStore.getState().activeConversationId).toBeNull();
    expect(String(warn.mock.calls[0]?.[0])).toContain('pg.workspace');
    expect(local.getItem('pg.workspace')).toBe(before);
    useWorkspaceStore.getState().open('c-1');
    expect(JSON.parse(local.getItem('pg.workspace')!)).toMatchObject({ state: { activeConversationId: 'c-1' }, version: 1 });
  });

  it('does not persist what partialize leaves out, and writes version 1', async () => {
    const { useWorkspaceStore } = await load();
    useWorkspaceStore.getState().setMaxRetries(3);
    const saved = JSON.parse(local.getItem('pg.workspace')!);
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.state).sort()).toEqual([
      'activeConversationId',
      'draftParams',
      'firstByteTimeoutSec',
      'maxRetries',
      'pendingParams',
    ]);
  });
});
