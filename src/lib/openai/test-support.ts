/** Shared helpers for this folder's tests (Node only: reads fixture files). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type { Completion } from '../../domain/types';
import type { CompletionOptions } from './client';
import { createCompletionAccumulator, pushEventData } from './accumulate';
import { readEventStream } from './sse';

const here = dirname(fileURLToPath(import.meta.url));
export const CASES_DIR = join(here, '../../../server/wire/cases');
export const SCHEMA_PATH = join(here, '../../../server/wire/openai-chat-schema.json');

export function caseFiles(): string[] {
  return readdirSync(CASES_DIR).sort();
}

export function caseBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CASES_DIR, file)));
}

export function caseText(file: string): string {
  return readFileSync(join(CASES_DIR, file), 'utf8');
}

let schemaDoc: unknown;
export function loadSchemaDoc(): unknown {
  schemaDoc ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  return schemaDoc;
}

/** A byte stream cut at the given offsets (sorted, within the buffer). */
export function streamOf(bytes: Uint8Array, cuts: readonly number[] = []): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.slice(start, p));
    start = p;
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) if (piece.length > 0) controller.enqueue(piece);
      controller.close();
    },
  });
}

export function everyByte(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}

/** Assembles an SSE body the way the client does (minus HTTP). */
export async function assembleSSE(bytes: Uint8Array, cuts: readonly number[] = []): Promise<Completion> {
  const acc = createCompletionAccumulator();
  await readEventStream(streamOf(bytes, cuts), (data, event) => pushEventData(acc, data, event));
  return acc.completion;
}

export function sseResponse(bytes: Uint8Array | string, init: ResponseInit = {}, cuts: readonly number[] = []): Response {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return new Response(streamOf(data, cuts), {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    ...init,
  });
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** `data: <json>\n\n` for each chunk, plus `[DONE]` unless told otherwise. */
export function sseOf(chunks: readonly unknown[], done = true): string {
  return chunks.map((c) => `data: ${typeof c === 'string' ? c : JSON.stringify(c)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
}

// ---------- client tests ----------

export const chunk = (content: string, extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  model: 'm',
  choices: [{ index: 0, delta: { content }, ...extra }],
});
export const finish = { id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };

export type FetchArgs = [input: string | URL | Request, init?: RequestInit];

/** A fetch stub answering from a list of responses (or thrown errors). */
export function fetchSeq(...answers: (Response | Error | ((init?: RequestInit) => Promise<Response>))[]) {
  const calls: FetchArgs[] = [];
  const fn = vi.fn(async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push([input, init]);
    const a = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (a instanceof Error) throw a;
    if (typeof a === 'function') return a(init);
    if (!a) throw new Error('no answer');
    return a;
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

export function opts(fetchFn: typeof globalThis.fetch, patch: Partial<CompletionOptions> = {}): CompletionOptions {
  return {
    endpoint: { baseURL: 'http://localhost:11434/v1/' },
    body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true },
    signal: new AbortController().signal,
    fetch: fetchFn,
    ...patch,
  };
}

/** A stream the test writes to by hand. */
export function manualStream() {
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) });
  const enc = new TextEncoder();
  return {
    response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    send: (text: string) => ctrl.enqueue(enc.encode(text)),
    fail: (e: Error) => ctrl.error(e),
  };
}

/** A fetch that never answers but rejects when aborted, like the real one. */
export const hangingFetch = (init?: RequestInit) =>
  new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
