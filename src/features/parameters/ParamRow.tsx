import type { ReactNode } from 'react';
import { Switch } from '../../components/ui/Switch';

/** One parameter: its send switch, label, wire name, reset, value control and inline problems. */
export function ParamRow({
  name,
  label,
  enabled,
  onToggle,
  onReset,
  children,
  hint,
  problems = [],
  wire,
  inline,
}: {
  name: string;
  label: string;
  enabled: boolean;
  onToggle: (on: boolean) => void;
  onReset?: () => void;
  children?: ReactNode;
  hint?: ReactNode;
  problems?: string[];
  /** The name on the wire when it differs from the hook name (stream_options.include_usage). */
  wire?: string;
  /** A compact value control shown on the header line (numbers, true/false, short selects). */
  inline?: ReactNode;
}) {
  return (
    <div data-param={name} className={`group space-y-1 rounded-md px-2 py-1.5 ${enabled ? 'bg-raised/60' : ''}`}>
      <div className="flex items-center gap-2">
        <Switch checked={enabled} onChange={onToggle} label={`Send ${name}`} testId={`param-${name}-enabled`} />
        <span
          className={`min-w-0 flex-1 truncate text-[12.5px] font-medium ${enabled ? 'text-fg' : 'text-muted'}`}
          title={`${label} (${wire ?? name})`}
        >
          {label}
        </span>
        {inline ?? <code className="shrink-0 truncate font-mono text-[10.5px] text-faint">{wire ?? name}</code>}
        {onReset ? (
          <button
            type="button"
            aria-label={`Reset ${name}`}
            title={`Reset ${name} to its default`}
            onClick={onReset}
            className="-mr-1 h-5 w-4 shrink-0 rounded text-[12px] leading-none text-faint opacity-0 hover:bg-sunken hover:text-fg focus-visible:opacity-100 group-hover:opacity-100"
          >
            ↺
          </button>
        ) : null}
      </div>
      {children}
      {problems.map((p) => (
        <div key={p} role="alert" className="text-[11px] text-danger">
          {p}
        </div>
      ))}
      {hint ? <div className="text-[11px] leading-snug text-faint">{hint}</div> : null}
    </div>
  );
}
