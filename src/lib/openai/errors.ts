/**
 * Errors as values: every failure becomes an AppError a person can read, with a hint
 * when we can tell what to do. Nothing here throws.
 */
import type { AppError } from '../../domain/types';
import { truncate } from './guards';
import { errorBodyFields, htmlTitle } from './error-body';
import { recogniseErrorBody } from './error-shapes';
import { binaryBodyError, looksBinary } from './binary-body';

const DETAIL_MAX = 2048;

export function truncateDetail(text: string): string {
  return truncate(text, DETAIL_MAX);
}

/** Statuses the official SDKs retry: the server refused the request (the model did not run it). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function hintForStatus(status: number, code: string | number | null, param: string | null, type: string | null = null): string | undefined {
  if (code === 'content_filter')
    return "The provider's content filter blocked this: rephrase the prompt, or change the deployment's filter settings.";
  if (type === 'exceed_context_size_error' || code === 'context_length_exceeded')
    return "The conversation does not fit the model's context: shorten it, lower max tokens, or give the server a larger context.";
  if ((status === 400 || status === 422) && param)
    return `The server rejected the parameter "${param}": switch it off or change its value.`;
  if (status === 400 || status === 422)
    return 'The server rejected the request: check the model id and the parameters that are switched on.';
  if (status === 401) return 'Check the API key.';
  if (status === 403) return 'The key was accepted but is not allowed to do this: check its permissions, project, organization or region.';
  if (status === 404) return 'Check the base URL (it usually ends in /v1) and the model id.';
  if (status === 408) return 'The server timed out: try again.';
  if (status === 413) return 'The request is too large: remove attachments or shorten the conversation.';
  if (status === 429) {
    return code === 'insufficient_quota'
      ? 'You have run out of quota: check your plan and billing details.'
      : 'Rate limited: wait a moment and try again.';
  }
  if (status >= 500) return 'The server had a problem: try again later.';
  return undefined;
}

/** Milliseconds from `retry-after-ms`, or `Retry-After` (seconds or an HTTP date). */
export function parseRetryAfter(retryAfter?: string | null, retryAfterMs?: string | null, nowMs = Date.now()): number | undefined {
  const ms = retryAfterMs == null ? NaN : Number.parseFloat(retryAfterMs);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  if (retryAfter == null || retryAfter.trim() === '') return undefined;
  const seconds = Number(retryAfter.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  if (Number.isFinite(date)) return Math.max(0, date - nowMs);
  return undefined;
}

function looksLikeHTML(contentType: string, body: string): boolean {
  if (/text\/html/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(body);
}

/** An HTML page where JSON was expected: almost always a proxy, a login wall or the wrong URL. */
export function htmlPageError(status: number, statusText: string, body: string): AppError {
  const title = htmlTitle(body)?.replace(/^\d{3}\s*[-:]?\s*/, '') || statusText || 'no title';
  return {
    kind: status >= 200 && status < 300 ? 'malformed' : 'http',
    status,
    message: `The server answered with an HTML page (status ${status}: ${title}) — probably a proxy or the wrong URL`,
    hint: 'Check the base URL: it should point at the API (usually ending in /v1), not at a web page.',
    detail: truncateDetail(body),
    retryable: isRetryableStatus(status),
  };
}

/** What an HTTP status means, in a few words. */
export function statusMeaning(status: number): string {
  const known: Record<number, string> = {
    400: 'the server rejected the request as invalid',
    401: 'the server did not accept the API key',
    403: 'the server refused to do this with this key',
    404: 'the server found no such URL or model',
    405: 'the server does not allow this method at this URL',
    408: 'the server timed out waiting for the request',
    409: 'the request conflicted with the server’s state',
    413: 'the request was too large for the server',
    415: 'the server does not accept this content type',
    422: 'the server could not process the request’s parameters',
    429: 'too many requests, or the quota is used up',
    500: 'the server had an internal error',
    501: 'the server does not implement this',
    502: 'a gateway or proxy got a bad answer from the server behind it',
    503: 'the server is unavailable or overloaded',
    504: 'a gateway or proxy timed out waiting for the server',
  };
  const text = known[status];
  if (text) return text;
  if (status >= 500) return 'the server failed';
  if (status >= 400) return 'the server refused the request';
  return 'the server answered with an unexpected status';
}

/** The `detailLines` field, only when there are lines. */
function withLines(error: AppError, lines: readonly string[]): AppError {
  return lines.length > 0 ? { ...error, detailLines: lines.map((l) => truncate(l, 500)).slice(0, 20) } : error;
}

export function errorFromHttp(
  status: number,
  statusText: string,
  contentType: string,
  bodyText: string,
  retryAfterHeader?: string | null,
  retryAfterMsHeader?: string | null,
): AppError {
  const retryAfterMs = parseRetryAfter(retryAfterHeader, retryAfterMsHeader);
  const withRetry = (e: AppError): AppError => (retryAfterMs === undefined ? e : { ...e, retryAfterMs });
  if (looksLikeHTML(contentType, bodyText)) return withRetry(htmlPageError(status, statusText, bodyText));

  const fields = errorBodyFields(bodyText, contentType);
  const statusLine = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  // A binary body has no message to read, even where a lenient reader would take its bytes for one.
  const binary = looksBinary(bodyText);
  let message = binary ? `${statusLine}: ${statusMeaning(status)}. The body is binary data, not text.` : fields.message;
  if (message === undefined) {
    // Never just a status line: say what the status means, and the raw body goes into the detail view.
    if (bodyText.trim() === '') message = `${statusLine}: ${statusMeaning(status)}. The body was empty.`;
    else if (fields.shape === null)
      message = `${statusLine}: ${statusMeaning(status)}. The error body is in a shape this app does not recognise: see the raw response.`;
    else message = `${statusLine}: ${statusMeaning(status)}.`;
  }
  const code = fields.code ?? null;
  const param = fields.param ?? null;
  const hint = hintForStatus(status, code, param, fields.type ?? null);
  const error: AppError = {
    kind: 'http',
    status,
    message,
    code,
    type: fields.type ?? null,
    param,
    detail: binary ? `Starts with: ${JSON.stringify(bodyText.slice(0, 48)).slice(1, -1)}` : truncateDetail(bodyText),
    retryable: isRetryableStatus(status) && code !== 'insufficient_quota',
  };
  if (hint) error.hint = hint;
  return withRetry(withLines(error, fields.lines));
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname.endsWith('.localhost');
}

const CORS_HINT = [
  "If the server is running, allow this page's origin:",
  "• Ollama: set OLLAMA_ORIGINS=* (or this page's origin) and restart it",
  '• LM Studio: turn on "Enable CORS" in the server settings',
  '• vLLM: start it with --allowed-origins \'["*"]\'',
  '• llama.cpp llama-server allows CORS by default: check the host and port',
  '• LiteLLM or another proxy: allow this origin in its CORS settings',
].join('\n');

/** A fetch() rejection (a TypeError in browsers) turned into a readable error. */
export function errorFromFetchFailure(err: unknown, url: string, pageOrigin: string | null): AppError {
  const detail = truncateDetail(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  let target: URL;
  try {
    // Relative base URLs (a same-origin proxy) resolve against the page.
    target = new URL(url, pageOrigin ?? undefined);
  } catch {
    return { kind: 'invalid', message: `"${url}" is not a valid URL.`, hint: 'Check the base URL, e.g. http://localhost:11434/v1', detail };
  }
  const page = pageOrigin ? safeURL(pageOrigin) : null;
  if (page?.protocol === 'https:' && target.protocol === 'http:' && !isLoopback(target.hostname)) {
    return {
      kind: 'cors',
      message: `This page is served over HTTPS, so the browser blocks requests to ${target.origin} (mixed content).`,
      hint: 'Serve the API over https://, or open this app over http:// (for example, run it locally).',
      detail,
      retryable: false,
    };
  }
  if (page && page.origin !== target.origin) {
    return {
      kind: 'cors',
      message: `Could not reach ${target.host}. The server is down, or it refused this page's origin (CORS).`,
      hint: CORS_HINT,
      detail,
      retryable: false,
    };
  }
  return {
    kind: 'network',
    message: `Could not reach ${target.host}. Check that the server is running and the URL is right.`,
    detail,
    retryable: true,
  };
}

function safeURL(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * A mid-stream error event (or a 200 body that is one): `{error:{…}}` in any recognised shape,
 * or vLLM's bare `{object:"error",message,…}`. Read through the shapes in error-shapes.ts.
 */
export function errorFromStreamBody(body: unknown): AppError {
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
  const found = recogniseErrorBody({ text, json: typeof body === 'string' ? undefined : body, contentType: '' });
  const fields = found?.fields;
  const error: AppError = {
    kind: 'stream',
    message:
      fields?.message ??
      (found
        ? 'The server reported an error during the response.'
        : 'The server reported an error during the response, in a shape this app does not recognise: see the raw event.'),
    code: fields?.code ?? null,
    type: fields?.type ?? null,
    param: fields?.param ?? null,
    detail: truncateDetail(text),
  };
  return withLines(error, fields?.lines ?? []);
}

/** The `error` member of a stream chunk (OpenAI, vLLM, OpenRouter shapes), or an error event's data. */
export function errorFromStreamObject(obj: unknown): AppError {
  const error = errorFromStreamBody({ error: obj });
  return { ...error, detail: truncateDetail(typeof obj === 'string' ? obj : (JSON.stringify(obj) ?? String(obj))) };
}

export function interruptedError(detail?: string): AppError {
  const error: AppError = {
    kind: 'interrupted',
    message: 'The response stopped before it was complete: the connection closed without a finish reason.',
    hint: 'The server or a proxy may have dropped the connection. The partial answer is kept; try again.',
  };
  if (detail) error.detail = truncateDetail(detail);
  return error;
}

/** The stream sent one line or event past the reader's cap (a line that never ends). */
export function eventTooLargeError(limitChars: number): AppError {
  const mb = Math.round(limitChars / (1024 * 1024));
  return {
    kind: 'malformed',
    message: `The server sent more than ${mb} MB without ending an event, so reading stopped. The text that came before is kept.`,
    hint: 'A proxy or server may be sending a line that never ends. Try again, or check the endpoint.',
    retryable: false,
  };
}

export function timeoutError(ms: number): AppError {
  const seconds = Math.round(ms / 100) / 10;
  return {
    kind: 'timeout',
    message: `The server did not start answering within ${seconds} s.`,
    hint: 'It may be busy or still loading the model. Not re-sent on its own, since the request may already have reached the model: retry, or raise the timeout.',
    retryable: false,
  };
}

export function malformedChunkError(sample: string): AppError {
  return {
    kind: 'malformed',
    message: 'The server sent data that is not valid JSON.',
    hint: 'The endpoint may not be OpenAI-compatible, or a proxy altered the response.',
    detail: truncateDetail(sample),
  };
}

/** A 2xx body that is neither an event stream nor JSON. */
export function unexpectedBodyError(status: number, statusText: string, contentType: string, body: string): AppError {
  if (looksLikeHTML(contentType, body)) return htmlPageError(status, statusText, body);
  if (looksBinary(body)) return binaryBodyError(status, contentType, body);
  return {
    kind: 'malformed',
    status,
    message: `The server answered with ${contentType || 'an unknown content type'} instead of a chat completion.`,
    hint: 'Check the base URL: it should point at an OpenAI-compatible API (usually ending in /v1).',
    detail: truncateDetail(body),
  };
}
