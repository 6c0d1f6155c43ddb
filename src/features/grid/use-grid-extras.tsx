import { useCallback, useMemo, useState } from 'react';
import { cellId, type Grid, type GridCell, type GridRow } from '../../domain/grid';
import { storedChecks } from '../../domain/grid-checks';
import { columnStats, failingRowIds } from '../../domain/grid-stats';
import type { Conversation, Message } from '../../domain/types';
import { CellMenu } from './CellMenu';
import { ColumnStatsView } from './ColumnStatsView';
import type { GridTableExtras } from './GridTable';
import { useCheckResults } from './use-check-results';

/** Checks, their results, the column figures, the failures filter and each cell's menu, for the grid dialog. */
export function useGridExtras(
  conversation: Conversation,
  path: readonly Message[],
  grid: Grid | null,
  cells: Record<string, GridCell>,
  onOpened: () => void,
) {
  const [failuresOnly, setFailuresOnly] = useState(false);
  const checks = useMemo(() => storedChecks(grid?.checks), [grid?.checks]);
  const resultsOf = useCheckResults(grid);
  const failing = useMemo(() => (grid ? failingRowIds(grid, cells, resultsOf) : new Set<string>()), [grid, cells, resultsOf]);
  const cellMenu = useCallback(
    (row: GridRow, rowIndex: number, configIndex: number) =>
      grid ? (
        <CellMenu
          key={cellId(grid.conversationId, row.id, grid.configs[configIndex]!.id)}
          conversation={conversation}
          path={path}
          grid={grid}
          cells={cells}
          row={row}
          rowIndex={rowIndex}
          configIndex={configIndex}
          onOpened={onOpened}
        />
      ) : null,
    [conversation, path, grid, cells, onOpened],
  );
  const extras: GridTableExtras | undefined = grid
    ? {
        checks,
        resultsOf,
        columnStats: (i) => (
          <ColumnStatsView stats={columnStats(grid, grid.configs[i]!, cells, resultsOf)} hasChecks={checks.length > 0} column={i} />
        ),
        cellMenu,
        visibleRowIds: failuresOnly ? failing : null,
      }
    : undefined;
  return { checks, extras, failuresOnly, setFailuresOnly, failing: failing.size };
}
