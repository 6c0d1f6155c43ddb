/**
 * One-click fixes for errors in which the server names the problem: a parameter it refuses (OpenAI
 * `param`, a FastAPI `loc`, "Unrecognized request argument"), `max_tokens` refused in favour of
 * `max_completion_tokens` (or the reverse), a value above a limit it states, a prompt over the
 * context window. Pure: the banner shows them, the app applies them. Only what the person switched
 * on is offered; fields the app adds on its own are dropped and retried without asking (app-added.ts).
 */
import { DEFAULT_PARAM_VALUES, NUMERIC_LIMITS, type NumericParamKey } from './params';
import type { AppError, ParamKey, RequestParams } from './types';

export type ErrorFix =
  | { kind: 'switch-off'; param: ParamKey; label: string }
  | { kind: 'set-value'; param: NumericParamKey; value: number; label: string }
  | { kind: 'swap-max-tokens'; from: MaxTokensKey; to: MaxTokensKey; label: string }
  | { kind: 'remove-extra'; field: string; label: string }
  | { kind: 'open-meter'; label: string };

type MaxTokensKey = 'max_tokens' | 'max_completion_tokens';

const CONTEXT_CODES = new Set(['context_length_exceeded', 'exceed_context_size_error', 'string_above_max_length']);
const CONTEXT_TEXT =
  /maximum context length|context[ _-]?(length|window|size)|exceeds the available context|prompt is too long|too many (input )?tokens|input is too long/i;

/** Wire fields whose switch has another name in the panel. */
const PARAM_OF_FIELD: Readonly<Record<string, ParamKey>> = { stream_options: 'include_usage' };

function isParamKey(name: string): name is ParamKey {
  return Object.hasOwn(DEFAULT_PARAM_VALUES, name);
}

function isNumericKey(key: ParamKey): key is NumericParamKey {
  return Object.hasOwn(NUMERIC_LIMITS, key);
}

/** The top-level request fields the error names: its `param`, each FastAPI `loc`, an "Unrecognized request argument". */
export function namedFields(error: AppError): string[] {
  const names = [error.param ?? ''];
  for (const line of error.detailLines ?? []) names.push(/^([\w.[\]]+):/.exec(line)?.[1] ?? '');
  const unrecognised = /Unrecognized request arguments? supplied:\s*([\w, ]+)/i.exec(error.message);
  if (unrecognised) names.push(...unrecognised[1]!.split(/[,\s]+/));
  const quoted = /Unsupported parameter: '(\w+)'/i.exec(error.message);
  if (quoted) names.push(quoted[1]!);
  const top = names.map((n) => n.split(/[.[]/)[0]!.trim()).filter((n) => n !== '' && n !== 'body');
  return [...new Set(top)];
}

export function isContextLengthError(error: AppError): boolean {
  if (error.kind !== 'http' && error.kind !== 'stream') return false;
  return CONTEXT_CODES.has(String(error.code ?? '')) || CONTEXT_CODES.has(error.type ?? '') || CONTEXT_TEXT.test(error.message);
}

/** A limit the message states for `field` ("at most 16384", "maximum value is 8192"), when below what was sent. */
function statedLimit(message: string, sent: number): number | null {
  const m = /(?:at most|maximum(?: allowed)?(?: value)?(?: is|:)?|less than or equal to|supports up to|<=)\s*([\d,]+)/i.exec(message);
  if (!m) return null;
  const limit = Number(m[1]!.replace(/,/g, ''));
  return Number.isFinite(limit) && limit >= 1 && limit < sent ? limit : null;
}

function extraBodyKeys(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.keys(parsed) : [];
  } catch {
    return [];
  }
}

function fixesForField(field: string, error: AppError, params: RequestParams): ErrorFix[] {
  if (extraBodyKeys(params.extraBody).includes(field))
    return [{ kind: 'remove-extra', field, label: `Remove ${field} from extra body and retry` }];
  const key = PARAM_OF_FIELD[field] ?? (isParamKey(field) ? field : null);
  // `n` refused has a better answer than switching it off: parallel requests (the fan-out offer).
  if (key === null || key === 'n' || params.enabled[key] !== true) return [];
  const out: ErrorFix[] = [];
  if (key === 'max_tokens' || key === 'max_completion_tokens') {
    const other: MaxTokensKey = key === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
    const wantsOther = error.message.includes(other) || (key === 'max_completion_tokens' && error.status === 422);
    if (wantsOther && params.enabled[other] !== true)
      out.push({ kind: 'swap-max-tokens', from: key, to: other, label: `Send it as ${other} and retry` });
  }
  if (isNumericKey(key)) {
    const limit = statedLimit(error.message, params.values[key]);
    const value = limit !== null && NUMERIC_LIMITS[key].integer ? Math.floor(limit) : limit;
    if (value !== null) out.push({ kind: 'set-value', param: key, value, label: `Set ${key} to ${value} and retry` });
  }
  out.push({ kind: 'switch-off', param: key, label: `Switch off ${key} and retry` });
  return out;
}

export function fixesFor(error: AppError, params: RequestParams): ErrorFix[] {
  const out: ErrorFix[] = [];
  if ((error.kind === 'http' || error.kind === 'stream') && (error.status === 400 || error.status === 422 || error.kind === 'stream')) {
    for (const field of namedFields(error)) out.push(...fixesForField(field, error, params));
  }
  if (isContextLengthError(error)) out.push({ kind: 'open-meter', label: 'Open the meter' });
  return out;
}

/** The parameters with `fix` applied (open-meter changes none). */
export function applyFix(params: RequestParams, fix: ErrorFix): RequestParams {
  const next: RequestParams = { ...params, values: { ...params.values }, enabled: { ...params.enabled } };
  switch (fix.kind) {
    case 'switch-off':
      next.enabled[fix.param] = false;
      break;
    case 'set-value':
      (next.values as Record<NumericParamKey, number>)[fix.param] = fix.value;
      break;
    case 'swap-max-tokens':
      next.values[fix.to] = params.values[fix.from];
      next.enabled[fix.from] = false;
      next.enabled[fix.to] = true;
      break;
    case 'remove-extra': {
      const extra = JSON.parse(params.extraBody) as Record<string, unknown>;
      delete extra[fix.field];
      next.extraBody = Object.keys(extra).length === 0 ? '' : JSON.stringify(extra, null, 2);
      break;
    }
    case 'open-meter':
      break;
  }
  return next;
}
