import { Button } from '../../components/ui/Button';
import { Switch } from '../../components/ui/Switch';
import { CHECK_KIND_LABELS, GRID_CHECK_KINDS, type GridCheck, type GridCheckKind } from '../../domain/grid-checks';
import { addCheck, removeCheck, updateCheck } from './check-actions';

const PLACEHOLDER: Partial<Record<GridCheckKind, string>> = {
  contains: 'text',
  'not-contains': 'text',
  regex: 'pattern, or /pattern/i',
  'json-schema': 'JSON schema (empty: the request’s response_format)',
  'finish-reason': 'stop (or stop, tool_calls)',
  'max-tokens': 'completion tokens',
  'max-seconds': 'seconds',
  'max-cost': 'US dollars',
};
const NUMERIC = new Set<GridCheckKind>(['max-tokens', 'max-seconds', 'max-cost']);
const CONTROL =
  'h-7 rounded-md border border-line bg-raised px-1.5 text-[12px] focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent';

function CheckEditor({ check, n }: { check: GridCheck; n: number }) {
  const hasValue = PLACEHOLDER[check.kind] !== undefined;
  return (
    <li data-testid="grid-check" className="flex items-center gap-1.5 rounded-lg border border-line bg-panel py-1 pl-1 pr-0.5">
      <select
        aria-label={`Check ${n} kind`}
        value={check.kind}
        onChange={(e) => updateCheck(check.id, { kind: e.target.value as GridCheckKind })}
        className={`${CONTROL} font-sans`}
      >
        {GRID_CHECK_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {CHECK_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      {hasValue ? (
        check.kind === 'json-schema' ? (
          <textarea
            aria-label={`Check ${n} schema`}
            rows={1}
            value={check.value}
            placeholder={PLACEHOLDER[check.kind]}
            onChange={(e) => updateCheck(check.id, { value: e.target.value })}
            className={`${CONTROL} h-7 min-h-7 w-72 resize-y py-1 font-mono placeholder:font-sans placeholder:text-faint`}
          />
        ) : (
          <input
            aria-label={`Check ${n} value`}
            value={check.value}
            inputMode={NUMERIC.has(check.kind) ? 'decimal' : undefined}
            placeholder={PLACEHOLDER[check.kind]}
            onChange={(e) => updateCheck(check.id, { value: e.target.value })}
            className={`${CONTROL} ${NUMERIC.has(check.kind) ? 'w-20 text-right' : 'w-44'} font-mono placeholder:font-sans placeholder:text-faint`}
          />
        )
      ) : null}
      {check.kind === 'contains' || check.kind === 'not-contains' || check.kind === 'regex' ? (
        <label className="flex items-center gap-1 text-[11.5px] text-muted">
          <Switch
            checked={check.ignoreCase === true}
            onChange={(on) => updateCheck(check.id, { ignoreCase: on })}
            label={`Check ${n} ignore case`}
          />
          Aa
        </label>
      ) : null}
      {check.kind === 'equals-expected' ? (
        <label className="flex items-center gap-1 text-[11.5px] text-muted">
          <Switch
            checked={check.trim !== false}
            onChange={(on) => updateCheck(check.id, { trim: on })}
            label={`Check ${n} trim whitespace`}
          />
          trim
        </label>
      ) : null}
      <button
        type="button"
        aria-label={`Remove check ${n}`}
        title="Remove this check"
        onClick={() => removeCheck(check.id)}
        className="flex h-6 w-6 items-center justify-center rounded text-[11px] text-faint hover:bg-sunken hover:text-danger"
      >
        ✕
      </button>
    </li>
  );
}

/** The grid's checks (applied to every finished cell) and the "Failures only" row filter. */
export function ChecksBar({
  checks,
  failuresOnly,
  onFailuresOnly,
  failing,
}: {
  checks: readonly GridCheck[];
  failuresOnly: boolean;
  onFailuresOnly: (on: boolean) => void;
  /** Rows with a failing cell. */
  failing: number;
}) {
  return (
    <section aria-label="Checks" className="flex shrink-0 items-start gap-3 border-b border-line bg-sunken/40 px-4 py-2">
      <h3 className="mt-1.5 text-[11px] font-semibold uppercase tracking-wide text-muted">Checks</h3>
      <ul className="flex min-w-0 flex-1 flex-wrap items-center gap-1.5">
        {checks.map((check, i) => (
          <CheckEditor key={check.id} check={check} n={i + 1} />
        ))}
        <li>
          <Button variant="ghost" className="h-7 px-2 text-[12px]" onClick={() => addCheck()}>
            + Add check
          </Button>
        </li>
      </ul>
      <label className="mt-1 flex shrink-0 items-center gap-2 text-[12px] text-muted">
        <Switch checked={failuresOnly} onChange={onFailuresOnly} label="Failures only" testId="grid-failures-only" />
        Failures only
        <span className="font-mono text-[11px] text-faint">({failing})</span>
      </label>
      {failuresOnly && failing === 0 ? (
        <p role="status" className="mt-1.5 shrink-0 text-[12px] text-ok">
          No failing rows.
        </p>
      ) : null}
    </section>
  );
}
