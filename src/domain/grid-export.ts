/**
 * A grid's results as files: one record per row × configuration with the row's values, the
 * configuration, what came back and the exact request body sent. Pure; the caller writes CSV
 * (Papa Parse) or JSON. The body is what the app sent as JSON: the API key and every header travel
 * outside it, so none is here.
 */
import { cellId, type Grid, type GridCell, type GridCellStatus } from './grid';

/** A check's verdict on a cell, when checks exist (they are computed by the checks feature). */
export interface ExportedCheck {
  name: string;
  pass: boolean;
  reason?: string;
}

export interface ExportedCell {
  row: number;
  values: Record<string, string>;
  expected: string | null;
  config: { index: number; model: string; endpoint: string; overrides: string };
  status: GridCellStatus;
  reply: string;
  finishReason: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  ttftMs: number | null;
  totalMs: number | null;
  costUSD: number | null;
  error: string | null;
  checks?: ExportedCheck[];
  /** The exact JSON body sent; null for a cell never sent. */
  request: unknown;
}

export const GRID_EXPORT_FORMAT = 'chat-playground-grid-results';

export function exportRecords(
  grid: Grid,
  cells: Readonly<Record<string, GridCell>>,
  endpointName: (endpointId: string | null) => string,
  checksOf?: (cell: GridCell) => ExportedCheck[] | undefined,
): ExportedCell[] {
  return grid.rows.flatMap((row, r) =>
    grid.configs.map((config, c) => {
      const cell = cells[cellId(grid.conversationId, row.id, config.id)];
      const checks = cell && checksOf?.(cell);
      return {
        row: r + 1,
        values: { ...row.values },
        expected: row.expected ?? null,
        config: { index: c + 1, model: config.model, endpoint: endpointName(config.endpointId), overrides: config.overrides },
        status: cell?.status ?? 'idle',
        reply: cell?.text ?? '',
        finishReason: cell?.finishReason ?? null,
        promptTokens: cell?.promptTokens ?? null,
        completionTokens: cell?.completionTokens ?? null,
        ttftMs: cell?.ttftMs ?? null,
        totalMs: cell?.totalMs ?? null,
        costUSD: cell?.cost ?? null,
        error: cell?.error ?? null,
        ...(checks ? { checks } : {}),
        request: cell?.request ?? null,
      };
    }),
  );
}

export function exportJson(records: readonly ExportedCell[], meta: { conversation: string; exportedAt: string }): string {
  return `${JSON.stringify({ format: GRID_EXPORT_FORMAT, version: 1, ...meta, cells: records }, null, 2)}\n`;
}

/** A table for CSV: one column per variable, then the figures; the request as its JSON text. */
export function exportTable(records: readonly ExportedCell[], variables: readonly string[]): (string | number)[][] {
  const hasChecks = records.some((r) => r.checks);
  const head = [
    'row',
    ...variables,
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
    ...(hasChecks ? ['checks'] : []),
    'request',
  ];
  const blank = (v: number | string | null) => (v === null ? '' : v);
  const rows = records.map((r) => [
    r.row,
    ...variables.map((v) => r.values[v] ?? ''),
    r.expected ?? '',
    r.config.index,
    r.config.model,
    r.config.endpoint,
    r.config.overrides,
    r.status,
    r.reply,
    blank(r.finishReason),
    blank(r.promptTokens),
    blank(r.completionTokens),
    blank(r.ttftMs),
    blank(r.totalMs),
    blank(r.costUSD),
    blank(r.error),
    ...(hasChecks
      ? [(r.checks ?? []).map((c) => `${c.pass ? 'pass' : 'fail'}: ${c.name}${c.reason ? ` (${c.reason})` : ''}`).join('; ')]
      : []),
    r.request === null ? '' : JSON.stringify(r.request),
  ]);
  return [head, ...rows];
}
