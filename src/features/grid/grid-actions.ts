// What the grid's screen asks: open a conversation's grid, change its test cases, run and stop.
import {
  cellId,
  cellsToRun,
  interruptedAfterReload,
  DEFAULT_CONCURRENCY,
  MAX_GRID_CONFIGS,
  type Grid,
  type GridCell,
  type GridConfig,
  type GridRow,
} from '../../domain/grid';
import { storedChecks } from '../../domain/grid-checks';
import { newId } from '../../domain/ids';
import type { Conversation, Message } from '../../domain/types';
import { errorMessage } from '../../domain/errors';
import * as repo from '../../lib/db/repo';
import { generationDeps } from '../generation/default-deps';
import type { LaneConfig } from '../generation/lanes';
import { runGrid } from './grid-runner';
import { publishCell, publishLane, useGridStore } from './grid-store';

export type ColumnSource = LaneConfig & { id: string };

/** The grid's columns: the saved compare configurations (up to four), else the conversation's own configuration. */
export function columnsFor(conversation: Conversation, saved: readonly ColumnSource[]): GridConfig[] {
  if (saved.length > 0)
    return saved.slice(0, MAX_GRID_CONFIGS).map(({ id, endpointId, model, overrides }) => ({ id, endpointId, model, overrides }));
  return [{ id: 'own', endpointId: conversation.endpointId, model: conversation.params.model, overrides: '' }];
}

function report(what: string, err: unknown): void {
  useGridStore.setState({ problem: `${what}: ${errorMessage(err)}` });
}

/** Rows whose cells are read first when a grid opens (more than a screen holds). */
const FIRST_ROWS = 24;

/** Loads the grid of `conversation` (a new one when it has none); cells a dead tab was running become interrupted. */
export async function openGrid(conversation: Conversation, columns: GridConfig[]): Promise<void> {
  const s = useGridStore.getState();
  if (s.grid?.conversationId === conversation.id && s.controller) return; // running here: the live state is the truth
  try {
    const stored = await repo.getGrid(conversation.id);
    const grid: Grid = {
      ...(stored ?? { conversationId: conversation.id, rows: [], concurrency: DEFAULT_CONCURRENCY }),
      // Grids stored before checks existed have none; stored rows are not validated by IndexedDB.
      checks: storedChecks(stored?.checks),
      configs: columns,
      updatedAt: Date.now(),
    };
    // The rows on the first screen first (a few keyed reads), so a large grid paints before all its cells are read.
    const firstIds = grid.rows.slice(0, FIRST_ROWS).flatMap((r) => grid.configs.map((c) => cellId(conversation.id, r.id, c.id)));
    const first = (await repo.listGridCells(conversation.id, firstIds)).map((c) => interruptedAfterReload(c, Date.now()) ?? c);
    useGridStore.setState({ grid, cells: Object.fromEntries(first.map((c) => [c.id, c])), problem: null });
    const cells = await repo.interruptGridCells(conversation.id, Date.now());
    if (useGridStore.getState().grid !== grid) return; // another grid was opened meanwhile
    useGridStore.setState({ cells: Object.fromEntries(cells.map((c) => [c.id, c])) });
  } catch (err) {
    report('The grid could not load', err);
  }
}

/** Changes the open grid and stores it. */
export function changeGrid(change: (grid: Grid) => Grid): void {
  const grid = useGridStore.getState().grid;
  if (!grid) return;
  const next = { ...change(grid), updatedAt: Date.now() };
  useGridStore.setState({ grid: next });
  repo.putGrid(next).catch((err: unknown) => report('The grid could not be saved', err));
}

export function addRows(rows: GridRow[]): void {
  changeGrid((g) => ({ ...g, rows: [...g.rows, ...rows] }));
}

export function addEmptyRow(): void {
  addRows([{ id: newId(), values: {} }]);
}

export function setRowValue(rowId: string, name: string | null, value: string): void {
  changeGrid((g) => ({
    ...g,
    rows: g.rows.map((r) =>
      r.id !== rowId ? r : name === null ? { ...r, expected: value } : { ...r, values: { ...r.values, [name]: value } },
    ),
  }));
}

export function duplicateRow(rowId: string): void {
  changeGrid((g) => {
    const i = g.rows.findIndex((r) => r.id === rowId);
    if (i < 0) return g;
    const copy = { ...g.rows[i]!, id: newId(), values: { ...g.rows[i]!.values } };
    return { ...g, rows: [...g.rows.slice(0, i + 1), copy, ...g.rows.slice(i + 1)] };
  });
}

export function deleteRow(rowId: string): void {
  changeGrid((g) => ({ ...g, rows: g.rows.filter((r) => r.id !== rowId) }));
  const cells = Object.values(useGridStore.getState().cells).filter((c) => c.rowId === rowId);
  repo.deleteGridCells(cells.map((c) => c.id)).catch((err: unknown) => report('Cells could not be deleted', err));
}

export function moveRow(rowId: string, by: -1 | 1): void {
  changeGrid((g) => {
    const i = g.rows.findIndex((r) => r.id === rowId);
    const j = i + by;
    if (i < 0 || j < 0 || j >= g.rows.length) return g;
    const rows = [...g.rows];
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    return { ...g, rows };
  });
}

export function setConcurrency(n: number): void {
  changeGrid((g) => ({ ...g, concurrency: Number.isFinite(n) ? Math.max(1, Math.min(16, Math.floor(n))) : DEFAULT_CONCURRENCY }));
}

/** The [row, config] pairs `mode` picks (or the one cell `only`), in row order. */
export function targetsFor(
  grid: Grid,
  cells: Readonly<Record<string, GridCell>>,
  mode: 'resume' | 'failed' | 'all',
  only?: string,
): (readonly [GridRow, GridConfig])[] {
  return grid.rows.flatMap((row) =>
    grid.configs
      .filter((config) => {
        const id = cellId(grid.conversationId, row.id, config.id);
        return only ? id === only : cellsToRun(cells[id]?.status, mode);
      })
      .map((config) => [row, config] as const),
  );
}

/** Runs the cells `mode` picks (or one cell), unless a run is going. */
export async function runCells(
  conversation: Conversation,
  path: readonly Message[],
  mode: 'resume' | 'failed' | 'all',
  only?: string,
): Promise<void> {
  const { grid, cells, controller: running } = useGridStore.getState();
  if (!grid || running) return;
  const targets = targetsFor(grid, cells, mode, only);
  if (targets.length === 0) return;
  const controller = new AbortController();
  useGridStore.setState({ controller, problem: null, lanes: {} });
  const deps = generationDeps();
  try {
    await repo.putGrid(grid);
    await runGrid(
      { conversation, path, grid, targets, signal: controller.signal, onCell: publishCell, onLane: publishLane },
      {
        ...deps,
        dataURLsFor: (messages) => repo.dataURLsFor(messages),
        save: (saved) => repo.putGridCells(saved).catch((err: unknown) => report('A result could not be stored', err)),
      },
    );
  } catch (err) {
    report('The grid could not run', err);
  } finally {
    useGridStore.setState({ controller: null, lanes: {} });
  }
}

export function stopGrid(): void {
  useGridStore.getState().controller?.abort();
}
