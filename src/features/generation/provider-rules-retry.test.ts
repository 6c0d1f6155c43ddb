import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMessage } from '../../domain/factories';
import { textContent } from '../../domain/messages';
import type { Conversation, Endpoint, Message, RequestParams } from '../../domain/types';
import * as store from '../../lib/db/store';
import type { CompletionResult } from '../../lib/openai/client';
import { errorFromHttp } from '../../lib/openai/errors';
import { useLiveRuns } from './live-run-store';
import { choice, completion, endpoint, freshDatabase, lane, params, result, scriptedClient, testDeps } from './run-test-support';
import { startRequests } from './start-requests';

beforeEach(freshDatabase);

const recorded = (file: string) => readFileSync(new URL(`../../../server/wire/cases/${file}`, import.meta.url), 'utf8');
const refusal = (status: number, text: string): CompletionResult => ({
  ...result(completion([]), 'error'),
  error: errorFromHttp(status, 'Bad Request', 'application/json', text),
  status,
});
const DEEPSEEK_400 = recorded('deepseek-400-reasoning-content-passed-back.error.json');
const OPENAI_400 = recorded('openai-400-unsupported-parameter.error.json');
const profile = (fields: Partial<Endpoint>) => () => ({ endpoint: { ...endpoint('ds', 'https://ds.example/v1'), ...fields }, apiKey: '' });

/** user → assistant (tool call, with reasoning) → tool → assistant (answer, with reasoning) → user. */
async function toolTurnConversation(p: RequestParams = params()): Promise<{ conversation: Conversation; path: Message[] }> {
  const conversation = await store.createConversation(p, null);
  const id = conversation.id;
  const u1 = createMessage(id, null, { role: 'user', content: textContent('Weather in Paris?') });
  const call = createMessage(id, u1.id, {
    role: 'assistant',
    reasoning: 'I should call the tool.',
    toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
  });
  const tool = createMessage(id, call.id, { role: 'tool', toolCallId: 'call_1', content: textContent('sunny') });
  const answer = createMessage(id, tool.id, { role: 'assistant', reasoning: 'It is sunny.', content: textContent('Sunny.') });
  const u2 = createMessage(id, answer.id, { role: 'user', content: textContent('And tomorrow?') });
  const path = [u1, call, tool, answer, u2];
  await store.appendMessages(id, path, u2.id, 'Weather');
  return { conversation: (await store.getConversation(id))!, path };
}

const reasoningSent = (body: Record<string, unknown>) =>
  (body.messages as { role: string; reasoning_content?: string }[]).filter((m) => m.role === 'assistant').map((m) => m.reasoning_content);

describe('reasoning sent back', () => {
  it('a DeepSeek profile sends the tool-call turn\u2019s reasoning on the first try', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'Rain.')])));
    const deps = testDeps(complete, { endpointFor: profile({ presetId: 'deepseek' }) });
    const { conversation, path } = await toolTurnConversation();
    await startRequests(conversation, path, [lane(params())], deps);
    expect(calls).toHaveLength(1);
    expect(reasoningSent(calls[0]!.body)).toEqual(['I should call the tool.', 'It is sunny.']);
  });

  it('learned from DeepSeek\u2019s refusal: sent once more with the narrowest rule, remembered, the person told', async () => {
    const { complete, calls } = scriptedClient((_o, i) =>
      i === 0 ? refusal(400, DEEPSEEK_400) : result(completion([choice(0, 'Rain.')])),
    );
    const deps = testDeps(complete, { endpointFor: profile({ name: 'My server' }) });
    const { conversation, path } = await toolTurnConversation();
    await startRequests(conversation, path, [lane(params())], deps);
    expect(calls.map((c) => reasoningSent(c.body))).toEqual([
      [undefined, undefined],
      ['I should call the tool.', 'It is sunny.'],
    ]);
    expect(deps.learnRule).toHaveBeenCalledWith('ds', 'reasoningSendBack', 'tool-turns');
    expect(deps.notices.join()).toContain('My server wants reasoning sent back (in tool-call turns)');
    expect(useLiveRuns.getState().errors[conversation.id] ?? null).toBeNull();
  });

  it('a second refusal is shown, not retried again; a rule that cannot widen is not retried', async () => {
    const { complete, calls } = scriptedClient(() => refusal(400, DEEPSEEK_400));
    const { conversation, path } = await toolTurnConversation();
    await startRequests(conversation, path, [lane(params())], testDeps(complete, { endpointFor: profile({}) }));
    expect(calls).toHaveLength(2);
    expect(useLiveRuns.getState().errors[conversation.id]?.message).toContain('must be passed back');
    const again = scriptedClient(() => refusal(400, DEEPSEEK_400));
    await startRequests(
      conversation,
      path,
      [lane(params())],
      testDeps(again.complete, { endpointFor: profile({ reasoningSendBack: 'always' }) }),
    );
    expect(again.calls).toHaveLength(1);
  });
});

describe('the output limit', () => {
  const withMaxTokens = params((p) => {
    p.enabled.max_tokens = true;
    p.values.max_tokens = 64;
  });

  it('is sent under the preset\u2019s name: max_completion_tokens to OpenAI, max_tokens to DeepSeek', async () => {
    for (const [presetId, expected] of [
      ['openai', { max_completion_tokens: 64 }],
      ['deepseek', { max_tokens: 64 }],
    ] as const) {
      const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'Hi')])));
      const { conversation, path } = await toolTurnConversation(withMaxTokens);
      await startRequests(conversation, path, [lane(withMaxTokens)], testDeps(complete, { endpointFor: profile({ presetId }) }));
      const { max_tokens, max_completion_tokens } = calls[0]!.body;
      expect({ max_tokens, max_completion_tokens }).toEqual({ max_tokens: undefined, max_completion_tokens: undefined, ...expected });
    }
  });

  it('a reasoning model (by its facts) on a profile without a preset gets max_completion_tokens', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'Hi')])));
    const { conversation, path } = await toolTurnConversation(withMaxTokens);
    await startRequests(conversation, path, [lane(withMaxTokens)], testDeps(complete, { modelFacts: () => ({ reasoning: true }) }));
    expect(calls[0]!.body.max_completion_tokens).toBe(64);
    expect('max_tokens' in calls[0]!.body).toBe(false);
  });

  it("learned from OpenAI's recorded 400: sent again as max_completion_tokens, remembered", async () => {
    const { complete, calls } = scriptedClient((_o, i) => (i === 0 ? refusal(400, OPENAI_400) : result(completion([choice(0, 'Hi')]))));
    const deps = testDeps(complete);
    const { conversation, path } = await toolTurnConversation(withMaxTokens);
    await startRequests(conversation, path, [lane(withMaxTokens)], deps);
    expect(calls.map((c) => [c.body.max_tokens, c.body.max_completion_tokens])).toEqual([
      [64, undefined],
      [undefined, 64],
    ]);
    expect(deps.learnRule).toHaveBeenCalledWith('active', 'outputLimit', 'max_completion_tokens');
  });
});
