import { checkLabel, type CheckResult, type GridCheck } from '../../domain/grid-checks';

/** One line per check in a finished cell: ✓ or ✗, what was checked, and why it failed (the reason is also the title). */
export function CellChecks({ checks, results }: { checks: readonly GridCheck[]; results: readonly (CheckResult | null)[] }) {
  if (checks.length === 0 || results.every((r) => r === null)) return null;
  return (
    <ul aria-label="Checks" className="flex flex-col gap-0.5 border-t border-line/70 pt-1">
      {checks.map((check, i) => {
        const result = results[i];
        if (!result) return null;
        const look = result.pass ? 'text-ok' : result.broken ? 'text-warn' : 'text-danger';
        return (
          <li
            key={check.id}
            data-testid="grid-check-result"
            data-pass={result.pass}
            title={result.reason}
            className="flex min-w-0 items-baseline gap-1.5 text-[11.5px] leading-snug"
          >
            <span aria-hidden="true" className={`w-3 shrink-0 text-center font-semibold ${look}`}>
              {result.pass ? '✓' : result.broken ? '!' : '✗'}
            </span>
            <span className="sr-only">{result.pass ? 'Passed: ' : result.broken ? 'Check not applied: ' : 'Failed: '}</span>
            <span className={`shrink-0 ${result.pass ? 'text-muted' : 'text-fg'}`}>{checkLabel(check)}</span>
            {result.pass ? (
              <span className="sr-only">{` — ${result.reason}`}</span>
            ) : (
              <span className={`min-w-0 truncate ${look}`}>— {result.reason}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
