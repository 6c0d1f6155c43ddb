import { create } from 'zustand';
import type { Grid, GridCell } from '../../domain/grid';
import type { LaneView } from './lane-gate';

/** The open grid, its cells (live while they stream) and the run in progress, if any. */
interface GridState {
  grid: Grid | null;
  cells: Record<string, GridCell>;
  controller: AbortController | null;
  /** Why the grid could not load or store, shown above it. */
  problem: string | null;
  /** Each endpoint profile's lane in the run going on (waiting after a 429, slowed by its limits). */
  lanes: Record<string, LaneView>;
}

export const useGridStore = create<GridState>()(() => ({ grid: null, cells: {}, controller: null, problem: null, lanes: {} }));

/** Cell changes arrive per streamed piece; the screen takes them at most once a frame. */
const pending = new Map<string, GridCell>();
let scheduled = false;

export function publishCell(cell: GridCell): void {
  pending.set(cell.id, cell);
  if (scheduled) return;
  scheduled = true;
  const flush = () => {
    scheduled = false;
    const batch = Object.fromEntries(pending);
    pending.clear();
    useGridStore.setState((s) =>
      s.grid?.conversationId === Object.values(batch)[0]?.conversationId ? { cells: { ...s.cells, ...batch } } : s,
    );
  };
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) requestAnimationFrame(flush);
  else setTimeout(flush, 50);
}

export function publishLane(view: LaneView): void {
  useGridStore.setState((s) => ({ lanes: { ...s.lanes, [view.endpointId]: view } }));
}
