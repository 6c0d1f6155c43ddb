/**
 * The side-effect shell: the only code in the app that calls fetch. It runs one chat
 * completion with retries (only before a 2xx body starts) and reports a CompletionResult; it
 * never throws. The API key goes into the Authorization header (or Azure's api-key header) and nowhere else.
 */
import type { AppError, Completion } from '../../domain/types';
import { createCompletionAccumulator } from './accumulate';
import { callSafely, runAttempt } from './client-attempt';
import type { AttemptContext, AttemptResult, CompletionOutcome } from './client-attempt';
import { errorFromFetchFailure, errorFromHttp, malformedChunkError } from './errors';
import { asRecord, isArray, isRecord, nonEmpty } from './guards';
import { retryDelayMs } from './retry';
import type { WireChatRequest } from './wire';
import { errorMessage } from '../../domain/errors';
import { isSecretHeader } from '../../domain/endpoints';

export type { CompletionOutcome } from './client-attempt';

export interface EndpointConfig {
  baseURL: string;
  apiKey?: string;
  headers?: Record<string, string>;
  /** Default 'authorization' (`Authorization: Bearer KEY`); 'api-key' sends `api-key: KEY` (Azure). */
  keyHeader?: 'authorization' | 'api-key';
  /** Headers the person marked secret; with the credential headers (`isSecretHeader`), redacted like the key. */
  secretHeaders?: string[];
}

export interface RetryInfo {
  attempt: number;
  maxRetries: number;
  delayMs: number;
  error: AppError;
}

export interface CompletionOptions {
  endpoint: EndpointConfig;
  body: WireChatRequest;
  signal: AbortSignal;
  /** Default 2; retries happen only before the first byte of a 2xx body. */
  maxRetries?: number;
  /** Default 60 s when streaming, 10 min otherwise (a non-streamed answer arrives all at once). */
  firstByteTimeoutMs?: number;
  /** After each processed network chunk; the completion is the live object, mutated in place. */
  onUpdate?: (completion: Completion) => void;
  /** Before each backoff wait; the wait is cancelled by `signal`. */
  onRetry?: (info: RetryInfo) => void;
  onResponse?: (info: { status: number; headers: Record<string, string> }) => void;
  /** Injectable clock, default Date.now (epoch ms, so timings can be stored). */
  now?: () => number;
  /** Injectable fetch (tests); default the global fetch at call time. */
  fetch?: typeof fetch;
}

export interface CompletionResult {
  outcome: CompletionOutcome;
  /** Whatever was assembled, even on error or abort. */
  completion: Completion;
  /** Null when done or aborted. */
  error: AppError | null;
  status: number | null;
  headers: Record<string, string>;
  timing: { startedAt: number; firstByteAt: number | null; firstTokenAt: number | null; finishedAt: number };
}

export class ApiError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.error = error;
  }
}

/** Splits off a query (Azure's `?api-version=…`) so paths go before it. */
function splitQuery(baseURL: string): [string, string] {
  const trimmed = baseURL.trim();
  const at = trimmed.indexOf('?');
  return at < 0 ? [trimmed, ''] : [trimmed.slice(0, at), trimmed.slice(at)];
}

function joinURL(base: string, path: string): string {
  // Tolerate a pasted full endpoint URL.
  return base.endsWith(path) ? base : `${base}${path}`;
}

export function chatCompletionsURL(baseURL: string): string {
  const [base, query] = splitQuery(baseURL);
  return joinURL(base.replace(/\/+$/, ''), '/chat/completions') + query;
}

export function modelsURL(baseURL: string): string {
  const [base, query] = splitQuery(baseURL);
  return joinURL(base.replace(/\/+$/, '').replace(/\/chat\/completions$/, ''), '/models') + query;
}

function pageOrigin(): string | null {
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  return origin && origin !== 'null' ? origin : null;
}

function requestHeaders(endpoint: EndpointConfig, json: boolean): Record<string, string> {
  const headers: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {};
  const key = endpoint.apiKey?.trim();
  if (key && endpoint.keyHeader === 'api-key') headers['api-key'] = key;
  else if (key) headers.Authorization = `Bearer ${key}`;
  for (const [name, value] of Object.entries(endpoint.headers ?? {})) if (name.trim() !== '') headers[name.trim()] = value;
  return headers;
}

/** Headers the browser would reject (non-Latin-1 values, bad names) as an 'invalid' error. */
function checkHeaders(headers: Record<string, string>): AppError | null {
  for (const [name, value] of Object.entries(headers)) {
    try {
      new Headers([[name, value]]);
    } catch {
      return { kind: 'invalid', message: `The header "${name}" has an invalid name or value (only plain ASCII is allowed).` };
    }
  }
  return null;
}

/** The key and every secret header value: what must never reach anything a person sees, copies or stores. */
function secretsOf(endpoint: EndpointConfig): string[] {
  const values = Object.entries(endpoint.headers ?? {})
    .filter(([name]) => isSecretHeader(name, endpoint.secretHeaders))
    .map(([, value]) => value);
  // Longest first: a secret that contains another is removed whole.
  return [endpoint.apiKey ?? '', ...values]
    .map((v) => v.trim())
    .filter((v) => v.length >= 4)
    .sort((a, b) => b.length - a.length);
}

