import type { ParamKey, ParamValues, RequestParams } from '../../domain/types';
import { NumberParam, ParamRow } from './ParamRow';

interface NumericSpec {
  key: { [K in ParamKey]: ParamValues[K] extends number ? K : never }[ParamKey];
  label: string;
  min: number;
  max: number;
  step: number;
  hint?: string;
}

const NUMERIC: NumericSpec[] = [
  { key: 'temperature', label: 'Temperature', min: 0, max: 2, step: 0.05 },
  { key: 'top_p', label: 'Top P', min: 0, max: 1, step: 0.01 },
  { key: 'max_completion_tokens', label: 'Max output', min: 1, max: 1_000_000, step: 1, hint: 'Required instead of max_tokens by reasoning models (o-series, GPT-5).' },
  { key: 'max_tokens', label: 'Max tokens (legacy)', min: 1, max: 1_000_000, step: 1 },
  { key: 'n', label: 'Choices (n)', min: 1, max: 128, step: 1 },
  { key: 'seed', label: 'Seed', min: -9_007_199_254_740_991, max: 9_007_199_254_740_991, step: 1 },
  { key: 'presence_penalty', label: 'Presence pen.', min: -2, max: 2, step: 0.1 },
  { key: 'frequency_penalty', label: 'Frequency pen.', min: -2, max: 2, step: 0.1 },
];

export function ParamsPanel({ params, onChange }: { params: RequestParams; onChange: (next: RequestParams) => void }) {
  const setValue = <K extends ParamKey>(key: K, value: ParamValues[K]) => onChange({ ...params, values: { ...params.values, [key]: value } });
  const toggle = (key: ParamKey, on: boolean) => onChange({ ...params, enabled: { ...params.enabled, [key]: on } });
  const on = (key: ParamKey) => params.enabled[key] === true;

  return (
    <section className="space-y-0.5" aria-label="Parameters">
      <ParamRow name="stream" label="Stream" enabled={on('stream') && params.values.stream} onToggle={(v) => onChange({ ...params, enabled: { ...params.enabled, stream: v }, values: { ...params.values, stream: true } })} />
      <ParamRow name="include_usage" label="Usage in stream" enabled={on('include_usage')} onToggle={(v) => toggle('include_usage', v)} hint="stream_options.include_usage" />
      {NUMERIC.map((spec) => (
        <ParamRow key={spec.key} name={spec.key} label={spec.label} enabled={on(spec.key)} onToggle={(v) => toggle(spec.key, v)} hint={spec.hint}>
          <NumberParam name={spec.key} value={params.values[spec.key]} min={spec.min} max={spec.max} step={spec.step} disabled={false} onChange={(v) => setValue(spec.key, v)} />
        </ParamRow>
      ))}
      <ParamRow name="stop" label="Stop sequences" enabled={on('stop')} onToggle={(v) => toggle('stop', v)} hint="Up to 4, separated by commas.">
        <input
          data-testid="param-stop"
          aria-label="stop"
          value={params.values.stop.join(',')}
          onChange={(e) => setValue('stop', e.target.value === '' ? [] : e.target.value.split(',').slice(0, 4))}
          className="h-7 w-full rounded-md border border-line bg-raised px-2 font-mono text-[12px]"
        />
      </ParamRow>
      <ParamRow name="logprobs" label="Log probabilities" enabled={on('logprobs')} onToggle={(v) => onChange({ ...params, enabled: { ...params.enabled, logprobs: v }, values: { ...params.values, logprobs: true } })} />
      <ParamRow name="top_logprobs" label="Top logprobs" enabled={on('top_logprobs')} onToggle={(v) => toggle('top_logprobs', v)}>
        <NumberParam name="top_logprobs" value={params.values.top_logprobs} min={0} max={20} step={1} disabled={false} onChange={(v) => setValue('top_logprobs', v)} />
      </ParamRow>
      <div className="space-y-1 px-2 pt-2">
        <label htmlFor="extra-body" className="text-[12.5px] font-medium">Extra body (JSON)</label>
        <textarea
          id="extra-body"
          data-testid="extra-body-input"
          rows={3}
          spellCheck={false}
          placeholder='{"top_k": 40, "min_p": 0.05}'
          value={params.extraBody}
          onChange={(e) => onChange({ ...params, extraBody: e.target.value })}
          className="w-full rounded-md border border-line bg-raised px-2 py-1.5 font-mono text-[12px]"
        />
      </div>
    </section>
  );
}
