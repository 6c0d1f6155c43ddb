import { memo, type ReactNode } from 'react';
import type { GridCell, GridCellStatus } from '../../domain/grid';
import type { CheckResult, GridCheck } from '../../domain/grid-checks';
import { CellChecks } from './CellChecks';

const STATUS_LOOK: Record<GridCellStatus, { label: string; className: string }> = {
  idle: { label: 'not run', className: 'text-faint bg-sunken' },
  queued: { label: 'queued', className: 'text-muted bg-sunken' },
  streaming: { label: 'streaming', className: 'text-accent bg-accent-soft' },
  done: { label: 'done', className: 'text-ok bg-ok/10' },
  error: { label: 'error', className: 'text-danger bg-danger-soft' },
  interrupted: { label: 'interrupted', className: 'text-warn bg-warn-soft' },
};

const ms = (n: number | null) => (n === null ? '–' : n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(2)} s`);
const usd = (n: number | null) => (n === null ? 'no price' : n < 0.01 ? `$${n.toFixed(5)}` : `$${n.toFixed(4)}`);

/** One row × configuration: status, the reply as it streams, and its figures. */
export const GridCellView = memo(function GridCellView({
  cell,
  row,
  config,
  onRerun,
  canRun,
  checks,
  results,
  menu,
}: {
  cell: GridCell | undefined;
  row: number;
  config: number;
  onRerun: () => void;
  canRun: boolean;
  checks?: readonly GridCheck[] | undefined;
  results?: readonly (CheckResult | null)[] | undefined;
  /** The cell's own actions (open as conversation, diff). */
  menu?: ReactNode;
}) {
  const status = cell?.status ?? 'idle';
  const look = STATUS_LOOK[status];
  const figures = cell && (status === 'done' || status === 'error' || status === 'interrupted');
  return (
    <td
      data-testid="grid-cell"
      data-row={row}
      data-config={config}
      data-status={status}
      className={`group/cell border-b border-l border-line align-top ${status === 'error' ? 'bg-danger-soft/40' : ''}`}
    >
      <div className="flex min-h-24 flex-col gap-1 px-2 py-1.5">
        <div className="flex items-center gap-1.5">
          <span className={`rounded px-1.5 py-px font-mono text-[10px] uppercase tracking-wide ${look.className}`}>{look.label}</span>
          {cell?.finishReason ? (
            <span className="font-mono text-[10.5px] text-muted" title="Finish reason">
              {cell.finishReason}
            </span>
          ) : null}
          <button
            type="button"
            aria-label={`Run row ${row + 1}, column ${config + 1} again`}
            title="Run this cell again"
            disabled={!canRun}
            onClick={onRerun}
            className="ml-auto rounded px-1 text-[11px] text-faint opacity-0 hover:bg-sunken hover:text-fg focus-visible:opacity-100 group-hover/cell:opacity-100 disabled:hidden"
          >
            ↻
          </button>
          {menu}
        </div>
        <div
          data-testid="grid-cell-content"
          className="max-h-40 overflow-auto whitespace-pre-wrap break-words text-[12.5px] leading-snug text-fg"
        >
          {cell?.text ?? ''}
        </div>
        {cell?.error ? <div className="text-[11.5px] leading-snug text-danger">{cell.error}</div> : null}
        {checks && results ? <CellChecks checks={checks} results={results} /> : null}
        {figures ? (
          <div className="mt-auto flex flex-wrap gap-x-2 font-mono text-[10.5px] text-faint">
            <span title="Prompt → completion tokens">
              {cell.promptTokens ?? '–'}→{cell.completionTokens ?? '–'} tok
            </span>
            <span title="Time to first token">TTFT {ms(cell.ttftMs)}</span>
            <span title="Total time">{ms(cell.totalMs)}</span>
            <span title="Cost">{usd(cell.cost)}</span>
          </div>
        ) : null}
      </div>
    </td>
  );
});
