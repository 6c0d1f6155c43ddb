import { describe, expect, it } from 'vitest';
import { emptyCell, type Grid, type GridCell } from './grid';
import { exportJson, exportRecords, exportTable, GRID_EXPORT_FORMAT } from './grid-export';

const grid: Grid = {
  conversationId: 'c1',
  rows: [
    { id: 'r1', values: { city: 'Paris, France' }, expected: 'Paris' },
    { id: 'r2', values: { city: 'Oslo' } },
  ],
  configs: [
    { id: 'a', endpointId: 'p1', model: 'gpt-4o', overrides: '' },
    { id: 'b', endpointId: null, model: 'ref-chat', overrides: '{"seed":7}' },
  ],
  concurrency: 4,
  updatedAt: 0,
};
const request = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Capital of Paris, France?' }], stream: true };
const done: GridCell = {
  ...emptyCell('c1', 'r1', 'a', 1),
  status: 'done',
  text: 'Paris',
  finishReason: 'stop',
  promptTokens: 12,
  completionTokens: 1,
  ttftMs: 80,
  totalMs: 120,
  cost: 0.00004,
  request,
};
const cells = { [done.id]: done };
const names = (id: string | null) => (id === 'p1' ? 'OpenAI' : 'active endpoint');

describe('grid export', () => {
  it('one record per row × configuration, with the row, the configuration, the figures and the request sent', () => {
    const records = exportRecords(grid, cells, names);
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual({
      row: 1,
      values: { city: 'Paris, France' },
      expected: 'Paris',
      config: { index: 1, model: 'gpt-4o', endpoint: 'OpenAI', overrides: '' },
      status: 'done',
      reply: 'Paris',
      finishReason: 'stop',
      promptTokens: 12,
      completionTokens: 1,
      ttftMs: 80,
      totalMs: 120,
      costUSD: 0.00004,
      error: null,
      request,
    });
    expect(records[3]).toMatchObject({
      row: 2,
      status: 'idle',
      reply: '',
      request: null,
      config: { index: 2, endpoint: 'active endpoint' },
    });
    expect(records[0]).not.toHaveProperty('checks');
  });

  it('adds check results when there are any', () => {
    const records = exportRecords(grid, cells, names, (c) =>
      c.status === 'done' ? [{ name: 'contains "Paris"', pass: true }] : undefined,
    );
    expect(records[0]!.checks).toEqual([{ name: 'contains "Paris"', pass: true }]);
    expect(records[1]).not.toHaveProperty('checks');
    expect(exportTable(records, ['city'])[1]).toContain('pass: contains "Paris"');
  });

  it('JSON names its format and keeps the request as an object', () => {
    const parsed = JSON.parse(
      exportJson(exportRecords(grid, cells, names), { conversation: 'Capitals', exportedAt: '2026-01-01T00:00:00Z' }),
    );
    expect(parsed.format).toBe(GRID_EXPORT_FORMAT);
    expect(parsed.cells[0].request).toEqual(request);
  });

  it('CSV table: variables as columns, the request as its JSON text, empty for unknowns', () => {
    const table = exportTable(exportRecords(grid, cells, names), ['city']);
    expect(table[0]).toEqual([
      'row',
      'city',
      'expected',
      'config',
      'model',
      'endpoint',
      'overrides',
      'status',
      'reply',
      'finish_reason',
      'prompt_tokens',
      'completion_tokens',
      'ttft_ms',
      'total_ms',
      'cost_usd',
      'error',
      'request',
    ]);
    expect(table[1]).toEqual([
      1,
      'Paris, France',
      'Paris',
      1,
      'gpt-4o',
      'OpenAI',
      '',
      'done',
      'Paris',
      'stop',
      12,
      1,
      80,
      120,
      0.00004,
      '',
      JSON.stringify(request),
    ]);
    expect(table[2]!.at(-1)).toBe('');
    expect(table[2]![9]).toBe('');
  });
});
