import { describe, expect, it } from 'vitest';
import { rowsFromJsonl, rowsFromTable, rowsToJsonl, rowsToTable } from './grid-rows';
import type { GridRow } from './grid';
import { cellsToRun, emptyCell, gridProgress, interruptedAfterReload } from './grid';

const ids = () => {
  let n = 0;
  return () => `r${++n}`;
};

describe('rowsFromTable', () => {
  it('takes the header as variable names ({{name}} too) and an expected column', () => {
    const { rows, errors } = rowsFromTable(
      [
        ['{{city}}', ' day ', 'Expected'],
        ['Lyon', 'Monday', 'Sunny'],
        ['', '', ''],
        ['Oslo', 'Friday'],
      ],
      ids(),
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { id: 'r1', values: { city: 'Lyon', day: 'Monday' }, expected: 'Sunny' },
      { id: 'r2', values: { city: 'Oslo', day: 'Friday' }, expected: '' },
    ]);
  });
  it('refuses a row with too many values by its line, and keeps the others', () => {
    const { rows, errors } = rowsFromTable([['a'], ['1'], ['2', 'extra'], ['3']], ids());
    expect(rows.map((r) => r.values.a)).toEqual(['1', '3']);
    expect(errors).toEqual(['Line 3: 2 values for 1 columns.']);
  });
  it('refuses a header that is not variable names, or names one twice', () => {
    expect(
      rowsFromTable(
        [
          ['city', 'two words', '1x'],
          ['a', 'b', 'c'],
        ],
        ids(),
      ).errors,
    ).toEqual(['Line 1: "two words", "1x" are not variable names (a letter or _, then letters, digits, _ or -).']);
    expect(rowsFromTable([['a', 'a']], ids()).errors).toEqual(['Line 1: the column "a" is named twice.']);
    expect(rowsFromTable([], ids()).errors).toEqual(['Line 1: the first line must name the columns (the variables).']);
  });
});

describe('rowsFromJsonl', () => {
  it('reads objects, numbers and booleans as written, and says exactly what is wrong with each bad line', () => {
    const text = [
      '{"city":"Lyon","n":3,"ok":true,"expected":"x"}',
      '',
      '{"city":',
      '[1]',
      '{"city":{"a":1}}',
      '{"bad key":"v"}',
      'null',
    ].join('\n');
    const { rows, errors } = rowsFromJsonl(text, ids());
    expect(rows).toEqual([{ id: 'r1', values: { city: 'Lyon', n: '3', ok: 'true' }, expected: 'x' }]);
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/^Line 3: not valid JSON \(.+\)\.$/);
    expect(errors.slice(1)).toEqual([
      'Line 4: a JSON object is expected, not an array.',
      'Line 5: "city" must be a string, not an object.',
      'Line 6: "bad key" is not a variable name.',
      'Line 7: a JSON object is expected, not null.',
    ]);
  });
});

describe('export', () => {
  it('writes a table and JSON Lines that read back to the same rows', () => {
    const rows: GridRow[] = [
      { id: 'r1', values: { city: 'Lyon, "FR"', day: 'Mon\nday' }, expected: 'Sunny' },
      { id: 'r2', values: { city: 'Oslo' } },
    ];
    const table = rowsToTable(rows, ['city', 'day']);
    expect(table).toEqual([
      ['city', 'day', 'expected'],
      ['Lyon, "FR"', 'Mon\nday', 'Sunny'],
      ['Oslo', '', ''],
    ]);
    expect(rowsFromTable(table, ids()).rows.map((r) => r.values)).toEqual([
      { city: 'Lyon, "FR"', day: 'Mon\nday' },
      { city: 'Oslo', day: '' },
    ]);
    expect(rowsFromJsonl(rowsToJsonl(rows, ['city', 'day']), ids()).rows.map((r) => [r.values, r.expected])).toEqual([
      [{ city: 'Lyon, "FR"', day: 'Mon\nday' }, 'Sunny'],
      [{ city: 'Oslo', day: '' }, undefined],
    ]);
  });
});

describe('grid cells', () => {
  it('counts progress and cost over rows × configs', () => {
    const rows = [
      { id: 'a', values: {} },
      { id: 'b', values: {} },
    ];
    const configs = [
      { id: 'x', endpointId: null, model: 'm', overrides: '' },
      { id: 'y', endpointId: null, model: 'm', overrides: '' },
    ];
    const cell = (row: string, config: string, patch: object) => ({ ...emptyCell('c', row, config, 0), ...patch });
    const cells = Object.fromEntries(
      [
        cell('a', 'x', { status: 'done', cost: 0.5 }),
        cell('a', 'y', { status: 'error' }),
        cell('b', 'x', { status: 'streaming', cost: 0.25 }),
      ].map((c) => [c.id, c]),
    );
    expect(gridProgress(rows, configs, cells, 'c')).toEqual({
      total: 4,
      done: 1,
      failed: 1,
      running: 1,
      queued: 0,
      interrupted: 0,
      cost: 0.75,
      priced: 2,
    });
  });
  it('a reload marks running and queued cells interrupted, and Resume runs what is not finished', () => {
    expect(interruptedAfterReload({ ...emptyCell('c', 'a', 'x', 0), status: 'streaming', text: 'half' }, 9)).toMatchObject({
      status: 'interrupted',
      text: 'half',
      updatedAt: 9,
    });
    expect(interruptedAfterReload({ ...emptyCell('c', 'a', 'x', 0), status: 'done' }, 9)).toBeNull();
    expect((['idle', 'queued', 'interrupted', 'done', 'error'] as const).filter((s) => cellsToRun(s, 'resume'))).toEqual([
      'idle',
      'queued',
      'interrupted',
    ]);
    expect(cellsToRun(undefined, 'resume')).toBe(true);
    expect(cellsToRun('error', 'failed')).toBe(true);
    expect(cellsToRun('done', 'failed')).toBe(false);
  });
});
