import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks, contents, post, startServer, user } from './testkit';
import type { TestServer } from './testkit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const recorded = (file: string) => readFileSync(new URL(`./wire/cases/${file}`, import.meta.url), 'utf8');
const TOOLS = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];
const CALL = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } };

/** user → assistant (tool call) → tool → assistant (answer) → user, the assistants with `fields`. */
const toolTurn = (fields: Record<string, unknown>, trigger = '[[persona:deepseek-thinking]]') => [
  user(`Weather? ${trigger}`),
  { role: 'assistant', content: null, tool_calls: [CALL], ...fields },
  { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
  { role: 'assistant', content: 'Sunny.', ...fields },
  user(`And tomorrow? ${trigger}`),
];

describe('[[persona:deepseek-thinking]]', () => {
  it('streams reasoning_content, then the tool call', async () => {
    const res = await post(server.url, {
      model: 'ref-tools',
      stream: true,
      tools: TOOLS,
      messages: [user('Weather? [[persona:deepseek-thinking]]')],
    });
    const list = chunks(await res.text());
    const reasoning = list.map((c) => c.choices[0]?.delta['reasoning_content'] ?? '').join('');
    expect(reasoning.length).toBeGreaterThan(0);
    expect(list.some((c) => Array.isArray(c.choices[0]?.delta['tool_calls']))).toBe(true);
    expect(list.at(-1)?.choices[0]?.finish_reason ?? list.at(-2)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it("refuses a follow-up whose tool-call turn lacks reasoning_content, with DeepSeek's recorded 400", async () => {
    const res = await post(server.url, { model: 'ref-chat', stream: true, tools: TOOLS, messages: toolTurn({}) });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(recorded('deepseek-400-reasoning-content-passed-back.error.json'));
    // One assistant of the turn without it is enough to be refused.
    const messages = toolTurn({ reasoning_content: 'thought' });
    delete (messages[3] as Record<string, unknown>)['reasoning_content'];
    expect((await post(server.url, { model: 'ref-chat', messages })).status).toBe(400);
  });

  it('answers when the tool-call turn carries it (an empty string too), when no tool was called, or with thinking disabled', async () => {
    for (const body of [
      { messages: toolTurn({ reasoning_content: 'I called the tool.' }) },
      { messages: toolTurn({ reasoning_content: '' }) },
      {
        messages: [
          user('Hi [[persona:deepseek-thinking]]'),
          { role: 'assistant', content: 'Hello.' },
          user('Again [[persona:deepseek-thinking]]'),
        ],
      },
      { messages: toolTurn({}), thinking: { type: 'disabled' } },
    ]) {
      const res = await post(server.url, { model: 'ref-chat', stream: true, ...body });
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(contents(chunks(await res.text())).join('').length).toBeGreaterThan(0);
    }
  });

  it('applies max_tokens and silently ignores max_completion_tokens, as DeepSeek does', async () => {
    const ask = async (limit: Record<string, number>) => {
      const res = await post(server.url, { model: 'ref-chat', messages: [user('Hi [[persona:deepseek-thinking]]')], ...limit });
      return ((await res.json()) as { choices: { finish_reason: string }[] }).choices[0]?.finish_reason;
    };
    expect(await ask({ max_tokens: 5 })).toBe('length');
    expect(await ask({ max_completion_tokens: 5 })).toBe('stop');
  });
});

describe('[[persona:openai-reasoning]]', () => {
  it("refuses max_tokens with OpenAI's recorded 400 and honours max_completion_tokens", async () => {
    const messages = [user('Hi [[persona:openai-reasoning]]')];
    const refused = await post(server.url, { model: 'ref-chat', max_tokens: 5, messages });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe(recorded('openai-400-unsupported-parameter.error.json'));
    const ok = await post(server.url, { model: 'ref-chat', max_completion_tokens: 5, messages });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { choices: { finish_reason: string }[] }).choices[0]?.finish_reason).toBe('length');
  });
});
