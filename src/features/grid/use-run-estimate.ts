import { useEffect, useState } from 'react';
import type { Grid, GridCell } from '../../domain/grid';
import type { GridEstimate } from '../../domain/grid-estimate';
import type { Conversation, Message } from '../../domain/types';
import { generationDeps } from '../generation/default-deps';
import { targetsFor } from './grid-actions';
import { estimateRun } from './grid-estimate';

/** The estimate of what Run would send now; recounted a moment after the rows or columns change (null while running). */
export function useRunEstimate(
  conversation: Conversation,
  path: readonly Message[],
  grid: Grid | null,
  cells: Readonly<Record<string, GridCell>>,
  mode: 'resume' | 'all',
): GridEstimate | null {
  const [estimate, setEstimate] = useState<GridEstimate | null>(null);
  // Cells change many times a second while a run streams: only which cells are left matters here.
  const targets = grid ? targetsFor(grid, cells, mode) : [];
  const key = grid
    ? `${grid.conversationId}|${JSON.stringify(grid.configs)}|${targets.map(([r, c]) => `${r.id}:${c.id}`).join(',')}|${grid.rows.map((r) => JSON.stringify(r.values)).join('\n')}`
    : '';
  const latest = { conversation, path, grid, targets };
  const [snapshot] = useState(() => ({ current: latest }));
  snapshot.current = latest;
  useEffect(() => {
    const { conversation: c, path: p, grid: g, targets: t } = snapshot.current;
    if (!g || t.length === 0) {
      setEstimate(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      if (live) setEstimate(estimateRun(c, p, g, t, generationDeps()));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, path, snapshot]);
  return estimate;
}
