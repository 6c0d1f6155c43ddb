import type { GridCheck } from './grid-checks';

/**
 * The prompt grid: one conversation run over many test cases (rows, one value per variable) and
 * configurations (columns: endpoint profile, model, body overrides), one cell per row × column.
 */
export interface GridRow {
  id: string;
  /** One value per variable of the conversation (a row may lack one: its cells then fail with the name). */
  values: Record<string, string>;
  /** What the reply should be, for checks; optional. */
  expected?: string;
}

/** One column: a saved compare configuration as it was when the grid ran. */
export interface GridConfig {
  id: string;
  endpointId: string | null;
  model: string;
  /** JSON merged into the request body (as in compare). */
  overrides: string;
}

/** `idle`: never run (or cleared). The others are the test contract's `data-status` values. */
export type GridCellStatus = 'idle' | 'queued' | 'streaming' | 'done' | 'error' | 'interrupted';

export interface GridCell {
  /** cellId(conversationId, rowId, configId) */
  id: string;
  conversationId: string;
  rowId: string;
  configId: string;
  status: GridCellStatus;
  text: string;
  finishReason: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Time to first token and total time, ms. */
  ttftMs: number | null;
  totalMs: number | null;
  /** US dollars, null when the model's price is unknown. */
  cost: number | null;
  error: string | null;
  /** The exact body sent, for the export. */
  request: unknown;
  updatedAt: number;
}

/** A conversation's grid: its test cases, its columns and how many requests go to one endpoint profile at once. */
export interface Grid {
  conversationId: string;
  rows: GridRow[];
  configs: GridConfig[];
  /** Requests in flight at once per endpoint profile. */
  concurrency: number;
  /** Applied to every finished cell (grid-checks). Absent in grids stored before checks existed: read with storedChecks. */
  checks?: GridCheck[];
  updatedAt: number;
}

export const MAX_GRID_CONFIGS = 4;
export const DEFAULT_CONCURRENCY = 4;

export function cellId(conversationId: string, rowId: string, configId: string): string {
  return `${conversationId}|${rowId}|${configId}`;
}

export function emptyCell(conversationId: string, rowId: string, configId: string, now: number): GridCell {
  return {
    id: cellId(conversationId, rowId, configId),
    conversationId,
    rowId,
    configId,
    status: 'idle',
    text: '',
    finishReason: null,
    promptTokens: null,
    completionTokens: null,
    ttftMs: null,
    totalMs: null,
    cost: null,
    error: null,
    request: null,
    updatedAt: now,
  };
}

export interface GridProgress {
  total: number;
  done: number;
  failed: number;
  running: number;
  queued: number;
  interrupted: number;
  /** Sum of the known costs; `priced` cells had a price. */
  cost: number;
  priced: number;
}

/** Counts over the cells of `rows` × `configs` (a cell never run counts as neither). */
export function gridProgress(
  rows: readonly GridRow[],
  configs: readonly GridConfig[],
  cells: Readonly<Record<string, GridCell>>,
  conversationId: string,
): GridProgress {
  const p: GridProgress = {
    total: rows.length * configs.length,
    done: 0,
    failed: 0,
    running: 0,
    queued: 0,
    interrupted: 0,
    cost: 0,
    priced: 0,
  };
  for (const row of rows) {
    for (const config of configs) {
      const cell = cells[cellId(conversationId, row.id, config.id)];
      if (!cell) continue;
      if (cell.status === 'done') p.done++;
      else if (cell.status === 'error') p.failed++;
      else if (cell.status === 'streaming') p.running++;
      else if (cell.status === 'queued') p.queued++;
      else if (cell.status === 'interrupted') p.interrupted++;
      if (cell.cost !== null) {
        p.cost += cell.cost;
        p.priced++;
      }
    }
  }
  return p;
}

/** A stored cell a tab was running when it died (or was reloaded): what arrived stays, marked interrupted. */
export function interruptedAfterReload(cell: GridCell, now: number): GridCell | null {
  return cell.status === 'streaming' || cell.status === 'queued' ? { ...cell, status: 'interrupted', updatedAt: now } : null;
}

/** Which cells Resume runs: every one not finished (never run, queued, interrupted); Re-run failed: the errors. */
export function cellsToRun(status: GridCellStatus | undefined, mode: 'resume' | 'failed' | 'all'): boolean {
  if (mode === 'all') return true;
  if (mode === 'failed') return status === 'error';
  return status === undefined || status === 'idle' || status === 'queued' || status === 'interrupted';
}
