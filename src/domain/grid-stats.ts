/**
 * What the grid says per cell and per column once checks ran: a cell passes when it finished and
 * every check passed, fails when a check failed (or the request ended in an error), and is pending
 * otherwise; a column shows its pass rate, total cost and median latency.
 */
import { cellId, type Grid, type GridCell, type GridConfig, type GridRow } from './grid';
import { runCheck, type CheckResult, type GridCheck, type SchemaValidator } from './grid-checks';

export type CellVerdict = 'pass' | 'fail' | 'pending';

/** One result per check, in order; null while the cell has none (not finished, validator not loaded). */
export function cellResults(
  checks: readonly GridCheck[],
  cell: GridCell | undefined,
  row: GridRow,
  validate: SchemaValidator | null,
): (CheckResult | null)[] {
  return checks.map((check) => runCheck(check, cell, row, validate));
}

export function cellVerdict(cell: GridCell | undefined, results: readonly (CheckResult | null)[]): CellVerdict {
  if (cell?.status === 'error') return 'fail';
  if (cell?.status !== 'done') return 'pending';
  if (results.some((r) => r !== null && !r.pass)) return 'fail';
  return results.every((r) => r !== null) ? 'pass' : 'pending';
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ColumnStats {
  /** Cells with a verdict (finished, or ended in an error). */
  judged: number;
  passed: number;
  /** Sum of the known costs, and how many cells had one. */
  cost: number;
  priced: number;
  /** Medians over the column's finished cells, ms. */
  medianMs: number | null;
  medianTtftMs: number | null;
}

/** The figures of one column; `resultsOf` gives a cell's check results (cached by the caller). */
export function columnStats(
  grid: Pick<Grid, 'conversationId' | 'rows'>,
  config: GridConfig,
  cells: Readonly<Record<string, GridCell>>,
  resultsOf: (cell: GridCell | undefined, row: GridRow) => readonly (CheckResult | null)[],
): ColumnStats {
  const stats: ColumnStats = { judged: 0, passed: 0, cost: 0, priced: 0, medianMs: null, medianTtftMs: null };
  const times: number[] = [];
  const ttfts: number[] = [];
  for (const row of grid.rows) {
    const cell = cells[cellId(grid.conversationId, row.id, config.id)];
    const verdict = cellVerdict(cell, resultsOf(cell, row));
    if (verdict !== 'pending') stats.judged++;
    if (verdict === 'pass') stats.passed++;
    if (!cell) continue;
    if (cell.cost !== null) {
      stats.cost += cell.cost;
      stats.priced++;
    }
    if (cell.status === 'done') {
      if (cell.totalMs !== null) times.push(cell.totalMs);
      if (cell.ttftMs !== null) ttfts.push(cell.ttftMs);
    }
  }
  stats.medianMs = median(times);
  stats.medianTtftMs = median(ttfts);
  return stats;
}

/** The rows "Failures only" keeps: those with at least one failing cell. */
export function failingRowIds(
  grid: Pick<Grid, 'conversationId' | 'rows' | 'configs'>,
  cells: Readonly<Record<string, GridCell>>,
  resultsOf: (cell: GridCell | undefined, row: GridRow) => readonly (CheckResult | null)[],
): Set<string> {
  const failing = new Set<string>();
  for (const row of grid.rows) {
    for (const config of grid.configs) {
      const cell = cells[cellId(grid.conversationId, row.id, config.id)];
      if (cellVerdict(cell, resultsOf(cell, row)) === 'fail') failing.add(row.id);
    }
  }
  return failing;
}
