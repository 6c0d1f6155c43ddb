import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatCompletionsURL, modelsURL, runChatCompletion } from './client';
import type { RetryInfo } from './client';
import { MAX_EVENT_CHARS } from './sse';
import { chunk, fetchSeq, finish, hangingFetch, jsonResponse, manualStream, opts, sseOf, sseResponse } from './test-support';

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

  it("puts paths before Azure's api-version query; the v1 form gets none", () => {
    const classic = 'https://x.openai.azure.com/openai/deployments/gpt-4o?api-version=2024-10-21';
    expect(chatCompletionsURL(classic)).toBe(
      'https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21',
    );
    expect(modelsURL(classic)).toBe('https://x.openai.azure.com/openai/deployments/gpt-4o/models?api-version=2024-10-21');
    expect(chatCompletionsURL('https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21')).toBe(
      'https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21',
    );
    expect(chatCompletionsURL('https://x.openai.azure.com/openai/v1')).toBe('https://x.openai.azure.com/openai/v1/chat/completions');
    expect(modelsURL('https://x.openai.azure.com/openai/v1')).toBe('https://x.openai.azure.com/openai/v1/models');
  });

  it('sends the key as api-key (and not Authorization) when the profile says so, to the URL with api-version', async () => {
    const { fetch, calls } = fetchSeq(sseResponse(sseOf([chunk('a')])));
    const baseURL = 'https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21';
    await runChatCompletion(opts(fetch, { endpoint: { baseURL, apiKey: 'az-1', keyHeader: 'api-key' } }));
    const [url, init] = calls[0] ?? [];
    expect(url).toBe('https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json', 'api-key': 'az-1' });
    expect(String(url)).not.toContain('az-1');
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
    const body = sseOf([
      { ...chunk(''), choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] },
      chunk('Hel'),
      chunk('lo'),
      finish,
    ]);
    const { fetch } = fetchSeq(
      sseResponse(body, {}, [body.indexOf('data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"lo"')]),
    );
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
    const { fetch } = fetchSeq(
      jsonResponse({ id: 'x', model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }] }),
    );
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
    expect(r.completion.dropped).toEqual({ count: 1, samples: ['{oops'] });
    expect(r.completion.extra).toEqual({});
  });

  it('stops a line that never ends at the cap, with a clear error, keeping the text before it', async () => {
    const endless = `${sseOf([chunk('kept text')], false)}data: {"choices":[{"delta":{"content":"${'x'.repeat(MAX_EVENT_CHARS + 10)}`;
    const r = await runChatCompletion(opts(fetchSeq(sseResponse(endless)).fetch));
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ kind: 'malformed', message: expect.stringContaining('more than 16 MB without ending an event') });
    expect(r.completion.choices[0]?.content).toBe('kept text');
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
    const evt = await runChatCompletion(
      opts(fetchSeq(sseResponse(`${sseOf([chunk('x')], false)}event: error\ndata: {"message":"bad"}\n\n`)).fetch),
    );
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
      opts(fetchSeq(jsonResponse({ error: { message: 'busy' } }, 503, { 'retry-after': '30' })).fetch, {
        signal: ctrl2.signal,
        onRetry: () => ctrl2.abort(),
      }),
    );
    expect(r.outcome).toBe('aborted');
    expect(r.status).toBe(503);
  });

  it('times out when no response headers arrive in time, and does not re-send', async () => {
    const { fetch, calls } = fetchSeq(hangingFetch, sseResponse(sseOf([chunk('ok'), finish])));
    const r = await runChatCompletion(opts(fetch, { firstByteTimeoutMs: 20, maxRetries: 2 }));
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ kind: 'timeout', retryable: false });
    // The request may already have reached the model: the person retries, not the app.
    expect(calls).toHaveLength(1);
  });

  it('stops counting once headers arrive: a slow first token is waited for', async () => {
    const s = manualStream();
    const run = runChatCompletion(opts(fetchSeq(s.response).fetch, { firstByteTimeoutMs: 20, maxRetries: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 80)); // four timeouts' worth of silence after the headers
    s.send(sseOf([chunk('late but fine'), finish]));
    const r = await run;
    expect(r.outcome).toBe('done');
    expect(r.completion.choices[0]?.content).toBe('late but fine');
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
    expect(retries).toEqual([
      { attempt: 1, maxRetries: 2, delayMs: 5, error: expect.objectContaining({ status: 429, message: 'Slow down' }) },
    ]);
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

  it('does not re-send a request the server accepted: a 200 that closes before any byte', async () => {
    const { fetch, calls } = fetchSeq(sseResponse(''), sseResponse(sseOf([chunk('ok'), finish])));
    const r = await runChatCompletion(opts(fetch, { maxRetries: 2 }));
    expect(r.outcome).toBe('interrupted');
    expect(calls).toHaveLength(1);
  });

  it('does not retry 4xx errors', async () => {
    const { fetch, calls } = fetchSeq(jsonResponse({ error: { message: 'nope' } }, 400));
    expect((await runChatCompletion(opts(fetch))).error?.message).toBe('nope');
    expect(calls).toHaveLength(1);
  });
});
