import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks, contents, post, sseData, startServer, user } from './testkit';
import type { JsonRecord, TestServer } from './testkit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const TEN = '[[reply:one two three four five six seven eight nine ten]]';
const ask = (trigger: string, extra: JsonRecord = {}, headers: Record<string, string> = {}): Promise<Response> =>
  post(server.url, { model: 'ref-chat', stream: true, messages: [user(`${trigger} ${TEN}`)], ...extra }, headers);

/** Reads a body until it ends or the connection breaks; reports which. */
async function readAll(res: Response): Promise<{ text: string; broken: boolean }> {
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  if (!reader) return { text, broken: false };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, broken: false };
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text, broken: true };
  }
}

describe('status faults', () => {
  it('[[fault:429]] is a rate-limit error with Retry-After', async () => {
    const res = await ask('[[fault:429]]');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
  });

  it('[[fault:429-once:3]] (also via X-Ref-Trigger) asks for a 3 s wait in every header OpenAI uses, once per body', async () => {
    const body = { model: 'ref-chat', messages: [user(`wait-three [[reply:ok]]`)] };
    const res = await post(server.url, body, { 'X-Ref-Trigger': 'fault:429-once:3' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('retry-after-ms')).toBe('3000');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(res.headers.get('x-ratelimit-reset-requests')).toBe('3s');
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Please try again in 3s\.$/);
    expect((await post(server.url, body, { 'X-Ref-Trigger': 'fault:429-once:3' })).status).toBe(200);
  });

  it('[[fault:429-once]] and [[fault:503-once]] fail only the first attempt of a body', async () => {
    for (const [fault, status] of [
      ['429-once', 429],
      ['503-once', 503],
    ] as const) {
      const body = { model: 'ref-chat', messages: [user(`[[fault:${fault}]] [[reply:ok]]`)] };
      expect((await post(server.url, body)).status).toBe(status);
      const retry = await post(server.url, body);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toMatchObject({ choices: [{ message: { content: 'ok' } }] });
    }
  });

  it('[[fault:500]] (also via X-Ref-Trigger) is an OpenAI server_error', async () => {
    const res = await post(server.url, { model: 'ref-chat', messages: [user('hi')] }, { 'X-Ref-Trigger': 'fault:500' });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { type: 'server_error' } });
  });

  it('[[fault:html]] and [[fault:html-200]] answer with HTML pages', async () => {
    const bad = await ask('[[fault:html]]');
    expect(bad.status).toBe(502);
    expect(bad.headers.get('content-type')).toContain('text/html');
    expect(await bad.text()).toContain('<title>502 Bad Gateway</title>');
    const ok = await ask('[[fault:html-200]]');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(await ok.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('[[fault:json-for-stream]] answers a stream request with a JSON object', async () => {
    const res = await ask('[[fault:json-for-stream]]');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({
      object: 'chat.completion',
      choices: [{ message: { content: 'one two three four five six seven eight nine ten' } }],
    });
  });
});

describe('stream faults', () => {
  it('[[fault:midstream-error]] sends an error event without finish_reason or [DONE]', async () => {
    const text = await (await ask('[[fault:midstream-error]]')).text();
    const data = sseData(text);
    expect(data).not.toContain('[DONE]');
    expect(JSON.parse(data.at(-1) ?? '{}')).toEqual({
      error: { message: 'The server had an error while processing your request.', type: 'server_error', code: 'stream_failure' },
    });
    const list = chunks(text).filter((c) => c.choices !== undefined);
    expect(contents(list)[0]).toBe('one two three four five');
    expect(list.some((c) => c.choices[0]?.finish_reason)).toBe(false);
  });

  it('[[fault:drop]] breaks the connection after some tokens', async () => {
    const { text, broken } = await readAll(await ask('[[fault:drop]]'));
    expect(broken).toBe(true);
    expect(contents(chunks(text))[0]).toBe('one two three four five');
  });

  it('[[fault:malformed]] inserts a broken event and then finishes normally', async () => {
    const text = await (await ask('[[fault:malformed]]')).text();
    const data = sseData(text);
    expect(data).toContain('{not json');
    expect(data.at(-1)).toBe('[DONE]');
    const valid = data.filter((d) => d !== '[DONE]' && d !== '{not json').map((d) => JSON.parse(d) as never);
    expect(contents(valid)[0]).toBe('one two three four five six seven eight nine ten');
  });

  it('[[fault:no-done]] ends cleanly without finish chunk or [DONE]', async () => {
    const { text, broken } = await readAll(await ask('[[fault:no-done]]'));
    expect(broken).toBe(false);
    expect(sseData(text)).not.toContain('[DONE]');
    expect(chunks(text).some((c) => c.choices[0]?.finish_reason)).toBe(false);
  });

  it('[[fault:hang]] sends headers and then nothing until the client aborts', async () => {
    const res = await post(server.url, { model: 'ref-chat', stream: true, messages: [user('[[fault:hang]]')] });
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    const result = await Promise.race([reader?.read(), new Promise((resolve) => setTimeout(() => resolve('timeout'), 300))]);
    expect(result).toBe('timeout');
    await reader?.cancel();
  });
});

describe('pacing', () => {
  it('[[slow-first-token:MS]] delays the headers', async () => {
    const started = Date.now();
    const res = await ask('[[slow-first-token:300]]');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(contents(chunks(await res.text()))[0]).toBe('one two three four five six seven eight nine ten');
  });

  it('[[slow-after-headers:MS]] sends the headers at once, then the first token after MS', async () => {
    const started = Date.now();
    const res = await ask('[[slow-after-headers:300]]');
    expect(Date.now() - started).toBeLessThan(250);
    const text = await res.text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(contents(chunks(text))[0]).toBe('one two three four five six seven eight nine ten');
  });

  it('[[rate:N]] paces tokens and ref-slow waits 1.5 s for the first token', async () => {
    let started = Date.now();
    await (await ask('[[rate:40]]')).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    started = Date.now();
    const res = await post(server.url, { model: 'ref-slow', stream: true, messages: [user('[[reply:hi]]')] });
    const reader = res.body?.getReader();
    let text = '';
    while (!text.includes('"content":"hi"')) {
      const { value, done } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(1450);
    await reader?.cancel();
  });
});
