import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContinueStyle } from '../../domain/continue-style';
import { createMessage } from '../../domain/factories';
import { messageText, textContent } from '../../domain/messages';
import type { Endpoint } from '../../domain/types';
import * as store from '../../lib/db/store';
import { useLiveRuns } from './live-run-store';
import {
  choice,
  completion,
  conversationWithQuestion,
  endpoint,
  freshDatabase,
  lane,
  result,
  scriptedClient,
  storedConversation,
  testDeps,
} from './run-test-support';
import { startRequests } from './start-requests';

beforeEach(freshDatabase);

/** Deps whose active profile has this continue style (and base URL). */
function depsWith(style: ContinueStyle, complete: Parameters<typeof testDeps>[0], baseURL = 'https://active.example/v1') {
  const profile: Endpoint = { ...endpoint('active', baseURL), name: 'Active', continueStyle: style };
  return testDeps(complete, { endpointFor: () => ({ endpoint: profile, apiKey: 'sk-test' }) });
}

async function cutReply() {
  const { conversation, path } = await conversationWithQuestion();
  const partial = createMessage(conversation.id, path[0]!.id, {
    role: 'assistant',
    content: textContent('The start'),
    status: 'done',
    finishReason: 'length',
  });
  await store.appendMessages(conversation.id, [partial], partial.id);
  return { conversation, path: [...path, partial], partial };
}

describe('continuing a cut reply', () => {
  it('a continuation is a new alternative holding the partial reply and its continuation', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, ' and the rest.')])));
    const { conversation, path, partial } = await cutReply();
    await startRequests(conversation, path, [lane(conversation.params)], depsWith('trailing-assistant', complete), { continueOf: partial });
    // The partial reply was sent as the last message (a prefill).
    expect(calls[0]!.body.messages.at(-1)).toEqual({ role: 'assistant', content: 'The start' });
    const stored = await storedConversation(conversation);
    const alternatives = stored.all.filter((m) => m.parentId === partial.parentId);
    expect(alternatives.map((m) => messageText(m.content)).sort()).toEqual(['The start', 'The start and the rest.']);
    expect(messageText(stored.path.at(-1)!.content)).toBe('The start and the rest.');
  });

  it.each([
    ['mistral-prefix', { role: 'assistant', content: 'The start', prefix: true }, {}],
    ['vllm', { role: 'assistant', content: 'The start' }, { continue_final_message: true, add_generation_prompt: false }],
  ] as const)("%s: the request carries the profile's prefill fields", async (style, last, topLevel) => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, ' and the rest.')])));
    const { conversation, path, partial } = await cutReply();
    await startRequests(conversation, path, [lane(conversation.params)], depsWith(style, complete), { continueOf: partial });
    expect(calls[0]!.body.messages.at(-1)).toEqual(last);
    expect(calls[0]!.body).toMatchObject(topLevel);
    expect(messageText((await storedConversation(conversation)).path.at(-1)!.content)).toBe('The start and the rest.');
  });

  it.each([
    ['none', 'https://active.example/v1', 'Active does not continue a reply from where it stopped; ask it to continue in a new message.'],
    [
      'deepseek-prefix',
      'https://api.deepseek.com/v1',
      'DeepSeek continues a reply only at its beta base URL (https://api.deepseek.com/beta); this profile uses https://api.deepseek.com/v1.',
    ],
  ] as const)('%s at %s: no request is sent, nothing is glued, and the banner says why', async (style, baseURL, message) => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'An unrelated answer.')])));
    const { conversation, path, partial } = await cutReply();
    await startRequests(conversation, path, [lane(conversation.params)], depsWith(style, complete, baseURL), { continueOf: partial });
    expect(calls).toHaveLength(0);
    // Every stored message, in path order (`all` comes in storage order, which ties on the same millisecond).
    const stored = await storedConversation(conversation);
    expect(stored.all).toHaveLength(2);
    expect(stored.path.map((m) => messageText(m.content))).toEqual([messageText(path[0]!.content), 'The start']);
    expect(useLiveRuns.getState().errors[conversation.id]?.message).toBe(message);
  });

  it('DeepSeek on its beta base URL sends prefix: true', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, ' and the rest.')])));
    const { conversation, path, partial } = await cutReply();
    const deps = depsWith('deepseek-prefix', complete, 'https://api.deepseek.com/beta');
    await startRequests(conversation, path, [lane(conversation.params)], deps, { continueOf: partial });
    expect(calls[0]!.body.messages.at(-1)).toEqual({ role: 'assistant', content: 'The start', prefix: true });
  });
});
