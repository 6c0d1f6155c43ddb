import type { ReactNode } from 'react';
import { Switch } from '../../components/ui/Switch';

export function ParamRow({ name, label, enabled, onToggle, children, hint }: { name: string; label: string; enabled: boolean; onToggle: (on: boolean) => void; children?: ReactNode; hint?: string }) {
  return (
    <div className="space-y-1 rounded-md px-2 py-1.5">
      <div className="flex items-center gap-2">
        <Switch checked={enabled} onChange={onToggle} label={`Send ${name}`} testId={`param-${name}-enabled`} />
        {/* Off rows read quieter through the label colour, not opacity, so every text keeps AA contrast. */}
        <span className={`min-w-0 truncate text-[12.5px] font-medium ${enabled ? 'text-fg' : 'text-muted'}`} title={label}>{label}</span>
        <code className="ml-auto shrink-0 font-mono text-[10.5px] text-faint">{name}</code>
      </div>
      {children}
      {hint ? <div className="text-[11px] text-faint">{hint}</div> : null}
    </div>
  );
}

export function NumberParam({ name, value, onChange, min, max, step, disabled }: { name: string; value: number; onChange: (v: number) => void; min: number; max: number; step: number; disabled: boolean }) {
  const invalid = Number.isNaN(value) || value < min || value > max;
  return (
    <div className="flex items-center gap-2">
      {max - min <= 4 ? (
        <input type="range" aria-label={`${name} slider`} min={min} max={max} step={step} value={Number.isNaN(value) ? min : value} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))} className="flex-1 accent-[var(--pg-accent)]" />
      ) : null}
      <input
        type="number"
        data-testid={`param-${name}`}
        aria-label={name}
        aria-invalid={invalid}
        min={min}
        max={max}
        step={step}
        value={Number.isNaN(value) ? '' : value}
        onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
        className={`h-7 w-20 rounded-md border bg-raised px-2 text-right font-mono text-[12px] ${invalid ? 'border-danger' : 'border-line'} ${max - min <= 4 ? '' : 'flex-1'}`}
      />
    </div>
  );
}
