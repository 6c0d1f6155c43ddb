import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Completion } from '../../domain/types';
import { ApiError, chatCompletionsURL, listModels, modelsURL, runChatCompletion } from './client';
import type { RetryInfo, RunOptions } from './client';
import { MALFORMED_KEY } from './accumulate';
import { jsonResponse, sseOf, sseResponse } from './test-support';

const chunk = (content: string, extra: Record<string, unknown> = {}) => ({ id: 'c1', model: 'm', choices: [{ index: 0, delta: { content }, ...extra }] });
const finish = { id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };

type FetchArgs = [input: string | URL | Request, init?: RequestInit];

/** A fetch stub answering from a list of responses (or thrown errors). */
function fetchSeq(...answers: (Response | Error | ((init?: RequestInit) => Promise<Response>))[]) {
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

function opts(fetchFn: typeof globalThis.fetch, patch: Partial<RunOptions> = {}): RunOptions {
  return {
    endpoint: { baseURL: 'http://localhost:11434/v1/' },
    body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true },
    signal: new AbortController().signal,
    fetch: fetchFn,
    ...patch,
  };
}

/** A stream the test writes to by hand. */
function manualStream() {
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
const hangingFetch = (init?: RequestInit) =>
  new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('URLs and headers', () => {
  it('joins the base URL', () => {
    expect(chatCompletionsURL('http://h/v1')).toBe('http://h/v1/chat/completions');
    expect(chatCompletionsURL(' http://h/v1// ')).toBe('http://h/v1/chat/completions');
    expect(chatCompletionsURL('http://h/v1/chat/completions')).toBe('http://h/v1/chat/completions');
    expect(modelsURL('http://h/v1/')).toBe('http://h/v1/models');
  });

  it('sends JSON with the key only when set, plus custom headers', async () => {
    const { fetch, calls } = fetchSeq(sseResponse(sseOf([chunk('a')])), sseResponse(sseOf([chunk('a')])));
    await runChatCompletion(opts(fetch, { endpoint: { baseURL: 'http://h/v1', apiKey: 'sk-1', headers: { 'X-Title': 'app' } } }));
    await runChatCompletion(opts(fetch, { endpoint: { baseURL: 'http://h/v1', apiKey: '' } }));
    const [url, init] = calls[0] ?? [];
    expect(url).toBe('http://h/v1/chat/completions');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer sk-1', 'X-Title': 'app' });
    expect(JSON.parse(String(init?.body))).toMatchObject({ model: 'm', stream: true });
    expect(calls[1]?.[1]?.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('rejects headers the browser would refuse, without fetching', async () => {
    const { fetch, calls } = fetchSeq(sseResponse(''));
    const r = await runChatCompletion(opts(fetch, { endpoint: { baseURL: 'http://h/v1', headers: { 'X-Name': 'héllo ✓' } } }));
    expect(r.outcome).toBe('error');
    expect(r.error?.kind).toBe('invalid');
    expect(calls).toHaveLength(0);
  });
});

describe('streams', () => {
  it('assembles a stream, reports updates per network chunk and timing', async () => {
    let t = 1000;
    const now = () => (t += 10);
    const updates: string[] = [];
    const body = sseOf([{ ...chunk(''), choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] }, chunk('Hel'), chunk('lo'), finish]);
    const { fetch } = fetchSeq(sseResponse(body, {}, [body.indexOf('data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"lo"')]));
    const onResponse = vi.fn();
    const r = await runChatCompletion(opts(fetch, { now, onUpdate: (c) => updates.push(c.choices[0]?.content ?? ''), onResponse }));
    expect(r.outcome).toBe('done');
    expect(r.error).toBeNull();
    expect(r.completion.choices[0]?.content).toBe('Hello');
    expect(r.completion.sawDone).toBe(true);
    expect(updates).toEqual(['Hel', 'Hello']);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/event-stream/);
    expect(onResponse).toHaveBeenCalledWith({ status: 200, headers: r.headers });
    const { startedAt, firstByteAt, firstTokenAt, finishedAt } = r.timing;
    expect(startedAt).toBe(1010);
    expect(firstByteAt).not.toBeNull();
    expect(firstTokenAt).toBeGreaterThan(firstByteAt ?? Infinity);
    expect(finishedAt).toBeGreaterThan(firstTokenAt ?? Infinity);
  });

  it('accepts a JSON answer to a streamed request', async () => {
    const { fetch } = fetchSeq(jsonResponse({ id: 'x', model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }] }));
    const r = await runChatCompletion(opts(fetch));
    expect(r.outcome).toBe('done');
    expect(r.completion.choices[0]?.content).toBe('Hi');
    expect(r.timing.firstTokenAt).not.toBeNull();
  });

  it('fails on an HTML page with status 200, naming its title', async () => {
    const { fetch } = fetchSeq(new Response('<html><title>Sign in</title></html>', { headers: { 'content-type': 'text/html' } }));
    const r = await runChatCompletion(opts(fetch));
    expect(r.outcome).toBe('error');
    expect(r.error?.kind).toBe('malformed');
    expect(r.error?.message).toContain('Sign in');
  });

  it('is done without [DONE] when every choice finished, interrupted otherwise', async () => {
    const done = await runChatCompletion(opts(fetchSeq(sseResponse(sseOf([chunk('a'), finish], false))).fetch));
    expect(done.outcome).toBe('done');
    const cut = await runChatCompletion(opts(fetchSeq(sseResponse(sseOf([chunk('a')], false))).fetch));
    expect(cut.outcome).toBe('interrupted');
    expect(cut.error?.kind).toBe('interrupted');
    expect(cut.completion.choices[0]?.content).toBe('a');
  });

  it('keeps reading past a malformed chunk, and ignores data after [DONE]', async () => {
    const body = `${sseOf([chunk('a')], false)}data: {oops\n\n${sseOf([chunk('b'), finish])}${sseOf([chunk('late')], false)}`;
    const r = await runChatCompletion(opts(fetchSeq(sseResponse(body)).fetch));
    expect(r.outcome).toBe('done');
    expect(r.completion.choices[0]?.content).toBe('ab');
    expect(r.completion.extra[MALFORMED_KEY]).toBe(1);
  });

  it('fails when nothing in the stream is JSON', async () => {
    const r = await runChatCompletion(opts(fetchSeq(sseResponse('data: hello\n\ndata: [DONE]\n\n')).fetch));
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ kind: 'malformed', detail: 'hello' });
  });

  it('surfaces a mid-stream error and keeps the partial text', async () => {
    const body = sseOf([chunk('Part'), { error: { message: 'Overloaded', code: 529 } }]);
    const r = await runChatCompletion(opts(fetchSeq(sseResponse(body)).fetch));
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ kind: 'stream', message: 'Overloaded', code: 529 });
    expect(r.completion.choices[0]?.content).toBe('Part');
    const evt = await runChatCompletion(opts(fetchSeq(sseResponse(`${sseOf([chunk('x')], false)}event: error\ndata: {"message":"bad"}\n\n`)).fetch));
    expect(evt.error?.message).toBe('bad');
  });

  it('reports a connection lost mid-stream as interrupted, without retrying', async () => {
    const s = manualStream();
    const { fetch, calls } = fetchSeq(s.response, sseResponse(sseOf([chunk('never')])));
    const run = runChatCompletion(opts(fetch, { onUpdate: () => s.fail(new TypeError('network error')) }));
    s.send(sseOf([chunk('Partial')], false));
    const r = await run;
    expect(r.outcome).toBe('interrupted');
    expect(r.error?.message).toMatch(/stopped before it was complete/);
    expect(r.error?.detail).toMatch(/network error/);
    expect(r.completion.choices[0]?.content).toBe('Partial');
    expect(calls).toHaveLength(1);
  });
});

