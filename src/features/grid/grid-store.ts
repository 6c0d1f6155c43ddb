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

/**
 * Cell changes arrive per streamed piece, from up to dozens of cells at once: the screen takes them
 * together, at most every FLUSH_MS (a grid is read, not watched token by token; eight cells at
 * 100 tokens/s stay a light load), on an animation frame.
 */
export const FLUSH_MS = 150;
const pending = new Map<string, GridCell>();
let scheduled = false;
let lastFlush = 0;

function flush(): void {
  scheduled = false;
  lastFlush = performance.now();
  const batch = Object.fromEntries(pending);
  pending.clear();
  useGridStore.setState((s) =>
    s.grid?.conversationId === Object.values(batch)[0]?.conversationId ? { cells: { ...s.cells, ...batch } } : s,
  );
}

export function publishCell(cell: GridCell): void {
  pending.set(cell.id, cell);
  if (scheduled) return;
  scheduled = true;
  const visible = typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden;
  const wait = Math.max(0, lastFlush + FLUSH_MS - performance.now());
  if (!visible) setTimeout(flush, Math.max(50, wait));
  else if (wait > 0) setTimeout(() => requestAnimationFrame(flush), wait);
  else requestAnimationFrame(flush);
}

export function publishLane(view: LaneView): void {
  useGridStore.setState((s) => ({ lanes: { ...s.lanes, [view.endpointId]: view } }));
}
