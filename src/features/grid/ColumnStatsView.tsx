import type { ColumnStats } from '../../domain/grid-stats';

const ms = (n: number | null) => (n === null ? '–' : n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(2)} s`);

/** A column's figures under its name: pass rate (with checks), total cost, median time and time to first token. */
export function ColumnStatsView({ stats, hasChecks, column }: { stats: ColumnStats; hasChecks: boolean; column: number }) {
  const rate = stats.judged > 0 ? Math.round((stats.passed / stats.judged) * 100) : null;
  const tone = rate === null ? 'text-faint' : rate === 100 ? 'text-ok' : rate >= 50 ? 'text-warn' : 'text-danger';
  return (
    <div
      data-testid="grid-column-stats"
      data-config={column}
      className="mt-1 flex flex-wrap items-baseline gap-x-3 gap-y-0.5 font-mono text-[10.5px] font-normal normal-case tracking-normal text-faint"
    >
      {hasChecks ? (
        <span
          data-testid="grid-pass-rate"
          className={tone}
          title="Cells that finished with every check passing, of the cells finished or failed"
        >
          {stats.judged > 0 ? `${stats.passed}/${stats.judged} pass · ${rate}%` : 'no results yet'}
        </span>
      ) : null}
      <span title="Total cost of this column's cells">{stats.priced > 0 ? `$${stats.cost.toFixed(5)}` : 'no price'}</span>
      <span title="Median total time of the finished cells">median {ms(stats.medianMs)}</span>
      <span title="Median time to first token">TTFT {ms(stats.medianTtftMs)}</span>
    </div>
  );
}