describe('abort and timeout', () => {
  it('keeps the partial answer when aborted mid-stream', async () => {
    const s = manualStream();
    const ctrl = new AbortController();
    const run = runChatCompletion(opts(fetchSeq(s.response).fetch, { signal: ctrl.signal, onUpdate: () => ctrl.abort() }));
    s.send(sseOf([chunk('Hal')], false));
    const r = await run;
    expect(r.outcome).toBe('aborted');
    expect(r.error).toBeNull();
    expect(r.completion.choices[0]?.content).toBe('Hal');
  });

  it('aborts before the response and during a backoff wait', async () => {
    const ctrl = new AbortController();
    const run = runChatCompletion(opts(fetchSeq(hangingFetch).fetch, { signal: ctrl.signal }));
    ctrl.abort();
    expect((await run).outcome).toBe('aborted');

    const ctrl2 = new AbortController();
    const r = await runChatCompletion(
      opts(fetchSeq(jsonResponse({ error: { message: 'busy' } }, 503, { 'retry-after': '30' })).fetch, { signal: ctrl2.signal, onRetry: () => ctrl2.abort() }),
    );
    expect(r.outcome).toBe('aborted');
    expect(r.status).toBe(503);
  });

  it('times out when no byte arrives in time', async () => {
    const r = await runChatCompletion(opts(fetchSeq(hangingFetch).fetch, { firstByteTimeoutMs: 20, maxRetries: 0 }));
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ kind: 'timeout' });
    // Headers arrived but the body stays silent.
    const silent = await runChatCompletion(opts(fetchSeq(manualStream().response).fetch, { firstByteTimeoutMs: 20, maxRetries: 0 }));
    expect(silent.error?.kind).toBe('timeout');
    expect(silent.status).toBe(200);
  });
});

