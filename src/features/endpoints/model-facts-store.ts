import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import type { FactKey, ModelFacts } from '../../domain/model-facts';
import { persisted } from '../../lib/storage/persisted';

const storedSchema = v.partial(
  v.object({
    overrides: v.record(
      v.string(),
      v.partial(
        v.object({
          contextWindow: v.number(),
          maxOutput: v.number(),
          inputPrice: v.number(),
          cachedInputPrice: v.number(),
          cacheWritePrice: v.number(),
          outputPrice: v.number(),
          vision: v.boolean(),
          tools: v.boolean(),
          reasoning: v.boolean(),
        }),
      ),
    ),
  }),
);

interface ModelFactsState {
  /** What the person typed, per model id; wins over the catalog and the server. */
  overrides: Record<string, ModelFacts>;
  setFact(model: string, key: FactKey, value: ModelFacts[FactKey]): void;
  clearModel(model: string): void;
  /** Adds an imported file's facts: per model, its fields replace the person's. */
  importFacts(models: Record<string, ModelFacts>): void;
}

/** Persisted in localStorage: small, and read synchronously by the meter at startup. */
export const useModelFactsStore = create<ModelFactsState>()(
  persist(
    (set) => ({
      overrides: {},
      setFact: (model, key, value) =>
        set((s) => {
          const next: ModelFacts = { ...(s.overrides[model] ?? {}) };
          if (value === undefined) delete next[key];
          else (next as Record<FactKey, unknown>)[key] = value;
          const overrides = { ...s.overrides };
          if (Object.keys(next).length === 0) delete overrides[model];
          else overrides[model] = next;
          return { overrides };
        }),
      clearModel: (model) =>
        set((s) => {
          const { [model]: _gone, ...overrides } = s.overrides;
          return { overrides };
        }),
      importFacts: (models) =>
        set((s) => ({
          overrides: {
            ...s.overrides,
            ...Object.fromEntries(Object.entries(models).map(([m, f]) => [m, { ...(s.overrides[m] ?? {}), ...f }])),
          },
        })),
    }),
    persisted({ store: 'modelFacts', version: 1, schema: storedSchema }),
  ),
);
