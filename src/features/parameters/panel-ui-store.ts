import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ParamGroup } from '../../domain/params';

/** Which panel sections the person folded; all open by default so every control is reachable. */
export const usePanelUiStore = create<{ collapsed: Partial<Record<ParamGroup, boolean>>; toggle(group: ParamGroup): void }>()(
  persist((set) => ({ collapsed: {}, toggle: (g) => set((s) => ({ collapsed: { ...s.collapsed, [g]: !s.collapsed[g] } })) }), {
    name: 'pg.paramsPanel',
    version: 1,
  }),
);