describe('retries', () => {
  it('retries a 429 after Retry-After, then succeeds', async () => {
    const retries: RetryInfo[] = [];
    const { fetch, calls } = fetchSeq(
      jsonResponse({ error: { message: 'Slow down', code: 'rate_limit_exceeded' } }, 429, { 'retry-after-ms': '5' }),
      sseResponse(sseOf([chunk('ok'), finish])),
    );
    const r = await runChatCompletion(opts(fetch, { onRetry: (i) => retries.push(i) }));
    expect(r.outcome).toBe('done');
    expect(calls).toHaveLength(2);
    expect(retries).toEqual([{ attempt: 1, maxRetries: 2, delayMs: 5, error: expect.objectContaining({ status: 429, message: 'Slow down' }) }]);
  });

  it('backs off exponentially and gives up after maxRetries', async () => {
    vi.useFakeTimers();
    const delays: number[] = [];
    const { fetch, calls } = fetchSeq(async () => new Response('upstream down', { status: 503 }));
    const run = runChatCompletion(opts(fetch, { maxRetries: 3, onRetry: (i) => delays.push(i.delayMs) }));
    await vi.runAllTimersAsync();
    const r = await run;
    expect(calls).toHaveLength(4);
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ kind: 'http', status: 503, message: 'upstream down' });
    expect(delays).toHaveLength(3);
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(375 * 2 ** i);
      expect(d).toBeLessThanOrEqual(500 * 2 ** i);
    });
  });

  it('retries a network failure before the response', async () => {
    const { fetch, calls } = fetchSeq(new TypeError('fetch failed'), sseResponse(sseOf([chunk('ok'), finish])));
    const r = await runChatCompletion(opts(fetch, { endpoint: { baseURL: 'http://localhost:5173/v1' } }));
    expect(r.outcome).toBe('done');
    expect(calls).toHaveLength(2);
  });

  it('does not retry 4xx errors', async () => {
    const { fetch, calls } = fetchSeq(jsonResponse({ error: { message: 'nope' } }, 400));
    expect((await runChatCompletion(opts(fetch))).error?.message).toBe('nope');
    expect(calls).toHaveLength(1);
  });
});

