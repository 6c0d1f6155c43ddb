import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import type { ParamGroup } from '../../domain/params';
import { persisted } from '../../lib/storage/persisted';

const storedSchema = v.partial(v.object({ collapsed: v.record(v.string(), v.boolean()) }));

/** Which panel sections the person folded; all open by default so every control is reachable. */
export const usePanelUiStore = create<{ collapsed: Partial<Record<ParamGroup, boolean>>; toggle(group: ParamGroup): void }>()(
  persist(
    (set) => ({ collapsed: {}, toggle: (g) => set((s) => ({ collapsed: { ...s.collapsed, [g]: !s.collapsed[g] } })) }),
    persisted({ store: 'paramsPanel', version: 1, schema: storedSchema }),
  ),
);
