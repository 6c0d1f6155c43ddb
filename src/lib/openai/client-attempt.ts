/**
 * One HTTP attempt of a chat completion: fetch, then read the body as an event stream or
 * as JSON into the shared accumulator. Never throws; the retry loop lives in client.ts.
 */
import type { AppError } from '../../domain/types';
import type { CompletionAccumulator } from './accumulate';
import { pushEventData } from './accumulate';
import {
  errorFromFetchFailure,
  eventTooLargeError,
  errorFromHttp,
  interruptedError,
  isRetryableStatus,
  malformedChunkError,
  timeoutError,
  unexpectedBodyError,
} from './errors';
import { binaryBodyError, isBinaryContentType, looksBinary } from './binary-body';
import { isRecord, setSafe } from './guards';
import { EventTooLargeError, readEventStream } from './sse';
import { errorMessage } from '../../domain/errors';

export type CompletionOutcome = 'done' | 'aborted' | 'interrupted' | 'error';

export interface AttemptContext {
  url: string;
  init: RequestInit;
  signal: AbortSignal;
  fetch: typeof fetch | undefined;
  firstByteTimeoutMs: number;
  acc: CompletionAccumulator;
  streamRequested: boolean;
  pageOrigin: string | null;
  now: () => number;
  timing: { firstTokenAt: number | null };
  onUpdate: (() => void) | undefined;
  onResponse: ((info: { status: number; headers: Record<string, string> }) => void) | undefined;
}

export interface AttemptResult {
  outcome: CompletionOutcome;
  error: AppError | null;
  status: number | null;
  headers: Record<string, string>;
  firstByteAt: number | null;
  /** True only when nothing of a 2xx body was consumed, so trying again is safe. */
  retryable: boolean;
}

export function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => setSafe(out, key, value));
  return out;
}

/** Runs a UI callback without letting its bugs break the stream; the error still surfaces. */
export function callSafely<A extends unknown[]>(fn: ((...args: A) => void) | undefined, ...args: A): void {
  if (!fn) return;
  try {
    fn(...args);
  } catch (e) {
    queueMicrotask(() => {
      throw e;
    });
  }
}

async function readText(body: ReadableStream<Uint8Array> | null, onFirstByte: () => void): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onFirstByte();
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    reader.releaseLock();
  }
}

/** How much of a stream's start is kept to tell what it was when no event came. */
const HEAD_CHARS = 2048;

type Verdict = Pick<AttemptResult, 'outcome' | 'error' | 'retryable'>;

/** How a stream that ended by itself turned out; `head` is the start of its text. */
function streamOutcome(acc: CompletionAccumulator, sawBytes: boolean, head = '', status = 200, contentType = ''): Verdict {
  const c = acc.completion;
  if (c.error) return { outcome: 'error', error: c.error, retryable: false };
  if (acc.validChunks === 0 && acc.malformedSample !== null) {
    return { outcome: 'error', error: malformedChunkError(acc.malformedSample), retryable: false };
  }
  // Not one event, and the bytes were not text: say so rather than "closed without a finish reason".
  if (acc.validChunks === 0 && looksBinary(head)) {
    return { outcome: 'error', error: binaryBodyError(status, contentType, head), retryable: false };
  }
  if (c.sawDone) return { outcome: 'done', error: null, retryable: false };
  if (c.choices.length > 0 && c.choices.every((ch) => ch.finishReason !== null)) {
    return { outcome: 'done', error: null, retryable: false };
  }
  const detail = sawBytes ? undefined : 'The server closed the stream without sending anything.';
  // Not re-sent on its own even when nothing came: the server accepted the request, so the model may have run.
  return { outcome: 'interrupted', error: interruptedError(detail), retryable: false };
}

function kindOfBody(contentType: string, streamRequested: boolean): 'sse' | 'json' | 'html' {
  const type = contentType.toLowerCase();
  // Read whole and reported as binary (unexpectedBodyError), never fed to the event parser.
  if (isBinaryContentType(type)) return 'json';
  if (type.includes('text/event-stream')) return 'sse';
  if (/[/+]json\b/.test(type)) return 'json';
  if (type.includes('text/html')) return 'html';
  return streamRequested ? 'sse' : 'json';
}

