import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReactNode, RefObject } from 'react';
import type { Grid, GridCell, GridRow } from '../../domain/grid';
import { cellId } from '../../domain/grid';
import type { GridCheck } from '../../domain/grid-checks';
import type { ResultsOf } from './use-check-results';
import { deleteRow, duplicateRow, moveRow, setRowValue } from './grid-actions';
import { GridCellView } from './GridCellView';

const HEAD_BOX = 'sticky top-0 z-10 border-b border-line bg-panel px-2 py-1.5 text-left text-[11px] font-semibold text-muted';
/** Labels in small capitals; variable names and model ids keep their case (they are case-sensitive). */
const HEAD = `${HEAD_BOX} uppercase tracking-wide`;
const INPUT =
  'block w-full resize-y rounded border border-transparent bg-transparent px-1.5 py-1 text-[12.5px] leading-snug hover:border-line focus:border-accent focus:bg-raised focus:outline-none';
const ROW_ACTION = 'rounded px-1 text-[11px] text-faint hover:bg-sunken hover:text-fg disabled:opacity-30';

/** A row's height before it is measured (two-line inputs, a cell with a short reply and its figures). */
const ROW_ESTIMATE_PX = 112;

/** What checks add to the table: results per cell, figures per column, a cell menu, and the rows shown. */
export interface GridTableExtras {
  checks: readonly GridCheck[];
  resultsOf: ResultsOf;
  columnStats: (configIndex: number) => ReactNode;
  cellMenu: (row: GridRow, rowIndex: number, configIndex: number) => ReactNode;
  /** null: every row. */
  visibleRowIds: ReadonlySet<string> | null;
}

/**
 * Test cases (one editable value per variable, and the expected output) beside one result cell per
 * configuration. One table in one scroll container (the dialog's), so header, test cases and every
 * column scroll together; only the rows near the viewport are in the DOM (200 × 4 stays fast).
 */
export function GridTable({
  grid,
  cells,
  variables,
  endpointName,
  running,
  onRunCell,
  scroller,
  extras,
}: {
  scroller: RefObject<HTMLDivElement | null>;
  grid: Grid;
  cells: Record<string, GridCell>;
  variables: string[];
  endpointName: (endpointId: string | null) => string;
  running: boolean;
  onRunCell: (id: string) => void;
  extras?: GridTableExtras;
}) {
  const last = grid.rows.length - 1;
  // The rows shown (all, or the failing ones), by their index in the grid: only these are virtualized.
  const visible = extras?.visibleRowIds ?? null;
  const shown = visible ? grid.rows.flatMap((row, r) => (visible.has(row.id) ? [r] : [])) : null;
  const rowAt = (i: number) => (shown ? shown[i] : i) ?? 0;
  const virtualizer = useVirtualizer({
    count: shown ? shown.length : grid.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (i) => grid.rows[rowAt(i)]?.id ?? i,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const span = 2 + variables.length + grid.configs.length;
  return (
    <table className="w-full min-w-max border-separate border-spacing-0 text-[12.5px]">
      <thead>
        <tr>
          <th className={`${HEAD} sticky left-0 z-20 w-10 text-right`}>#</th>
          {variables.map((name) => (
            <th key={name} className={`${HEAD_BOX} w-48 font-mono text-accent`}>{`{{${name}}}`}</th>
          ))}
          <th className={`${HEAD} w-40`}>Expected</th>
          {grid.configs.map((config, i) => (
            <th key={config.id} className={`${HEAD_BOX} w-80 border-l`}>
              <span className="font-mono text-[11.5px] text-fg">{config.model}</span>
              <span className="ml-1.5 font-normal text-faint">
                {i + 1} · {endpointName(config.endpointId)}
                {config.overrides.trim() ? ` · ${config.overrides.trim()}` : ''}
              </span>
              {extras?.columnStats(i)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {before > 0 ? (
          <tr aria-hidden="true">
            <td colSpan={span} style={{ height: before, padding: 0 }} />
          </tr>
        ) : null}
        {items.map(({ index, key }) => {
          const r = rowAt(index);
          const row = grid.rows[r]!;
          return (
            <tr
              key={key}
              data-index={index}
              ref={virtualizer.measureElement}
              data-testid="grid-row"
              data-row-id={row.id}
              className="group/row"
            >
              <td className="sticky left-0 z-[5] border-b border-line bg-panel px-1 py-1 text-right align-top">
                <div className="font-mono text-[11px] text-muted">{r + 1}</div>
                <div className="mt-1 flex flex-col items-end opacity-0 group-hover/row:opacity-100 focus-within:opacity-100">
                  <button
                    type="button"
                    className={ROW_ACTION}
                    aria-label={`Move row ${r + 1} up`}
                    disabled={r === 0}
                    onClick={() => moveRow(row.id, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className={ROW_ACTION}
                    aria-label={`Move row ${r + 1} down`}
                    disabled={r === last}
                    onClick={() => moveRow(row.id, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" className={ROW_ACTION} aria-label={`Duplicate row ${r + 1}`} onClick={() => duplicateRow(row.id)}>
                    ⧉
                  </button>
                  <button
                    type="button"
                    className={ROW_ACTION}
                    aria-label={`Delete row ${r + 1}`}
                    disabled={running}
                    onClick={() => deleteRow(row.id)}
                  >
                    ✕
                  </button>
                </div>
              </td>
              {variables.map((name) => (
                <td key={name} className="border-b border-line align-top">
                  <textarea
                    rows={2}
                    aria-label={`Row ${r + 1} ${name}`}
                    value={row.values[name] ?? ''}
                    placeholder={Object.hasOwn(row.values, name) ? '' : 'no value'}
                    onChange={(e) => setRowValue(row.id, name, e.target.value)}
                    className={`${INPUT} placeholder:text-danger/60`}
                  />
                </td>
              ))}
              <td className="border-b border-line align-top">
                <textarea
                  rows={2}
                  aria-label={`Row ${r + 1} expected`}
                  value={row.expected ?? ''}
                  onChange={(e) => setRowValue(row.id, null, e.target.value)}
                  className={`${INPUT} placeholder:text-faint`}
                  placeholder="optional"
                />
              </td>
              {grid.configs.map((config, c) => {
                const id = cellId(grid.conversationId, row.id, config.id);
                return (
                  <GridCellView
                    key={config.id}
                    cell={cells[id]}
                    row={r}
                    config={c}
                    canRun={!running}
                    onRerun={() => onRunCell(id)}
                    checks={extras?.checks}
                    results={extras?.resultsOf(cells[id], row)}
                    menu={extras?.cellMenu(row, r, c)}
                  />
                );
              })}
            </tr>
          );
        })}
        {after > 0 ? (
          <tr aria-hidden="true">
            <td colSpan={span} style={{ height: after, padding: 0 }} />
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
