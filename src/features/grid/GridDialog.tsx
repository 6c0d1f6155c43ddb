import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { gridProgress } from '../../domain/grid';
import type { Conversation, Message } from '../../domain/types';
import { variablesOf } from '../../domain/variables';
import { useEndpointsStore } from '../endpoints/endpoints-store';
import { addEmptyRow, columnsFor, openGrid, runCells, setConcurrency, stopGrid, type ColumnSource } from './grid-actions';
import { useGridStore } from './grid-store';
import { GridTable } from './GridTable';
import { GridProgress } from './GridProgress';
import { exportResults } from './results-io';
import { useRunEstimate } from './use-run-estimate';
import { describeEstimate, explainEstimate } from '../../domain/grid-estimate';
import { RowsToolbar } from './RowsToolbar';
import { ChecksBar } from './ChecksBar';
import { useGridExtras } from './use-grid-extras';

/** The prompt grid of a conversation: test cases × configurations, run, stopped and resumed, all stored. */
export default function GridDialog({
  conversation,
  path,
  configs,
  onClose,
}: {
  conversation: Conversation;
  path: Message[];
  configs: ColumnSource[];
  onClose: () => void;
}) {
  const columns = useMemo(() => columnsFor(conversation, configs), [conversation, configs]);
  // Loaded again only for another conversation or other columns (not on every change of the conversation row).
  const columnsKey = JSON.stringify(columns);
  const latest = useRef({ conversation, columns });
  const scroller = useRef<HTMLDivElement>(null);
  latest.current = { conversation, columns };
  useEffect(() => {
    void openGrid(latest.current.conversation, latest.current.columns);
  }, [conversation.id, columnsKey]);
  const grid = useGridStore((s) => (s.grid?.conversationId === conversation.id ? s.grid : null));
  const cells = useGridStore((s) => s.cells);
  const running = useGridStore((s) => s.controller !== null);
  const problem = useGridStore((s) => s.problem);
  const laneMap = useGridStore((s) => s.lanes);
  const lanes = useMemo(() => Object.values(laneMap), [laneMap]);
  const endpoints = useEndpointsStore((s) => s.endpoints);
  const variables = useMemo(() => variablesOf(path), [path]);
  const [concurrency, setConcurrencyText] = useState<string | null>(null);
  const progress = grid ? gridProgress(grid.rows, grid.configs, cells, grid.conversationId) : null;
  const finished = progress ? progress.done + progress.failed : 0;
  const unfinished = progress ? progress.total - progress.done - progress.failed : 0;
  const mode = finished > 0 && unfinished > 0 ? 'resume' : 'all';
  const estimate = useRunEstimate(conversation, path, running ? null : grid, cells, mode);
  const { checks, extras, failuresOnly, setFailuresOnly, failing } = useGridExtras(conversation, path, grid, cells, onClose);
  const endpointName = (id: string | null) => (id ? (endpoints.find((e) => e.id === id)?.name ?? 'deleted profile') : 'active endpoint');

  return (
    <Dialog
      onClose={onClose}
      label="Prompt grid"
      testId="grid-dialog"
      className="m-auto h-[94vh] max-h-none w-[97vw] max-w-none overflow-hidden rounded-xl border border-line bg-panel p-0 shadow-2xl backdrop:bg-black/40"
    >
      <div className="flex h-full flex-col">
        <header className="flex h-12 shrink-0 items-center gap-3 border-b border-line px-4">
          <h2 className="text-[14px] font-semibold">Prompt grid</h2>
          <span className="min-w-0 truncate text-[12.5px] text-muted">{conversation.title}</span>
          <span className="font-mono text-[11px] text-faint">
            {grid?.rows.length ?? 0} rows × {columns.length} configurations
          </span>
          <div className="ml-auto flex items-center gap-2">
            <label className="flex items-center gap-1.5 text-[12px] text-muted" title="Requests in flight at once to one endpoint profile">
              Parallel per endpoint
              <input
                type="number"
                min={1}
                max={16}
                aria-label="Parallel requests per endpoint profile"
                value={concurrency ?? grid?.concurrency ?? ''}
                onChange={(e) => setConcurrencyText(e.target.value)}
                onBlur={() => {
                  if (concurrency !== null) setConcurrency(Number(concurrency));
                  setConcurrencyText(null);
                }}
                className="h-7 w-12 rounded-md border border-line bg-raised px-1.5 text-right font-mono text-[12px]"
              />
            </label>
            {estimate && !running ? (
              <span data-testid="grid-estimate" className="font-mono text-[11.5px] text-muted" title={explainEstimate(estimate)}>
                {describeEstimate(estimate)}
              </span>
            ) : null}
            {running ? (
              <Button variant="danger" data-testid="grid-stop-button" onClick={stopGrid}>
                Stop
              </Button>
            ) : (
              <>
                {progress && progress.failed > 0 ? (
                  <Button onClick={() => void runCells(conversation, path, 'failed')}>Re-run failed</Button>
                ) : null}
                <Button
                  variant="primary"
                  data-testid="grid-run-button"
                  disabled={!grid || grid.rows.length === 0}
                  onClick={() => void runCells(conversation, path, mode)}
                >
                  {finished > 0 && unfinished > 0 ? 'Resume' : finished > 0 ? 'Run all again' : 'Run'}
                </Button>
              </>
            )}
            <Button variant="ghost" onClick={onClose} aria-label="Close the grid">
              ✕
            </Button>
          </div>
        </header>
        {progress ? (
          <GridProgress
            progress={progress}
            lanes={lanes}
            endpointName={endpointName}
            onExport={(format) =>
              grid &&
              void exportResults(format, grid, cells, variables, { title: conversation.title, endpointName }).catch((err: unknown) =>
                useGridStore.setState({ problem: `The results could not be exported: ${String(err)}` }),
              )
            }
          />
        ) : null}
        {problem ? (
          <p role="alert" className="shrink-0 border-b border-line bg-danger-soft px-4 py-1.5 text-[12px] text-danger">
            {problem}
          </p>
        ) : null}
        {grid ? <RowsToolbar grid={grid} variables={variables} running={running} /> : null}
        {grid ? <ChecksBar checks={checks} failuresOnly={failuresOnly} onFailuresOnly={setFailuresOnly} failing={failing} /> : null}
        <div ref={scroller} className="min-h-0 flex-1 overflow-auto">
          {grid && grid.rows.length > 0 ? (
            <GridTable
              grid={grid}
              cells={cells}
              variables={variables}
              endpointName={endpointName}
              running={running}
              scroller={scroller}
              onRunCell={(id) => void runCells(conversation, path, 'all', id)}
              extras={extras}
            />
          ) : (
            <div className="m-6 rounded-lg border border-dashed border-line p-6 text-center text-[13px] text-muted">
              {variables.length === 0 ? (
                <p>This conversation has no variables. Write {'{{name}}'} in a message, then add test cases with a value for each.</p>
              ) : (
                <p>
                  Paste rows from a spreadsheet (first row: {variables.map((v) => `{{${v}}}`).join(', ')}), import a CSV, TSV or JSONL file,
                  or{' '}
                  <button type="button" className="font-medium text-accent hover:underline" onClick={addEmptyRow}>
                    add a row
                  </button>
                  .
                </p>
              )}
            </div>
          )}
        </div>
      </div>
    </Dialog>
  );
}
