import { useState } from 'react';
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { errorMessage } from '../../domain/errors';

export const controlClass =
  'h-7 w-full rounded-md border border-line bg-raised px-2 font-mono text-[12px] text-fg focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent';
export const areaClass =
  'w-full rounded-md border bg-raised px-2 py-1.5 font-mono text-[11.5px] leading-snug text-fg focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent';

/** The number box of a numeric parameter (shown on the row's header line). */
export function NumberParam({
  name,
  value,
  onChange,
  min,
  max,
  step,
  invalid,
}: {
  name: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  max: number;
  step: number;
  invalid: boolean;
}) {
  return (
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
      className={`${controlClass} w-22! shrink-0 text-right ${invalid ? 'border-danger' : ''}`}
    />
  );
}

/** A slider under parameters with a small range (temperature, top_p, penalties). */
export function Slider({
  name,
  value,
  onChange,
  min,
  max,
  step,
}: {
  name: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  max: number;
  step: number;
}) {
  return (
    <input
      type="range"
      aria-label={`${name} slider`}
      min={min}
      max={max}
      step={step}
      value={Number.isNaN(value) ? min : Math.min(max, Math.max(min, value))}
      onChange={(e) => onChange(Number(e.target.value))}
      className="block h-3 w-full accent-[var(--pg-accent)]"
    />
  );
}

export function SelectParam({ name, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { name: string; children: ReactNode }) {
  return (
    <select data-testid={`param-${name}`} aria-label={name} {...props} className={`${controlClass} font-sans ${props.className ?? ''}`}>
      {children}
    </select>
  );
}

/** true / false for boolean parameters: the switch says "send it", this says what to send. */
export function BoolParam({ name, value, onChange }: { name: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <SelectParam name={name} value={String(value)} onChange={(e) => onChange(e.target.value === 'true')} className="w-22! shrink-0">
      <option value="true">true</option>
      <option value="false">false</option>
    </SelectParam>
  );
}

export function TextParam({
  name,
  value,
  onChange,
  placeholder,
  invalid = false,
}: {
  name: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  invalid?: boolean;
}) {
  return (
    <input
      data-testid={`param-${name}`}
      aria-label={name}
      aria-invalid={invalid}
      value={value}
      spellCheck={false}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      className={`${controlClass} ${invalid ? 'border-danger' : ''}`}
    />
  );
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A JSON text editor over a structured value. The text is a local draft: a value is committed
 * only when it parses and passes `parse`; an outside change of the value replaces the draft.
 */
export function JsonParam<T>({
  name,
  value,
  parse,
  onChange,
  rows = 4,
  placeholder,
  testId,
}: {
  name: string;
  value: T;
  parse: (json: unknown) => Parsed<T>;
  onChange: (v: T) => void;
  rows?: number;
  placeholder?: string;
  testId?: string;
}) {
  const shown = serialize(value);
  const [draft, setDraft] = useState<{ source: string; text: string; error: string | null }>({ source: shown, text: shown, error: null });
  const current = draft.source === shown ? draft : { source: shown, text: shown, error: null };
  const edit = (text: string) => {
    let result: Parsed<T>;
    try {
      result = parse(text.trim() === '' ? emptyLike(value) : JSON.parse(text));
    } catch (e) {
      result = { ok: false, error: `Not valid JSON: ${errorMessage(e)}` };
    }
    if (result.ok) {
      onChange(result.value);
      setDraft({ source: serialize(result.value), text, error: null });
    } else {
      setDraft({ ...current, text, error: result.error });
    }
  };
  return (
    <div className="space-y-1">
      <textarea
        data-testid={testId ?? `param-${name}`}
        aria-label={name}
        aria-invalid={current.error !== null}
        rows={rows}
        spellCheck={false}
        placeholder={placeholder}
        value={current.text}
        onChange={(e) => edit(e.target.value)}
        className={`${areaClass} ${current.error ? 'border-danger' : 'border-line'}`}
      />
      {current.error ? (
        <div role="alert" className="text-[11px] text-danger">
          {current.error}
        </div>
      ) : null}
    </div>
  );
}

function serialize(v: unknown): string {
  return isEmptyValue(v) ? '' : JSON.stringify(v, null, 2);
}
function isEmptyValue(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
}
function emptyLike(v: unknown): unknown {
  return Array.isArray(v) ? [] : {};
}
