import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/Button';
import type { GridProgress as Progress } from '../../domain/grid';
import type { LaneView } from './lane-gate';

/** Seconds left of a lane's pause, ticking while any lane waits. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [ticking]);
  return ticking ? now : Date.now();
}

function LaneStates({ lanes, endpointName }: { lanes: LaneView[]; endpointName: (id: string | null) => string }) {
  const now = useNow(lanes.some((l) => l.state === 'waiting'));
  const shown = lanes.filter((l) => l.state === 'slowed' || (l.state === 'waiting' && l.until !== null && l.until > now));
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((lane) => (
        <span
          key={lane.endpointId}
          data-testid="grid-lane-state"
          data-state={lane.state}
          data-endpoint-id={lane.endpointId}
          role="status"
          className={`rounded px-1.5 py-px ${lane.state === 'waiting' ? 'bg-warn-soft text-warn' : 'bg-sunken text-muted'}`}
        >
          <b className="font-medium">{endpointName(lane.endpointId)}</b>:{' '}
          {lane.state === 'waiting'
            ? `waiting ${Math.ceil(((lane.until ?? now) - now) / 1000)} s — ${lane.reason}`
            : `slowed — ${lane.reason}`}
        </span>
      ))}
    </>
  );
}

/** Done / running / failed counts, each lane's rate-limit state, the cost so far and the results export. */
export function GridProgress({
  progress,
  lanes,
  endpointName,
  onExport,
}: {
  progress: Progress;
  lanes: LaneView[];
  endpointName: (id: string | null) => string;
  onExport: (format: 'csv' | 'json') => void;
}) {
  const finished = progress.done + progress.failed;
  const share = (n: number) => `${progress.total ? (n / progress.total) * 100 : 0}%`;
  return (
    <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-4 py-1.5 text-[11.5px] text-muted">
      <div
        data-testid="grid-progress"
        role="progressbar"
        aria-label="Grid progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={finished}
        className="relative h-1.5 w-56 overflow-hidden rounded-full bg-sunken"
      >
        <div className="absolute inset-y-0 left-0 bg-ok" style={{ width: share(progress.done) }} />
        <div className="absolute inset-y-0 bg-danger" style={{ left: share(progress.done), width: share(progress.failed) }} />
      </div>
      <span className="font-mono">
        {finished}/{progress.total}
      </span>
      <span>
        <b className="font-medium text-ok">{progress.done}</b> done · <b className="font-medium text-accent">{progress.running}</b> running
        · <b className="font-medium text-danger">{progress.failed}</b> failed
        {progress.interrupted > 0 ? (
          <>
            {' '}
            · <b className="font-medium text-warn">{progress.interrupted}</b> interrupted
          </>
        ) : null}
      </span>
      <LaneStates lanes={lanes} endpointName={endpointName} />
      <span className="ml-auto font-mono">
        {progress.priced > 0 ? `$${progress.cost.toFixed(5)} so far` : progress.done > 0 ? 'no price' : ''}
      </span>
      <span className="flex items-center gap-1">
        <span className="text-faint">Results</span>
        <Button
          variant="ghost"
          data-testid="grid-export-csv-button"
          aria-label="Export results as CSV"
          className="h-6 px-2 text-[12px]"
          disabled={finished === 0}
          onClick={() => onExport('csv')}
        >
          CSV
        </Button>
        <Button
          variant="ghost"
          data-testid="grid-export-json-button"
          aria-label="Export results as JSON"
          className="h-6 px-2 text-[12px]"
          disabled={finished === 0}
          onClick={() => onExport('json')}
        >
          JSON
        </Button>
      </span>
    </div>
  );
}
