import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import { persisted } from '../../lib/storage/persisted';

export type SidePane = 'library' | 'params';
export type ThemePref = 'light' | 'dark' | 'system';

export interface PaneState {
  /** Width in CSS pixels when expanded. */
  size: number;
  collapsed: boolean;
}

export const PANE_LIMITS: Record<SidePane, { min: number; max: number; initial: number }> = {
  library: { min: 200, max: 420, initial: 256 },
  params: { min: 260, max: 560, initial: 320 },
};

export function clampSize(pane: SidePane, size: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, size)));
}

interface LayoutState {
  panes: Record<SidePane, PaneState>;
  /** On narrow screens the side panes are drawers; at most one is open. Not persisted. */
  drawer: SidePane | null;
  theme: ThemePref;
  /** The first-run welcome was dismissed. */
  welcomed: boolean;
  paletteOpen: boolean;
  shortcutsOpen: boolean;
  setSize(pane: SidePane, size: number): void;
  setCollapsed(pane: SidePane, collapsed: boolean): void;
  setDrawer(pane: SidePane | null): void;
  setTheme(theme: ThemePref): void;
  setWelcomed(welcomed: boolean): void;
  setPaletteOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
}

const paneSchema = v.object({ size: v.number(), collapsed: v.boolean() });
const storedSchema = v.partial(
  v.object({
    panes: v.object({ library: paneSchema, params: paneSchema }),
    theme: v.picklist(['light', 'dark', 'system']),
    welcomed: v.boolean(),
  }),
);

/** The shell's own state: pane sizes, theme and first-run flag persist; overlays do not. */
export const useLayoutStore = create<LayoutState>()(
  persist(
    (set) => ({
      panes: {
        library: { size: PANE_LIMITS.library.initial, collapsed: false },
        params: { size: PANE_LIMITS.params.initial, collapsed: false },
      },
      drawer: null,
      theme: 'system',
      welcomed: false,
      paletteOpen: false,
      shortcutsOpen: false,
      setSize: (pane, size) => set((s) => ({ panes: { ...s.panes, [pane]: { ...s.panes[pane], size: clampSize(pane, size) } } })),
      setCollapsed: (pane, collapsed) => set((s) => ({ panes: { ...s.panes, [pane]: { ...s.panes[pane], collapsed } } })),
      setDrawer: (drawer) => set({ drawer }),
      setTheme: (theme) => set({ theme }),
      setWelcomed: (welcomed) => set({ welcomed }),
      setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
      setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
    }),
    persisted({
      store: 'layout',
      version: 1,
      schema: storedSchema,
      partialize: (s) => ({ panes: s.panes, theme: s.theme, welcomed: s.welcomed }),
    }),
  ),
);

/** Below this width the side panes become drawers over the conversation. */
export const NARROW_QUERY = '(max-width: 899px)';

/** Shows a side pane (opens its drawer when narrow), leaving it open if it already is. */
export function showPane(pane: SidePane): void {
  const s = useLayoutStore.getState();
  if (window.matchMedia(NARROW_QUERY).matches) s.setDrawer(pane);
  else if (s.panes[pane].collapsed) s.setCollapsed(pane, false);
}

/** Toggles a side pane the way the current screen shows it: a drawer when narrow, a column otherwise. */
export function togglePane(pane: SidePane): void {
  const s = useLayoutStore.getState();
  if (window.matchMedia(NARROW_QUERY).matches) s.setDrawer(s.drawer === pane ? null : pane);
  else s.setCollapsed(pane, !s.panes[pane].collapsed);
}
