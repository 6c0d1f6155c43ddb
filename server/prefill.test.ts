// The prefill personas: each continues (or refuses, or answers anew) a trailing assistant message
// as its provider documents it or as its users report its errors (sources in server/prefill.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, user } from './testkit';
import type { JsonRecord, TestServer } from './testkit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const FULL = 'one two three four five six seven eight';
const ask = (persona: string) => user(`[[reply:${FULL}]] [[persona:${persona}]]`);
const cut = (extra: JsonRecord = {}) => ({ role: 'assistant', content: 'one two three four', ...extra });

async function call(body: JsonRecord, path = '/v1/chat/completions'): Promise<{ status: number; body: JsonRecord }> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ref-Rate': '0' },
    body: JSON.stringify({ model: 'ref-chat', ...body }),
  });
  return { status: res.status, body: (await res.json()) as JsonRecord };
}

const content = (body: JsonRecord): string =>
  (((body['choices'] as JsonRecord[])[0]?.['message'] as JsonRecord)['content'] as string) ?? '';

describe('mistral-prefix', () => {
  it('continues the last assistant message with prefix: true, answering the continuation only', async () => {
    const res = await call({ messages: [ask('mistral-prefix'), cut({ prefix: true })] });
    expect(res.status).toBe(200);
    expect(content(res.body)).toBe(' five six seven eight');
  });

  it('refuses a trailing assistant message without prefix with the error Mistral users report', async () => {
    const res = await call({ messages: [ask('mistral-prefix'), cut()] });
    expect(res).toEqual({
      status: 400,
      body: {
        object: 'error',
        message: 'Expected last role User or Tool (or Assistant with prefix True) for serving but got assistant',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  });

  it('refuses prefix on a user message as a field outside its schema (422 extra_forbidden)', async () => {
    const res = await call({ messages: [{ ...ask('mistral-prefix'), prefix: true }] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      object: 'error',
      message: {
        detail: [{ type: 'extra_forbidden', loc: ['body', 'messages', 0, 'user', 'prefix'], msg: 'Extra inputs are not permitted' }],
      },
    });
  });

  it('answers a conversation ending with the user normally', async () => {
    const res = await call({ messages: [ask('mistral-prefix')] });
    expect(content(res.body)).toBe(FULL);
  });
});

describe('deepseek-prefix', () => {
  it('continues a prefix message at the beta base URL', async () => {
    const res = await call({ messages: [ask('deepseek-prefix'), cut({ prefix: true })] }, '/beta/chat/completions');
    expect(res.status).toBe(200);
    expect(content(res.body)).toBe(' five six seven eight');
  });

  it('refuses prefix anywhere else, naming the beta base URL', async () => {
    const res = await call({ messages: [ask('deepseek-prefix'), cut({ prefix: true })] });
    expect(res).toEqual({
      status: 400,
      body: {
        error: {
          message: 'prefix is only available when using beta api (set base_url="https://api.deepseek.com/beta")',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_request_error',
        },
      },
    });
  });

  it('deepseek-reasoner refuses a trailing assistant message without prefix', async () => {
    const res = await call({ model: 'ref-reasoner', messages: [ask('deepseek-prefix'), cut()] }, '/beta/chat/completions');
    expect(res.status).toBe(400);
    expect((res.body['error'] as JsonRecord)['message']).toMatch(/^The last message of deepseek-reasoner must be a user message/);
  });
});

describe('vllm', () => {
  it('continues the final message with continue_final_message and add_generation_prompt false', async () => {
    const res = await call({ messages: [ask('vllm'), cut()], continue_final_message: true, add_generation_prompt: false });
    expect(res.status).toBe(200);
    expect(content(res.body)).toBe(' five six seven eight');
  });

  it('refuses continue_final_message with add_generation_prompt true', async () => {
    const res = await call({ messages: [ask('vllm'), cut()], continue_final_message: true, add_generation_prompt: true });
    expect(res).toEqual({
      status: 400,
      body: {
        object: 'error',
        message: 'Cannot set both `continue_final_message` and `add_generation_prompt` to True.',
        type: 'BadRequestError',
        param: null,
        code: 400,
      },
    });
  });

  it('refuses continue_final_message alone: add_generation_prompt defaults to true', async () => {
    const res = await call({ messages: [ask('vllm'), cut()], continue_final_message: true });
    expect(res.status).toBe(400);
    expect(res.body['message']).toMatch(/^continue_final_message and add_generation_prompt are not compatible\./);
  });

  it('without the flag, answers anew after the trailing assistant message', async () => {
    const res = await call({ messages: [ask('vllm'), cut()] });
    expect(content(res.body)).toBe(FULL);
  });
});

describe('llamacpp-prefill', () => {
  it('continues a trailing assistant message as it is', async () => {
    const res = await call({ messages: [ask('llamacpp-prefill'), cut()] });
    expect(content(res.body)).toBe(' five six seven eight');
  });

  it('refuses a prefill with thinking on', async () => {
    const res = await call({ messages: [ask('llamacpp-prefill'), cut()], chat_template_kwargs: { enable_thinking: true } });
    expect(res).toEqual({
      status: 400,
      body: {
        error: { code: 400, message: 'Assistant response prefill is incompatible with enable_thinking.', type: 'invalid_request_error' },
      },
    });
  });
});

describe('openai-no-prefill', () => {
  it('ignores the trailing assistant message and answers anew', async () => {
    const res = await call({ messages: [ask('openai-no-prefill'), cut()] });
    expect(res.status).toBe(200);
    expect(content(res.body)).toBe(FULL);
  });

  it('also ignores prefix: true (not part of its API)', async () => {
    const res = await call({ messages: [ask('openai-no-prefill'), cut({ prefix: true })] });
    expect(content(res.body)).toBe(FULL);
  });
});

describe('without a persona', () => {
  it('continues a cut [[reply:…]] with its rest, and a [[tokens:N]] text with the same text', async () => {
    expect(content((await call({ messages: [user(`[[reply:${FULL}]]`), cut()] })).body)).toBe(' five six seven eight');
    const whole = content((await call({ messages: [user('[[tokens:60]]')] })).body);
    const head = whole.slice(0, 80);
    const rest = content((await call({ messages: [user('[[tokens:60]]'), { role: 'assistant', content: head }] })).body);
    expect(head + rest).toBe(whole);
  });
});
