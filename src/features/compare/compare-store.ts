// How the n choices of a response are shown: view mode, diff base, scroll sync, and which
// responses the person has already decided (continued with one choice). Persisted per browser.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import { persisted } from '../../lib/storage/persisted';

export type ChoiceView = 'text' | 'tokens' | 'diff';

/** One saved column of a configuration compare. `overrides` is JSON merged into the request body. */
export interface CompareConfig {
  id: string;
  endpointId: string | null;
  model: string;
  overrides: string;
}

interface CompareState {
  view: ChoiceView;
  /** Choice index the diff view compares against. */
  baseIndex: number;
  syncScroll: boolean;
  /** Request ids whose choices were decided: shown as one message with alternatives again. */
  decided: string[];
  configs: CompareConfig[];
  setConfigs: (configs: CompareConfig[]) => void;
  setView: (view: ChoiceView) => void;
  setBase: (index: number) => void;
  setSync: (on: boolean) => void;
  decide: (requestId: string) => void;
  reopen: (requestId: string) => void;
}

const KEEP_DECIDED = 500;

const storedSchema = v.partial(
  v.object({
    view: v.picklist(['text', 'tokens', 'diff']),
    baseIndex: v.number(),
    syncScroll: v.boolean(),
    decided: v.array(v.string()),
    configs: v.array(v.object({ id: v.string(), endpointId: v.nullable(v.string()), model: v.string(), overrides: v.string() })),
  }),
);

export const useCompareStore = create<CompareState>()(
  persist(
    (set) => ({
      view: 'text',
      baseIndex: 0,
      syncScroll: false,
      decided: [],
      configs: [],
      setConfigs: (configs) => set({ configs: configs.slice(0, 4) }),
      setView: (view) => set({ view }),
      setBase: (baseIndex) => set({ baseIndex }),
      setSync: (syncScroll) => set({ syncScroll }),
      decide: (id) => set((s) => ({ decided: [...s.decided.filter((d) => d !== id), id].slice(-KEEP_DECIDED) })),
      reopen: (id) => set((s) => ({ decided: s.decided.filter((d) => d !== id) })),
    }),
    persisted({ store: 'compare', version: 1, schema: storedSchema }),
  ),
);
