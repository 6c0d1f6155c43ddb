import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chunks, contents, post, sseData, startServer, user } from './testkit';
import type { JsonRecord, TestServer } from './testkit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const json = async (res: Response): Promise<JsonRecord> => (await res.json()) as JsonRecord;

describe('models', () => {
  it('lists the four reference models', async () => {
    const body = await json(await fetch(`${server.url}/v1/models`));
    expect(body['object']).toBe('list');
    const data = body['data'] as JsonRecord[];
    expect(data.map((m) => m['id'])).toEqual(['ref-chat', 'ref-reasoner', 'ref-tools', 'ref-slow']);
    expect(data[0]).toMatchObject({ object: 'model', owned_by: 'reference', context_window: 128000 });
  });
});

describe('chat completions', () => {
  it('returns exact [[reply:...]] text non-streamed', async () => {
    const res = await post(server.url, { model: 'ref-chat', messages: [user('[[reply:Hello, **world** — 日本 🎉]]')] });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.headers.get('x-ratelimit-remaining-requests')).toMatch(/^\d+$/);
    const body = await json(res);
    expect(body).toMatchObject({ object: 'chat.completion', model: 'ref-chat', system_fingerprint: 'fp_ref' });
    const choice = (body['choices'] as JsonRecord[])[0];
    expect(choice).toMatchObject({ index: 0, finish_reason: 'stop', logprobs: null });
    expect(choice?.['message']).toMatchObject({ role: 'assistant', content: 'Hello, **world** — 日本 🎉', refusal: null });
    const usage = body['usage'] as JsonRecord;
    expect(usage['total_tokens']).toBe((usage['prompt_tokens'] as number) + (usage['completion_tokens'] as number));
    expect(usage['prompt_tokens_details']).toMatchObject({ cached_tokens: 0 });
  });

  it('streams exact [[reply:...]] text token by token', async () => {
    const res = await post(server.url, { model: 'ref-chat', stream: true, messages: [user('[[reply:Hello, **world** — 日本 🎉]]')] });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await res.text();
    expect(sseData(text).at(-1)).toBe('[DONE]');
    const list = chunks(text);
    expect(list[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(list.length).toBeGreaterThan(5);
    expect(list.every((c) => c.id.startsWith('chatcmpl-ref-') && c.object === 'chat.completion.chunk')).toBe(true);
    expect(list.at(-1)?.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(contents(list)[0]).toBe('Hello, **world** — 日本 🎉');
    for (const c of list) expect(String(c.choices[0]?.delta['content'] ?? '')).not.toContain('\uFFFD');
  });

  it('[[ignore-n:true]] answers with one choice whatever n asks', async () => {
    const body = await json(await post(server.url, { model: 'ref-chat', messages: [user('Hello [[ignore-n:true]]')], n: 3 }));
    expect(body['choices']).toHaveLength(1);
  });

  it('[[no-usage:true]] sends no usage, streamed or not', async () => {
    const body = await json(await post(server.url, { model: 'ref-chat', messages: [user('Hello [[no-usage:true]]')] }));
    expect(body).not.toHaveProperty('usage');
    const res = await post(server.url, {
      model: 'ref-chat',
      stream: true,
      stream_options: { include_usage: true },
      messages: [user('Hi [[no-usage:true]]')],
    });
    const list = chunks(await res.text());
    expect(list.length).toBeGreaterThan(1);
    expect(list.every((c) => c.usage === undefined)).toBe(true);
  });

  it('is deterministic: same seed same output, choices differ at temperature 1, equal at 0', async () => {
    const ask = async (extra: JsonRecord): Promise<string[]> => {
      const body = await json(await post(server.url, { model: 'ref-chat', messages: [user('Tell me about streaming')], n: 2, ...extra }));
      return (body['choices'] as { message: { content: string } }[]).map((c) => c.message.content);
    };
    const a = await ask({ seed: 7 });
    expect(await ask({ seed: 7 })).toEqual(a);
    expect(a[0]).not.toBe(a[1]);
    expect(await ask({ seed: 8 })).not.toEqual(a);
    const cold = await ask({ temperature: 0 });
    expect(cold[0]).toBe(cold[1]);
    expect(a[0]).toContain('Tell me about streaming');
  });

  it('streams n=3 interleaved with a usage-only final chunk', async () => {
    const res = await post(server.url, {
      model: 'ref-chat',
      n: 3,
      stream: true,
      stream_options: { include_usage: true },
      messages: [user('hi')],
    });
    const list = chunks(await res.text());
    const last = list.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
    expect(list.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(list.slice(0, 3).map((c) => c.choices[0]?.index)).toEqual([0, 1, 2]);
    const texts = contents(list);
    expect(texts).toHaveLength(3);
    expect(list.filter((c) => c.choices[0]?.finish_reason === 'stop')).toHaveLength(3);
  });

  it('cuts at max_tokens with finish_reason length, and before a stop string', async () => {
    const long = await json(
      await post(server.url, { model: 'ref-chat', max_tokens: 5, messages: [user('[[reply:one two three four five six seven eight]]')] }),
    );
    const choice = (long['choices'] as JsonRecord[])[0];
    expect(choice?.['finish_reason']).toBe('length');
    expect((choice?.['message'] as JsonRecord)['content']).toBe('one two three four five');
    expect((long['usage'] as JsonRecord)['completion_tokens']).toBe(5);
    const stopped = await json(
      await post(server.url, { model: 'ref-chat', stop: ['four', 'zzz'], messages: [user('[[reply:one two three four five]]')] }),
    );
    const s = (stopped['choices'] as JsonRecord[])[0];
    expect(s).toMatchObject({ finish_reason: 'stop', message: { content: 'one two three ' } });
  });

  it('produces consistent logprobs', async () => {
    const res = await post(server.url, {
      model: 'ref-chat',
      stream: true,
      logprobs: true,
      top_logprobs: 3,
      messages: [user('[[reply:Foo bar.]]')],
    });
    const list = chunks(await res.text());
    const entries = list.flatMap((c) => (c.choices[0]?.logprobs?.['content'] as JsonRecord[] | undefined) ?? []);
    expect(entries.map((e) => e['token']).join('')).toBe('Foo bar.');
    for (const e of entries) {
      const top = e['top_logprobs'] as JsonRecord[];
      expect(e['logprob']).toBeLessThanOrEqual(0);
      expect(top).toHaveLength(3);
      expect(top[0]?.['token']).toBe(e['token']);
      const mass = top.reduce((sum, t) => sum + Math.exp(t['logprob'] as number), 0);
      expect(mass).toBeLessThanOrEqual(1.000001);
    }
  });

  it('gives every token its own bytes: an emoji over three tokens and a CJK character over three, as o200k_base cuts them', async () => {
    const body = { model: 'ref-chat', logprobs: true, top_logprobs: 2, messages: [user('[[reply:Hi 🦜 and 龘.]]')] };
    const list = chunks(await (await post(server.url, { ...body, stream: true, stream_options: { include_usage: true } })).text());
    const perChunk = list
      .filter((c) => typeof c.choices[0]?.delta['content'] === 'string' && c.choices[0].delta['content'] !== '')
      .map((c) => ({
        content: c.choices[0]!.delta['content'] as string,
        entries: (c.choices[0]!.logprobs?.['content'] as JsonRecord[]).map((e) => ({ token: e['token'], bytes: e['bytes'] })),
      }));
    // The content of each chunk is whole characters; the chunk completing one carries every token of it.
    expect(perChunk).toEqual([
      { content: 'Hi', entries: [{ token: 'Hi', bytes: [72, 105] }] },
      {
        content: ' 🦜',
        entries: [
          { token: ' \\xf0\\x9f', bytes: [32, 240, 159] },
          { token: '\\xa6', bytes: [166] },
          { token: '\\x9c', bytes: [156] },
        ],
      },
      { content: ' and', entries: [{ token: ' and', bytes: [32, 97, 110, 100] }] },
      {
        content: ' 龘',
        entries: [
          { token: ' \\xe9', bytes: [32, 233] },
          { token: '\\xbe', bytes: [190] },
          { token: '\\x98', bytes: [152] },
        ],
      },
      { content: '.', entries: [{ token: '.', bytes: [46] }] },
    ]);
    const entries = list.flatMap((c) => (c.choices[0]?.logprobs?.['content'] as JsonRecord[] | undefined) ?? []);
    // The bytes joined are the reply; usage counts the same tokens.
    expect(Buffer.from(entries.flatMap((e) => e['bytes'] as number[])).toString('utf8')).toBe('Hi 🦜 and 龘.');
    expect(list.at(-1)?.usage?.['completion_tokens']).toBe(entries.length);
    // A continuation byte competes with other continuation bytes, each with its own bytes.
    const alt = (entries[2]!['top_logprobs'] as JsonRecord[])[1]!;
    expect(alt['bytes']).toHaveLength(1);
    expect((alt['bytes'] as number[])[0]).toBeGreaterThanOrEqual(0x80);
    expect((alt['bytes'] as number[])[0]).toBeLessThanOrEqual(0xbf);
    expect(alt['token']).toMatch(/^\\x[89ab][0-9a-f]$/);

    // Not streamed: the same list in one array.
    const whole = await json(await post(server.url, body));
    const choice = (whole['choices'] as JsonRecord[])[0]!;
    expect(((choice['logprobs'] as JsonRecord)['content'] as JsonRecord[]).map((e) => e['bytes'])).toEqual(entries.map((e) => e['bytes']));
  });

  it('ref-reasoner streams reasoning_content before content', async () => {
    const res = await post(server.url, {
      model: 'ref-reasoner',
      stream: true,
      stream_options: { include_usage: true },
      messages: [user('[[reply:Done.]]')],
    });
    const list = chunks(await res.text());
    const deltas = list.flatMap((c) => c.choices.map((ch) => ch.delta));
    const firstContent = deltas.findIndex((d) => typeof d['content'] === 'string' && d['content'] !== '');
    const reasoning = deltas.filter((d) => typeof d['reasoning_content'] === 'string');
    expect(reasoning.length).toBeGreaterThan(10);
    expect(reasoning.every((d) => d['content'] === null)).toBe(true);
    expect(deltas.findLastIndex((d) => typeof d['reasoning_content'] === 'string')).toBeLessThan(firstContent);
    expect(contents(list)[0]).toBe('Done.');
    const usage = list.at(-1)?.usage as JsonRecord;
    expect((usage['completion_tokens_details'] as JsonRecord)['reasoning_tokens']).toBe(reasoning.length);
  });
});

describe('validation', () => {
  const cases: [string, unknown, number, string | null][] = [
    ['not json', '{oops', 400, null],
    ['missing model', { messages: [user('x')] }, 400, 'model'],
    ['missing messages', { model: 'ref-chat' }, 400, 'messages'],
    ['empty messages', { model: 'ref-chat', messages: [] }, 400, 'messages'],
    ['bad role', { model: 'ref-chat', messages: [{ role: 'robot', content: 'x' }] }, 400, 'messages[0].role'],
    ['temperature', { model: 'ref-chat', messages: [user('x')], temperature: 3 }, 400, 'temperature'],
    ['top_p type', { model: 'ref-chat', messages: [user('x')], top_p: 'high' }, 400, 'top_p'],
    ['n', { model: 'ref-chat', messages: [user('x')], n: 0 }, 400, 'n'],
    ['top_logprobs without logprobs', { model: 'ref-chat', messages: [user('x')], top_logprobs: 2 }, 400, 'top_logprobs'],
    ['max_tokens', { model: 'ref-chat', messages: [user('x')], max_tokens: 1.5 }, 400, 'max_tokens'],
    ['stop', { model: 'ref-chat', messages: [user('x')], stop: ['a', 'b', 'c', 'd', 'e'] }, 400, 'stop'],
    ['stream', { model: 'ref-chat', messages: [user('x')], stream: 'yes' }, 400, 'stream'],
    ['unknown model', { model: 'gpt-nope', messages: [user('x')] }, 404, null],
  ];
  it.each(cases)('%s', async (_name, body, status, param) => {
    const res = await post(server.url, body);
    expect(res.status).toBe(status);
    const error = (await json(res))['error'] as JsonRecord;
    expect(error['type']).toBe('invalid_request_error');
    expect(error['param']).toBe(param);
    if (status === 404) {
      expect(error).toMatchObject({
        code: 'model_not_found',
        message: 'The model `gpt-nope` does not exist or you do not have access to it.',
      });
    }
  });

  it('accepts and ignores unknown fields', async () => {
    const res = await post(server.url, { model: 'ref-chat', messages: [user('x')], top_k: 40, min_p: 0.1 });
    expect(res.status).toBe(200);
  });
});

describe('auth, CORS and the request log', () => {
  it('rejects a missing or wrong API key with a masked message', async () => {
    const keyed = await startServer({ apiKey: 'sk-reference-key' });
    try {
      const wrong = await post(keyed.url, { model: 'ref-chat', messages: [user('x')] }, { Authorization: 'Bearer sk-abcdefghyz' });
      expect(wrong.status).toBe(401);
      expect((await json(wrong))['error']).toMatchObject({ code: 'invalid_api_key', message: expect.stringContaining('sk-ab****yz') });
      expect((await post(keyed.url, { model: 'ref-chat', messages: [user('x')] })).status).toBe(401);
      expect((await fetch(`${keyed.url}/v1/models`)).status).toBe(401);
      const ok = await post(keyed.url, { model: 'ref-chat', messages: [user('x')] }, { Authorization: 'Bearer sk-reference-key' });
      expect(ok.status).toBe(200);
    } finally {
      await keyed.close();
    }
  });

  it('answers CORS preflight with 204 and echoes requested headers', async () => {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE');
    const chat = await post(server.url, { model: 'ref-chat', messages: [user('x')] });
    expect(chat.headers.get('access-control-expose-headers')).toContain('x-ratelimit-remaining-tokens');
  });

  it('logs requests with the authorization header masked', async () => {
    await fetch(`${server.url}/__ref/requests`, { method: 'DELETE' });
    await post(server.url, { model: 'ref-chat', messages: [user('logged')] }, { Authorization: 'Bearer secret' });
    const log = (await (await fetch(`${server.url}/__ref/requests`)).json()) as JsonRecord[];
    expect(log).toHaveLength(1);
    expect(log[0]?.['headers']).toMatchObject({ authorization: 'Bearer ***', 'content-type': 'application/json' });
    expect(log[0]?.['body']).toEqual({ model: 'ref-chat', messages: [user('logged')] });
    expect(await (await fetch(`${server.url}/__ref/health`)).json()).toEqual({ ok: true });
  });
});

describe('personas', () => {
  it('[[persona:inline-think]] writes the thinking inside content, cut across small chunks', async () => {
    const res = await post(server.url, { model: 'ref-reasoner', stream: true, messages: [user('Hi [[persona:inline-think]]')] });
    const list = chunks(await res.text());
    const deltas = list.map((c) => c.choices[0]?.delta ?? {});
    expect(deltas.every((d) => d['reasoning_content'] === undefined)).toBe(true);
    const pieces = deltas.map((d) => String(d['content'] ?? ''));
    expect(pieces.join('')).toBe('<think>\nI should greet.\n</think>\n\nHello!');
    expect(pieces.every((p) => [...p].length <= 2)).toBe(true);
    expect(list.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    const body = (await (await post(server.url, { model: 'ref-chat', messages: [user('Hi [[persona:inline-think-open]]')] })).json()) as {
      choices: { message: { content: string }; finish_reason: string }[];
    };
    expect(body.choices[0]?.message.content).toMatch(/^<think>\n[^<]*$/);
    expect(body.choices[0]?.finish_reason).toBe('length');
  });

  it("[[persona:strict-fields]] refuses unknown top-level fields with FastAPI's 422, and answers without them", async () => {
    const messages = [user('Hi [[persona:strict-fields]]')];
    const refused = await post(server.url, { model: 'ref-chat', stream: true, stream_options: { include_usage: true }, messages });
    expect(refused.status).toBe(422);
    // As Mistral's users report it: the detail list inside Mistral's error envelope.
    expect(await refused.json()).toEqual({
      object: 'error',
      message: {
        detail: [
          { type: 'extra_forbidden', loc: ['body', 'stream_options', 'include_usage'], msg: 'Extra inputs are not permitted', input: true },
        ],
      },
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
    const ok = await post(server.url, { model: 'ref-chat', stream: true, messages });
    expect(ok.status).toBe(200);
    expect(contents(chunks(await ok.text())).join('').length).toBeGreaterThan(0);
  });
});

describe('n refused (Groq)', () => {
  it("[[persona:n-refused]] answers n > 1 with Groq's recorded 400, streamed or not; n absent or 1 normally", async () => {
    const messages = [user('Hi [[persona:n-refused]]')];
    const recorded = JSON.parse(readFileSync(new URL('./wire/cases/groq-400-n-must-be-at-most-1.error.json', import.meta.url), 'utf8'));
    for (const stream of [true, false]) {
      const refused = await post(server.url, { model: 'ref-chat', stream, n: 3, messages });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual(recorded);
    }
    const one = await post(server.url, { model: 'ref-chat', n: 1, messages });
    expect(one.status).toBe(200);
    expect(((await one.json()) as { choices: unknown[] }).choices).toHaveLength(1);
    const absent = await post(server.url, { model: 'ref-chat', stream: true, messages });
    expect(absent.status).toBe(200);
    expect(contents(chunks(await absent.text())).join('').length).toBeGreaterThan(0);
  });

  it('[[ignore-n:true]] still answers n > 1 with one choice (the other way servers get n wrong)', async () => {
    const res = await post(server.url, { model: 'ref-chat', n: 3, messages: [user('Hi [[ignore-n:true]]')] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { choices: unknown[] }).choices).toHaveLength(1);
  });
});

describe('Azure classic persona', () => {
  const path = '/openai/deployments/ref-chat/chat/completions';
  const send = (base: string, query: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ model: 'ref-chat', messages: [user('[[reply:azure]]')] }),
    });

  it("answers the deployments path with api-version, and 400s in Azure's words without it", async () => {
    const ok = await send(server.url, '?api-version=2024-10-21');
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ choices: [{ message: { content: 'azure' } }] });
    const missing = await send(server.url, '');
    expect(missing.status).toBe(400);
    expect(await json(missing)).toEqual({ error: { code: 'BadRequest', message: 'Missing api-version query parameter' } });
  });

  it('requires the api-key header when --api-key is set, and logs the path with the key masked', async () => {
    const keyed = await startServer({ apiKey: 'az-reference-key' });
    try {
      expect((await send(keyed.url, '?api-version=2024-10-21')).status).toBe(401);
      expect((await send(keyed.url, '?api-version=2024-10-21', { Authorization: 'Bearer az-reference-key' })).status).toBe(401);
      expect((await send(keyed.url, '?api-version=2024-10-21', { 'api-key': 'az-reference-key' })).status).toBe(200);
      const log = (await (await fetch(`${keyed.url}/__ref/requests`)).json()) as JsonRecord[];
      expect(log.at(-1)).toMatchObject({ url: `${path}?api-version=2024-10-21`, headers: { 'api-key': '***' } });
    } finally {
      await keyed.close();
    }
  });
});