describe('fetch failures and error bodies', () => {
  it('classifies a cross-origin TypeError as CORS, and a same-origin one as network', async () => {
    vi.stubGlobal('location', { origin: 'http://localhost:5173' });
    const cors = await runChatCompletion(opts(fetchSeq(new TypeError('Failed to fetch')).fetch, { maxRetries: 0 }));
    expect(cors.error?.kind).toBe('cors');
    expect(cors.error?.message).toBe("Could not reach localhost:11434. The server is down, or it refused this page's origin (CORS).");
    expect(cors.error?.hint).toContain('OLLAMA_ORIGINS');
    const same = await runChatCompletion(opts(fetchSeq(new TypeError('Failed to fetch')).fetch, { maxRetries: 0, endpoint: { baseURL: '/v1' } }));
    expect(same.error?.kind).toBe('network');
    vi.stubGlobal('location', { origin: 'https://app.example' });
    const mixed = await runChatCompletion(opts(fetchSeq(new TypeError('Failed to fetch')).fetch, { endpoint: { baseURL: 'http://10.0.0.2:8000/v1' } }));
    expect(mixed.error?.message).toMatch(/mixed content/);
  });

  it('maps OpenAI, numeric-code, plain-text and HTML error bodies', async () => {
    const run = async (res: Response) => (await runChatCompletion(opts(fetchSeq(res).fetch, { maxRetries: 0 }))).error;
    expect(await run(jsonResponse({ error: { message: 'Bad key', type: 'invalid_request_error', code: 'invalid_api_key', param: null } }, 401))).toMatchObject({
      kind: 'http', status: 401, message: 'Bad key', code: 'invalid_api_key', hint: 'Check the API key.',
    });
    expect(await run(jsonResponse({ error: { code: 404, message: 'No endpoints' } }, 404))).toMatchObject({ code: 404, message: 'No endpoints' });
    expect(await run(new Response('Internal error', { status: 500, headers: { 'content-type': 'text/plain' } }))).toMatchObject({ message: 'Internal error', retryable: true });
    const html = await run(new Response('<html><head><title>502 Bad Gateway</title></head></html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));
    expect(html?.message).toBe('The server answered with an HTML page (status 502: Bad Gateway) — probably a proxy or the wrong URL');
  });

  it('never leaks the API key into errors', async () => {
    const key = 'sk-secret-123456';
    const { fetch } = fetchSeq(jsonResponse({ error: { message: `Key ${key} is revoked` } }, 401));
    const r = await runChatCompletion(opts(fetch, { endpoint: { baseURL: 'http://h/v1', apiKey: key } }));
    expect(JSON.stringify(r.error)).not.toContain(key);
    expect(r.error?.message).toBe('Key *** is revoked');
  });

  it('never throws, even when a callback does', async () => {
    const errors: unknown[] = [];
    const onUnhandled = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onUnhandled);
    try {
      const r = await runChatCompletion(opts(fetchSeq(sseResponse(sseOf([chunk('a'), finish]))).fetch, { onUpdate: (_c: Completion) => { throw new Error('ui bug'); } }));
      expect(r.outcome).toBe('done');
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('uncaughtException', onUnhandled);
    }
    expect(errors).toHaveLength(1);
  });
});

describe('listModels', () => {
  it('lists OpenAI-style models', async () => {
    const { fetch, calls } = fetchSeq(jsonResponse({ object: 'list', data: [{ id: 'a', owned_by: 'x' }, { id: 'b' }, { nope: 1 }] }));
    const models = await listModels({ baseURL: 'http://h/v1', apiKey: 'k' }, undefined, fetch);
    expect(models).toEqual([{ id: 'a', raw: { id: 'a', owned_by: 'x' } }, { id: 'b', raw: { id: 'b' } }]);
    expect(calls[0]?.[0]).toBe('http://h/v1/models');
    expect(calls[0]?.[1]?.headers).toEqual({ Authorization: 'Bearer k' });
  });

  it('throws ApiError with the AppError', async () => {
    const { fetch } = fetchSeq(jsonResponse({ error: { message: 'Bad key' } }, 401));
    const err = await listModels({ baseURL: 'http://h/v1' }, undefined, fetch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).error).toMatchObject({ kind: 'http', status: 401, message: 'Bad key' });
    const bad = await listModels({ baseURL: 'http://h/v1' }, undefined, fetchSeq(new Response('<html></html>')).fetch).catch((e: unknown) => e);
    expect((bad as ApiError).error.kind).toBe('malformed');
  });
});
