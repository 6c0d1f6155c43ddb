/**
 * Parameters the app adds to a request on its own, without the person switching them on. A server
 * that refuses one of them must not break the request: the field is dropped, the request sent once
 * more, and the endpoint profile remembers (`Endpoint.unsupported`) so later requests leave it out.
 */
import { DEFAULT_ENABLED, defaultRequestParams } from '../../domain/params';
import type { AppError, RequestParams } from '../../domain/types';
import { asRecord, isArray, nonEmpty } from './guards';
import { locPath } from './error-shapes';
import type { WireChatRequest } from './wire';

/** The one list: each field, and when the app (not the person) is the one sending it. */
const APP_ADDED: Readonly<Record<string, (params: RequestParams) => boolean>> = {
  // `include_usage` is on by default: while the person has not changed it, `stream_options` is ours.
  stream_options: (params) =>
    params.enabled.include_usage === DEFAULT_ENABLED.include_usage &&
    params.values.include_usage === defaultRequestParams('').values.include_usage,
};

export const APP_ADDED_FIELDS: readonly string[] = Object.keys(APP_ADDED);

/** The fields of a request built from `params` that the app added on its own (one the extra body sets is the person's). */
export function appAddedFields(params: RequestParams, extraBody: Readonly<Record<string, unknown>> = {}): string[] {
  return APP_ADDED_FIELDS.filter((field) => !Object.hasOwn(extraBody, field) && APP_ADDED[field]!(params));
}

/** `body` without `fields` (a copy). */
export function withoutFields(body: WireChatRequest, fields: readonly string[]): WireChatRequest {
  const out: WireChatRequest = { ...body };
  for (const field of fields) delete out[field];
  return out;
}

/** The field a FastAPI `extra_forbidden` entry of the raw body names, for each such entry. */
function extraForbidden(raw: string | undefined): string[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const rec = asRecord(json);
  // Mistral sometimes nests the FastAPI body in `message`.
  const detail = rec?.detail ?? asRecord(rec?.message)?.detail;
  if (!isArray(detail)) return [];
  return detail
    .map(asRecord)
    .filter((d) => d !== null && nonEmpty(d.type) === 'extra_forbidden')
    .map((d) => locPath(d!.loc))
    .filter((loc): loc is string => loc !== undefined);
}

/**
 * Which of `candidates` (fields the app added to the request) the server refused: a 400/422 whose
 * parsed error names it as its `param`, or a FastAPI `extra_forbidden` entry at it. Null otherwise.
 */
export function refusedField(error: AppError | null, status: number | null, candidates: readonly string[]): string | null {
  if (!error || (status !== 400 && status !== 422) || candidates.length === 0) return null;
  const named = [error.param ?? '', ...extraForbidden(error.detail)];
  return candidates.find((field) => named.some((n) => n === field || n.startsWith(`${field}.`))) ?? null;
}
