import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { messageText } from '../../domain/messages';
import type { RequestParams } from '../../domain/types';
import * as store from '../../lib/db/store';
import type { CompletionResult } from '../../lib/openai/client';
import { errorFromHttp } from '../../lib/openai/errors';
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
import { useLiveRuns } from './live-run-store';
import { startRequests } from './start-requests';

beforeEach(freshDatabase);

describe('a field the app added on its own that the server refuses', () => {
  const MISTRAL_422 =
    '{"detail":[{"type":"extra_forbidden","loc":["body","stream_options"],"msg":"Extra inputs are not permitted","input":{"include_usage":true}}]}';
  const refusal = (status: number, text: string): CompletionResult => ({
    ...result(completion([]), 'error'),
    completion: { ...completion([]), usage: null },
    error: errorFromHttp(status, 'Unprocessable Entity', 'application/json', text),
    status,
  });
  const noUsage = (text: string): CompletionResult => ({
    ...result(completion([choice(0, text)])),
    completion: { ...completion([choice(0, text)]), usage: null },
  });

  it('is dropped and the request sent once more; the profile remembers; usage is the estimate', async () => {
    const { complete, calls } = scriptedClient((_opts, i) => (i === 0 ? refusal(422, MISTRAL_422) : noUsage('Hello!')));
    const deps = testDeps(complete);
    const { conversation, path } = await conversationWithQuestion();
    await startRequests(conversation, path, [lane(conversation.params)], deps);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.body.stream_options).toEqual({ include_usage: true });
    expect('stream_options' in calls[1]!.body).toBe(false);
    expect(deps.rememberUnsupported).toHaveBeenCalledWith('active', 'stream_options');
    const reply = (await store.listMessages(conversation.id)).find((m) => m.role === 'assistant')!;
    expect([messageText(reply.content), reply.status, reply.usageEstimated]).toEqual(['Hello!', 'done', true]);
    expect(useLiveRuns.getState().errors[conversation.id] ?? null).toBeNull();
  });

  it('an OpenAI-style 400 naming it as `param` counts too', async () => {
    const body =
      '{"error":{"message":"Unrecognized request argument supplied: stream_options","type":"invalid_request_error","param":"stream_options","code":null}}';
    const { complete, calls } = scriptedClient((_opts, i) => (i === 0 ? refusal(400, body) : noUsage('Hi')));
    const { conversation, path } = await conversationWithQuestion();
    await startRequests(conversation, path, [lane(conversation.params)], testDeps(complete));
    expect(calls).toHaveLength(2);
    expect('stream_options' in calls[1]!.body).toBe(false);
  });

  it('is retried only once: a second refusal is shown', async () => {
    const { complete, calls } = scriptedClient(() => refusal(422, MISTRAL_422));
    const { conversation, path } = await conversationWithQuestion();
    await startRequests(conversation, path, [lane(conversation.params)], testDeps(complete));
    expect(calls).toHaveLength(2);
    expect(useLiveRuns.getState().errors[conversation.id]?.message).toContain('stream_options');
  });

  it('a field the person chose is never dropped: include_usage changed, or set in the extra body', async () => {
    for (const patch of [
      (x: RequestParams) => void (x.values.include_usage = false),
      (x: RequestParams) => void (x.extraBody = '{"stream_options":{"include_usage":true}}'),
    ]) {
      const { complete, calls } = scriptedClient(() => refusal(422, MISTRAL_422));
      const deps = testDeps(complete);
      const p = params(patch);
      const { conversation, path } = await conversationWithQuestion(p);
      await startRequests(conversation, path, [lane(p)], deps);
      expect(calls).toHaveLength(1);
      expect(deps.rememberUnsupported).not.toHaveBeenCalled();
    }
  });

  it('other refusals are not retried (a 422 naming another field, a 500)', async () => {
    const other = '{"detail":[{"type":"extra_forbidden","loc":["body","top_k"],"msg":"Extra inputs are not permitted"}]}';
    for (const answer of [refusal(422, other), result(completion([]), 'error')]) {
      const { complete, calls } = scriptedClient(() => answer);
      const { conversation, path } = await conversationWithQuestion();
      await startRequests(conversation, path, [lane(conversation.params)], testDeps(complete));
      expect(calls).toHaveLength(1);
    }
  });

  it('a profile that remembers it leaves it out from the start', async () => {
    const { complete, calls } = scriptedClient(() => noUsage('Hi'));
    const deps = testDeps(complete, {
      endpointFor: () => ({ endpoint: { ...endpoint('mistral', 'https://m.example/v1'), unsupported: ['stream_options'] }, apiKey: '' }),
    });
    const { conversation, path } = await conversationWithQuestion();
    await startRequests(conversation, path, [lane(conversation.params)], deps);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.stream).toBe(true);
    expect('stream_options' in calls[0]!.body).toBe(false);
  });
});