/** Removes the key and secret header values from anything a person might see or copy. */
function redact(error: AppError | null, endpoint: EndpointConfig): AppError | null {
  const secrets = secretsOf(endpoint);
  if (!error || secrets.length === 0) return error;
  const scrub = (s: string | undefined): string | undefined => secrets.reduce((text, secret) => text?.split(secret).join('***'), s);
  const out: AppError = { ...error, message: scrub(error.message) ?? '' };
  if (error.detail !== undefined) out.detail = scrub(error.detail);
  if (error.hint !== undefined) out.hint = scrub(error.hint);
  if (error.detailLines !== undefined) out.detailLines = error.detailLines.map((l) => scrub(l) ?? '');
  if (typeof error.code === 'string') out.code = scrub(error.code) ?? null;
  if (typeof error.param === 'string') out.param = scrub(error.param) ?? null;
  if (typeof error.type === 'string') out.type = scrub(error.type) ?? null;
  return out;
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function runChatCompletion(opts: CompletionOptions): Promise<CompletionResult> {
  const now = opts.now ?? Date.now;
  const startedAt = now();
  const acc = createCompletionAccumulator();
  const timing: { firstTokenAt: number | null } = { firstTokenAt: null };
  const finish = (r: Pick<AttemptResult, 'outcome' | 'error' | 'status' | 'headers' | 'firstByteAt'>): CompletionResult => {
    acc.finish();
    return {
      outcome: r.outcome,
      completion: acc.completion,
      error: r.outcome === 'done' || r.outcome === 'aborted' ? null : redact(r.error, opts.endpoint),
      status: r.status,
      headers: r.headers,
      timing: { startedAt, firstByteAt: r.firstByteAt, firstTokenAt: timing.firstTokenAt, finishedAt: now() },
    };
  };
  const empty = { status: null, headers: {}, firstByteAt: null };

  try {
    const headers = requestHeaders(opts.endpoint, true);
    const invalid = checkHeaders(headers);
    if (invalid) return finish({ outcome: 'error', error: invalid, ...empty });
    const stream = opts.body.stream === true;
    const ctx: AttemptContext = {
      url: chatCompletionsURL(opts.endpoint.baseURL),
      init: { method: 'POST', headers, body: JSON.stringify(opts.body) },
      signal: opts.signal,
      fetch: opts.fetch,
      firstByteTimeoutMs: opts.firstByteTimeoutMs ?? (stream ? 60_000 : 600_000),
      acc,
      streamRequested: stream,
      pageOrigin: pageOrigin(),
      now,
      timing,
      onUpdate: opts.onUpdate ? () => opts.onUpdate?.(acc.completion) : undefined,
      onResponse: opts.onResponse,
    };
    const maxRetries = Math.max(0, opts.maxRetries ?? 2);
    for (let attempt = 0; ; attempt++) {
      const r = await runAttempt(ctx);
      if (!r.retryable || !r.error || attempt >= maxRetries || opts.signal.aborted) return finish(r);
      const error = redact(r.error, opts.endpoint) ?? r.error;
      const delayMs = retryDelayMs(attempt, error);
      callSafely(opts.onRetry, { attempt: attempt + 1, maxRetries, delayMs, error });
      if (!(await sleep(delayMs, opts.signal))) return finish({ ...r, outcome: 'aborted', error: null });
    }
  } catch (e) {
    // Defensive: runAttempt handles its own failures; this keeps the never-throws promise.
    const message = errorMessage(e);
    const aborted = opts.signal.aborted;
    return finish({ outcome: aborted ? 'aborted' : 'error', error: aborted ? null : { kind: 'network', message }, ...empty });
  }
}

/** GET {baseURL}/models. Throws ApiError on failure; an abort rethrows the AbortError as is. */
export async function listModels(
  endpoint: EndpointConfig,
  signal?: AbortSignal,
  fetchFn?: typeof fetch,
): Promise<{ id: string; raw: Record<string, unknown> }[]> {
  const url = modelsURL(endpoint.baseURL);
  const headers = requestHeaders(endpoint, false);
  const invalid = checkHeaders(headers);
  if (invalid) throw new ApiError(invalid);
  const init: RequestInit = { method: 'GET', headers };
  if (signal) init.signal = signal;
  let response: Response;
  try {
    response = await (fetchFn ? fetchFn(url, init) : globalThis.fetch(url, init));
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(redact(errorFromFetchFailure(e, url, pageOrigin()), endpoint) ?? { kind: 'network', message: 'Network error' });
  }
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const error = errorFromHttp(response.status, response.statusText, contentType, text, response.headers.get('retry-after'));
    throw new ApiError(redact(error, endpoint) ?? error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(malformedChunkError(text));
  }
  // OpenAI: {data:[{id}]}; some servers: a bare array, or {models:[{id|name}]}.
  const rec = asRecord(json);
  const list = isArray(json) ? json : isArray(rec?.data) ? rec.data : isArray(rec?.models) ? rec.models : null;
  if (!list) throw new ApiError({ ...malformedChunkError(text), message: 'The models list has an unexpected shape.' });
  const models: { id: string; raw: Record<string, unknown> }[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const id = nonEmpty(item.id) ?? nonEmpty(item.name) ?? nonEmpty(item.model);
    if (id) models.push({ id, raw: item });
  }
  return models;
}
