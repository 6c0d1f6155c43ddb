import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { messageText } from '../../domain/messages';
import * as store from '../../lib/db/store';
import type { GenerationDeps } from './deps';
import {
  choice,
  completion,
  conversationWithQuestion,
  endpoint,
  freshDatabase,
  lane,
  params,
  result,
  scriptedClient,
  testDeps,
} from './run-test-support';
import { startRequests } from './start-requests';

beforeEach(freshDatabase);

/** The active profile, set to split `n` into parallel requests (or not). */
const profile = (splitN: boolean): Partial<GenerationDeps> => ({
  endpointFor: (id) => ({
    endpoint: { ...endpoint(id ?? 'active', 'https://groq.example/v1'), ...(splitN ? { splitN } : {}) },
    apiKey: 'k',
  }),
});

const askingFor = (n: number) =>
  params((x) => {
    x.enabled.n = true;
    x.values.n = n;
  });

describe('a profile set to split n into parallel requests', () => {
  it('sends a request for 3 choices straight away as 3 single-choice requests, none with n, shown as the choices of one turn', async () => {
    const { complete, calls } = scriptedClient((_opts, i) => result(completion([choice(0, `lane ${i + 1}`)])));
    const p = askingFor(3);
    const { conversation, path } = await conversationWithQuestion(p);
    await startRequests(conversation, path, [lane(p)], testDeps(complete, profile(true)));
    expect(calls).toHaveLength(3);
    for (const call of calls) expect('n' in call.body).toBe(false);
    const replies = (await store.listMessages(conversation.id)).filter((m) => m.role === 'assistant');
    replies.sort((a, b) => a.choiceIndex! - b.choiceIndex!);
    expect(replies.map((m) => [m.choiceIndex, messageText(m.content), m.extra?.['fanOut']])).toEqual([
      [0, 'lane 1', { lane: 1, of: 3 }],
      [1, 'lane 2', { lane: 2, of: 3 }],
      [2, 'lane 3', { lane: 3, of: 3 }],
    ]);
    // Each request's usage stays with its own reply, so the turn's total is their sum.
    expect(replies.map((m) => m.usage?.completionTokens)).toEqual([5, 5, 5]);
    expect(new Set(replies.map((m) => m.requestId)).size).toBe(1);
  });

  it('leaves a request for one choice alone', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'one')])));
    const p = params();
    const { conversation, path } = await conversationWithQuestion(p);
    await startRequests(conversation, path, [lane(p)], testDeps(complete, profile(true)));
    expect(calls).toHaveLength(1);
  });

  it('off (the default): one request with n', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'a'), choice(1, 'b'), choice(2, 'c')])));
    const p = askingFor(3);
    const { conversation, path } = await conversationWithQuestion(p);
    await startRequests(conversation, path, [lane(p)], testDeps(complete, profile(false)));
    expect(calls.map((c) => c.body.n)).toEqual([3]);
  });

  it('a compare keeps its own lanes', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'x')])));
    const p = askingFor(3);
    const { conversation, path } = await conversationWithQuestion(p);
    await startRequests(conversation, path, [lane(p, null, 'A'), lane(p, null, 'B')], testDeps(complete, profile(true)), {
      kind: 'compare',
    });
    expect(calls).toHaveLength(2);
  });
});
