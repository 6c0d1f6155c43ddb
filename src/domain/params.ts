import type { ParamKey, ParamValues, RequestParams } from './types';

export const DEFAULT_PARAM_VALUES: ParamValues = {
  stream: true,
  include_usage: true,
  temperature: 1,
  top_p: 1,
  max_completion_tokens: 1024,
  max_tokens: 1024,
  n: 1,
  stop: [],
  presence_penalty: 0,
  frequency_penalty: 0,
  seed: 42,
  // true: what switching logprobs on is for (false is the API's default; sending it changes nothing).
  logprobs: true,
  top_logprobs: 5,
  logit_bias: {},
  response_format: { type: 'text' },
  tools: [],
  tool_choice: 'auto',
  parallel_tool_calls: true,
  reasoning_effort: 'medium',
  service_tier: 'auto',
  user: '',
  safety_identifier: '',
  store: true,
  metadata: {},
  modalities: ['text'],
  audio: { voice: 'alloy', format: 'wav' },
};

/** Streaming with usage is on by default; everything else is sent only when switched on. */
export const DEFAULT_ENABLED: Partial<Record<ParamKey, boolean>> = { stream: true, include_usage: true };

export function defaultRequestParams(model: string): RequestParams {
  return {
    model,
    values: structuredClone(DEFAULT_PARAM_VALUES),
    enabled: { ...DEFAULT_ENABLED },
    extraBody: '',
  };
}

export function isEnabled(params: RequestParams, key: ParamKey): boolean {
  return params.enabled[key] === true;
}

/** The panel's sections, in order. */
export type ParamGroup = 'sampling' | 'output' | 'tools' | 'format' | 'advanced';
export const PARAM_GROUPS: readonly { id: ParamGroup; label: string }[] = [
  { id: 'sampling', label: 'Sampling' },
  { id: 'output', label: 'Output' },
  { id: 'tools', label: 'Tools' },
  { id: 'format', label: 'Response format' },
  { id: 'advanced', label: 'Advanced' },
];

export type NumericParamKey = { [K in ParamKey]: ParamValues[K] extends number ? K : never }[ParamKey];

/** Documented limits of the numeric parameters (OpenAI API reference). */
export const NUMERIC_LIMITS: Record<NumericParamKey, { min: number; max: number; step: number; integer: boolean }> = {
  temperature: { min: 0, max: 2, step: 0.05, integer: false },
  top_p: { min: 0, max: 1, step: 0.01, integer: false },
  presence_penalty: { min: -2, max: 2, step: 0.1, integer: false },
  frequency_penalty: { min: -2, max: 2, step: 0.1, integer: false },
  max_completion_tokens: { min: 1, max: 10_000_000, step: 1, integer: true },
  max_tokens: { min: 1, max: 10_000_000, step: 1, integer: true },
  n: { min: 1, max: 128, step: 1, integer: true },
  seed: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, step: 1, integer: true },
  top_logprobs: { min: 0, max: 20, step: 1, integer: true },
};

/** Why a numeric value is out of its documented range, or null. */
export function numericProblem(key: NumericParamKey, value: number): string | null {
  const lim = NUMERIC_LIMITS[key];
  if (Number.isNaN(value)) return 'Enter a number.';
  if (lim.integer && !Number.isInteger(value)) return 'Must be a whole number.';
  if (value < lim.min || value > lim.max) {
    const fmt = (n: number) => (Math.abs(n) >= Number.MAX_SAFE_INTEGER ? (n < 0 ? '−2⁵³' : '2⁵³') : String(n));
    return `Must be between ${fmt(lim.min)} and ${fmt(lim.max)}.`;
  }
  return null;
}

export const MAX_STOP_SEQUENCES = 4;
export const MAX_METADATA_PAIRS = 16;
export const SERVICE_TIERS = ['auto', 'default', 'flex', 'scale', 'priority'] as const;
export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;
export const AUDIO_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse'] as const;
export const AUDIO_FORMATS = ['wav', 'mp3', 'flac', 'opus', 'pcm16', 'aac'] as const;

/** Problems with one parameter's value (shown inline); empty when fine. */
export function valueProblems(values: ParamValues, key: ParamKey): string[] {
  if (key in NUMERIC_LIMITS) {
    const p = numericProblem(key as NumericParamKey, values[key as NumericParamKey]);
    return p ? [p] : [];
  }
  switch (key) {
    case 'stop':
      return values.stop.length > MAX_STOP_SEQUENCES ? [`At most ${MAX_STOP_SEQUENCES} stop sequences.`] : [];
    case 'logit_bias':
      return Object.entries(values.logit_bias).flatMap(([id, bias]) => {
        const out: string[] = [];
        if (!/^\d+$/.test(id)) out.push(`"${id}" is not a token id.`);
        if (!(bias >= -100 && bias <= 100)) out.push(`Bias of ${id} must be between −100 and 100.`);
        return out;
      });
    case 'metadata': {
      const entries = Object.entries(values.metadata);
      const out: string[] = [];
      if (entries.length > MAX_METADATA_PAIRS) out.push(`At most ${MAX_METADATA_PAIRS} pairs.`);
      for (const [k, v] of entries) {
        if (k.length > 64) out.push(`Key "${k.slice(0, 12)}…" is longer than 64 characters.`);
        if (v.length > 512) out.push(`Value of "${k}" is longer than 512 characters.`);
      }
      return out;
    }
    case 'user':
    case 'safety_identifier':
      return values[key].length > 64 ? ['At most 64 characters.'] : [];
    default:
      return [];
  }
}

/**
 * Booleans whose `false` is what the server does anyway, so sending `false` changes nothing:
 * switching one on sends `true` (the switch means "send"; the value beside it can still be set to
 * false). `parallel_tool_calls` is not among them: either value means something, so it goes out as set.
 */
const TRUE_WHEN_SWITCHED_ON: ReadonlySet<ParamKey> = new Set<ParamKey>(['stream', 'include_usage', 'logprobs', 'store']);

/** Switches a parameter's sending on or off; see TRUE_WHEN_SWITCHED_ON for booleans switched on. */
export function switchParam(params: RequestParams, key: ParamKey, on: boolean): RequestParams {
  const enabled = { ...params.enabled, [key]: on };
  const turnsOn = on && params.enabled[key] !== true;
  if (!turnsOn || !TRUE_WHEN_SWITCHED_ON.has(key) || params.values[key] === true) return { ...params, enabled };
  return { ...params, enabled, values: { ...params.values, [key]: true } };
}

/** A fresh default for one parameter (the per-parameter reset). */
export function resetParam(params: RequestParams, key: ParamKey): RequestParams {
  const values = { ...params.values, [key]: structuredClone(DEFAULT_PARAM_VALUES[key]) };
  const enabled = { ...params.enabled };
  if (DEFAULT_ENABLED[key]) enabled[key] = true;
  else delete enabled[key];
  return { ...params, values, enabled };
}

/** Everything back to defaults; the model stays. */
export function resetAllParams(params: RequestParams): RequestParams {
  return { ...defaultRequestParams(params.model) };
}

/** Structural equality of plain JSON-like values (key order does not matter; undefined keys are absent). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
