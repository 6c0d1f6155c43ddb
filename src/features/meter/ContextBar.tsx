import type { ContextState } from '../../domain/tokens';

const FILL: Record<ContextState, string> = { ok: 'bg-accent', warn: 'bg-warn', over: 'bg-danger', unknown: 'bg-faint' };

function compact(n: number): string {
  if (n >= 1_000_000) return `${Number((n / 1e6).toFixed(1))}M`;
  return n >= 1000 ? `${Number((n / 1000).toFixed(n >= 100_000 ? 0 : 1))}k` : String(n);
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Prompt + reserved output against the model's context window; warns from 85%. The label and the
 * tooltip say what is counted: a bare percentage read as "of what?".
 */
export function ContextBar({
  prompt,
  reserved,
  reservedFrom,
  window,
  model,
  state,
}: {
  prompt: number;
  reserved: number;
  /** Where the reserved output comes from: the limit switched on, or the model's max output. */
  reservedFrom: string | null;
  window: number | undefined;
  model: string;
  state: ContextState;
}) {
  const used = prompt + reserved;
  const pct = window ? Math.min(100, (used / window) * 100) : 0;
  const promptPct = window ? Math.min(100, (prompt / window) * 100) : 0;
  const label = window
    ? `${compact(prompt)} prompt + ${compact(reserved)} reserved output of ${compact(window)} context${state === 'over' ? ': over the window' : state === 'warn' ? ': close to the window' : ''}`
    : 'Context window unknown (set it in the model facts)';
  const tooltip = [
    window
      ? `Context window: ${count(prompt)} prompt + ${count(reserved)} reserved output = ${count(used)} of ${count(window)} tokens (${Math.round((used / window) * 100)}%)`
      : `Context window of ${model || 'this model'} unknown: set it in the model facts`,
    'Prompt: the next request as it stands (messages, tools, schema, the draft), estimated by the tokenizer',
    `Reserved output: ${reservedFrom ?? 'nothing (no output limit switched on, and no known max output)'}`,
    window ? `Window: ${model || 'the model'}’s context window, from its model facts` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <span className="inline-flex items-center gap-1.5" title={tooltip}>
      <span
        data-testid="meter-context-bar"
        role="meter"
        aria-label="Context window used by prompt and reserved output"
        aria-valuemin={0}
        aria-valuenow={used}
        aria-valuemax={window ?? used}
        aria-valuetext={label}
        data-state={state}
        className="relative h-1.5 w-20 overflow-hidden rounded-full bg-sunken ring-1 ring-line"
      >
        <span className={`absolute inset-y-0 left-0 opacity-35 ${FILL[state]}`} style={{ width: `${pct}%` }} />
        <span className={`absolute inset-y-0 left-0 ${FILL[state]}`} style={{ width: `${promptPct}%` }} />
      </span>
      <span className={`font-mono ${state === 'over' ? 'text-danger' : state === 'warn' ? 'text-warn' : 'text-faint'}`}>
        {window ? `${Math.round((used / window) * 100)}% of context` : 'context —'}
      </span>
      {state === 'over' || state === 'warn' ? (
        <span data-testid="meter-context-warning" role="status" className={state === 'over' ? 'text-danger' : 'text-warn'}>
          {state === 'over' ? 'exceeds context' : 'near limit'}
        </span>
      ) : null}
    </span>
  );
}
