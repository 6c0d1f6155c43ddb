import { describe, expect, it } from 'vitest';
import { cellId, emptyCell, type GridCell, type GridRow } from './grid';
import type { GridCheck } from './grid-checks';
import { cellResults, cellVerdict, columnStats, failingRowIds, median } from './grid-stats';

const rows: GridRow[] = ['r1', 'r2', 'r3', 'r4'].map((id) => ({ id, values: {} }));
const configs = [
  { id: 'a', endpointId: null, model: 'm-a', overrides: '' },
  { id: 'b', endpointId: null, model: 'm-b', overrides: '' },
];
const grid = { conversationId: 'c', rows, configs };
const cell = (rowId: string, configId: string, fields: Partial<GridCell>): GridCell => ({
  ...emptyCell('c', rowId, configId, 0),
  status: 'done',
  ...fields,
});
const checks: GridCheck[] = [{ id: 'k', kind: 'contains', value: 'ok' }];
const resultsOf = (c: GridCell | undefined, row: GridRow) => cellResults(checks, c, row, null);

const cells = Object.fromEntries(
  [
    cell('r1', 'a', { text: 'ok', totalMs: 100, ttftMs: 10, cost: 0.001 }),
    cell('r2', 'a', { text: 'no', totalMs: 300, ttftMs: 30, cost: 0.002 }),
    cell('r3', 'a', { status: 'error', error: 'HTTP 500' }),
    cell('r4', 'a', { status: 'streaming', text: 'o' }),
    cell('r1', 'b', { text: 'ok', totalMs: 200, ttftMs: 20, cost: null }),
  ].map((c) => [c.id, c]),
);

describe('grid verdicts and column figures', () => {
  it('a cell passes when every check passed, fails on a failed check or an error, and is pending until then', () => {
    expect(cellVerdict(cells[cellId('c', 'r1', 'a')], resultsOf(cells[cellId('c', 'r1', 'a')], rows[0]!))).toBe('pass');
    expect(cellVerdict(cells[cellId('c', 'r2', 'a')], resultsOf(cells[cellId('c', 'r2', 'a')], rows[1]!))).toBe('fail');
    expect(cellVerdict(cells[cellId('c', 'r3', 'a')], [])).toBe('fail');
    expect(cellVerdict(cells[cellId('c', 'r4', 'a')], [null])).toBe('pending');
    expect(cellVerdict(undefined, [])).toBe('pending');
    // A schema check waiting for its validator keeps a cell pending unless another check already failed.
    expect(cellVerdict(cells[cellId('c', 'r1', 'a')], [{ pass: true, reason: '' }, null])).toBe('pending');
    expect(cellVerdict(cells[cellId('c', 'r1', 'a')], [{ pass: false, reason: '' }, null])).toBe('fail');
  });

  it('pass rate over judged cells, total of known costs, medians over finished cells', () => {
    expect(columnStats(grid, configs[0]!, cells, resultsOf)).toEqual({
      judged: 3,
      passed: 1,
      cost: 0.003,
      priced: 2,
      medianMs: 200,
      medianTtftMs: 20,
    });
    expect(columnStats(grid, configs[1]!, cells, resultsOf)).toEqual({
      judged: 1,
      passed: 1,
      cost: 0,
      priced: 0,
      medianMs: 200,
      medianTtftMs: 20,
    });
  });

  it('failures only keeps the rows with a failing cell', () => {
    expect([...failingRowIds(grid, cells, resultsOf)]).toEqual(['r2', 'r3']);
  });

  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