export async function runAttempt(ctx: AttemptContext): Promise<AttemptResult> {
  const { acc, now } = ctx;
  const controller = new AbortController();
  let status: number | null = null;
  let headers: Record<string, string> = {};
  let firstByteAt: number | null = null;
  let timedOut = false;
  const result = (p: Verdict): AttemptResult => ({ ...p, status, headers, firstByteAt });

  if (ctx.signal.aborted) return result({ outcome: 'aborted', error: null, retryable: false });
  const forwardAbort = (): void => controller.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', forwardAbort, { once: true });
  // The first-byte timeout covers only the wait for the response headers: once the server has
  // answered, a slow first token (a reasoning model thinking, a model loading) is waited for.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('No response headers in time', 'TimeoutError'));
  }, ctx.firstByteTimeoutMs);
  const onFirstByte = (): void => {
    if (firstByteAt !== null) return;
    firstByteAt = now();
  };

  let response: Response | null = null;
  try {
    const init = { ...ctx.init, signal: controller.signal };
    response = await (ctx.fetch ? ctx.fetch(ctx.url, init) : globalThis.fetch(ctx.url, init));
    clearTimeout(timer);
    status = response.status;
    headers = headersToRecord(response.headers);
    callSafely(ctx.onResponse, { status, headers });
    const contentType = response.headers.get('content-type') ?? '';

    if (!response.ok) {
      const text = await readText(response.body, onFirstByte);
      const h = response.headers;
      const error = errorFromHttp(status, response.statusText, contentType, text, h.get('retry-after'), h.get('retry-after-ms'));
      return result({ outcome: 'error', error, retryable: error.retryable === true });
    }

    const kind = kindOfBody(contentType, ctx.streamRequested);
    if (kind === 'sse') {
      if (!response.body) return result(streamOutcome(acc, false));
      let dirty = false;
      let head = '';
      await readEventStream(
        response.body,
        (data, event) => {
          onFirstByte();
          pushEventData(acc, data, event);
          dirty = true;
          if (ctx.timing.firstTokenAt === null && acc.textChars > 0) ctx.timing.firstTokenAt = now();
        },
        controller.signal,
        {
          onText: (text) => {
            if (head.length < HEAD_CHARS) head += text.slice(0, HEAD_CHARS - head.length);
          },
          onChunk: () => {
            onFirstByte();
            if (dirty) callSafely(ctx.onUpdate);
            dirty = false;
          },
          // Stop at [DONE]: anything after it is ignored, and some proxies keep the socket open.
          shouldStop: () => acc.completion.sawDone,
        },
      );
      return result(streamOutcome(acc, firstByteAt !== null, head, status, contentType));
    }

    const text = await readText(response.body, onFirstByte);
    if (kind === 'html') {
      return result({ outcome: 'error', error: unexpectedBodyError(status, response.statusText, contentType, text), retryable: false });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return result({ outcome: 'error', error: unexpectedBodyError(status, response.statusText, contentType, text), retryable: false });
    }
    if (!isRecord(parsed)) return result({ outcome: 'error', error: malformedChunkError(text), retryable: false });
    acc.push(parsed);
    if (acc.textChars > 0) ctx.timing.firstTokenAt ??= now();
    callSafely(ctx.onUpdate);
    const error = acc.completion.error;
    return result(error ? { outcome: 'error', error, retryable: false } : { outcome: 'done', error: null, retryable: false });
  } catch (err) {
    if (ctx.signal.aborted) return result({ outcome: 'aborted', error: null, retryable: false });
    if (err instanceof EventTooLargeError) {
      acc.finish();
      return result({ outcome: 'error', error: eventTooLargeError(err.limitChars), retryable: false });
    }
    // Never re-sent on its own: the request may already have reached the model (the person can retry).
    if (timedOut) return result({ outcome: 'error', error: timeoutError(ctx.firstByteTimeoutMs), retryable: false });
    if (response === null) {
      const error = errorFromFetchFailure(err, ctx.url, ctx.pageOrigin);
      return result({ outcome: 'error', error, retryable: error.retryable === true });
    }
    const reason = errorMessage(err);
    if (!response.ok || firstByteAt === null) {
      // The server answered, so it had the request: an error status refused it (safe to send again),
      // a success status may have started the model (not re-sent on its own).
      const retryable = !response.ok && isRetryableStatus(response.status);
      const error: AppError = {
        kind: 'network',
        status: response.status,
        message: 'The connection closed before the response arrived.',
        detail: reason,
        retryable,
      };
      return result({ outcome: 'error', error, retryable });
    }
    return result({ outcome: 'interrupted', error: interruptedError(`The connection was lost: ${reason}`), retryable: false });
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', forwardAbort);
  }
}
