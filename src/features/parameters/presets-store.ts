import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import { newId } from '../../domain/ids';
import { DEFAULT_PARAM_VALUES } from '../../domain/params';
import type { RequestParams } from '../../domain/types';
import { persisted } from '../../lib/storage/persisted';
import { requestParamsSchema } from '../../lib/storage/schemas';

/** A named set of parameter values; the model is not part of it. */
export interface ParamPreset {
  id: string;
  name: string;
  params: Omit<RequestParams, 'model'>;
  updatedAt: number;
}

interface PresetsState {
  presets: ParamPreset[];
  save(name: string, params: RequestParams): string;
  overwrite(id: string, params: RequestParams): void;
  rename(id: string, name: string): void;
  remove(id: string): void;
}

function strip(params: RequestParams): Omit<RequestParams, 'model'> {
  const { model: _model, ...rest } = params;
  return structuredClone(rest);
}

const storedSchema = v.partial(
  v.object({
    presets: v.array(v.object({ id: v.string(), name: v.string(), params: v.omit(requestParamsSchema, ['model']), updatedAt: v.number() })),
  }),
);

export const usePresetsStore = create<PresetsState>()(
  persist(
    (set) => ({
      presets: [],
      save: (name, params) => {
        const preset: ParamPreset = { id: newId(), name: name.trim() || 'Preset', params: strip(params), updatedAt: Date.now() };
        set((s) => ({ presets: [...s.presets, preset] }));
        return preset.id;
      },
      overwrite: (id, params) =>
        set((s) => ({ presets: s.presets.map((p) => (p.id === id ? { ...p, params: strip(params), updatedAt: Date.now() } : p)) })),
      rename: (id, name) =>
        set((s) => ({ presets: s.presets.map((p) => (p.id === id && name.trim() !== '' ? { ...p, name: name.trim() } : p)) })),
      remove: (id) => set((s) => ({ presets: s.presets.filter((p) => p.id !== id) })),
    }),
    persisted({ store: 'paramPresets', version: 1, schema: storedSchema }),
  ),
);

/** A preset applied to the current parameters: its values, switches and extra body; the model stays. */
export function applyPreset(current: RequestParams, preset: ParamPreset): RequestParams {
  // Presets saved before a parameter existed get its default.
  const saved = structuredClone(preset.params);
  return { ...saved, values: { ...structuredClone(DEFAULT_PARAM_VALUES), ...saved.values }, model: current.model };
}
