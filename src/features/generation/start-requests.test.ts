import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMessage, newConversation } from '../../domain/factories';
import { messageText, textContent } from '../../domain/messages';
import * as store from '../../lib/db/store';
import { CHECKPOINT_EVERY_MS } from './checkpoint-writer';
import { isRunning, useLiveRuns } from './live-run-store';
import {
  choice,
  completion,
  conversationWithQuestion,
  freshDatabase,
  lane,
  params,
  result,
  scriptedClient,
  storedConversation,
  testDeps,
} from './run-test-support';
import { startRequests } from './start-requests';

beforeEach(freshDatabase);

describe('startRequests', () => {
  it('a first send stores the new conversation, the question and the reply, and opens it', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'Hi there')])));
    const deps = testDeps(complete);
    const conversation = newConversation(params(), null);
    const user = createMessage(conversation.id, null, { role: 'user', content: textContent('Hello?') });
    await startRequests(conversation, [user], [lane(conversation.params)], deps, {
      start: { create: conversation, rows: [user], title: 'Hello?' },
    });
    const stored = await storedConversation(conversation);
    expect(stored.conversation.title).toBe('Hello?');
    expect(stored.path.map((m) => [m.role, messageText(m.content), m.status])).toEqual([
      ['user', 'Hello?', 'done'],
      ['assistant', 'Hi there', 'done'],
    ]);
    expect(stored.path[1]!.usage?.totalTokens).toBe(15);
    expect(deps.created).toHaveBeenCalledWith(conversation.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.endpoint).toEqual({
      baseURL: 'https://active.example/v1',
      apiKey: 'sk-test',
      headers: {},
      keyHeader: 'authorization',
    });
    expect(calls[0]!.body.messages).toEqual([{ role: 'user', content: 'Hello?' }]);
    expect(isRunning(conversation.id)).toBe(false);
    expect(deps.countReplies).toHaveBeenCalledTimes(1);
  });

  it('n choices are one request with one reply per choice, all under one request id', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'A'), choice(1, 'B'), choice(2, 'C')])));
    const p = params((x) => {
      x.enabled.n = true;
      x.values.n = 3;
    });
    const { conversation, path } = await conversationWithQuestion(p);
    await startRequests(conversation, path, [lane(p)], testDeps(complete));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.n).toBe(3);
    const replies = (await store.listMessages(conversation.id))
      .filter((m) => m.role === 'assistant')
      .sort((a, b) => a.choiceIndex! - b.choiceIndex!);
    expect(replies.map((m) => [m.choiceIndex, messageText(m.content)])).toEqual([
      [0, 'A'],
      [1, 'B'],
      [2, 'C'],
    ]);
    expect(new Set(replies.map((m) => m.requestId)).size).toBe(1);
  });

  it('a fan-out sends one single-choice request per lane and shows them as the choices of one turn', async () => {
    const { complete, calls } = scriptedClient((_opts, i) => result(completion([choice(0, `lane ${i + 1}`)])));
    const p = params((x) => {
      x.enabled.n = true;
      x.values.n = 3;
    });
    const { conversation, path } = await conversationWithQuestion(p);
    await startRequests(conversation, path, [lane(p), lane(p), lane(p)], testDeps(complete), { kind: 'fanOut' });
    expect(calls).toHaveLength(3);
    for (const call of calls) expect(call.body.n).toBeUndefined();
    const stored = await storedConversation(conversation);
    const replies = stored.all.filter((m) => m.role === 'assistant').sort((a, b) => a.choiceIndex! - b.choiceIndex!);
    expect(replies.map((m) => [m.choiceIndex, messageText(m.content), m.extra?.['fanOut']])).toEqual([
      [0, 'lane 1', { lane: 1, of: 3 }],
      [1, 'lane 2', { lane: 2, of: 3 }],
      [2, 'lane 3', { lane: 3, of: 3 }],
    ]);
    // The first lane's reply is the current one.
    expect(stored.conversation.currentLeafId).toBe(replies[0]!.id);
  });

  it('a compare runs each configuration against its own endpoint and model, labelled', async () => {
    const { complete, calls } = scriptedClient((opts) =>
      result({ ...completion([choice(0, `from ${opts.body.model}`)]), model: opts.body.model }),
    );
    const { conversation, path } = await conversationWithQuestion();
    const small = params((x) => void (x.model = 'small-model'));
    const big = params((x) => void (x.model = 'big-model'));
    await startRequests(conversation, path, [lane(small, 'groq', 'Groq'), lane(big, null, 'Active')], testDeps(complete), {
      kind: 'compare',
    });
    expect(calls.map((c) => [c.endpoint.baseURL, c.body.model])).toEqual([
      ['https://groq.example/v1', 'small-model'],
      ['https://active.example/v1', 'big-model'],
    ]);
    const replies = (await store.listMessages(conversation.id)).filter((m) => m.role === 'assistant');
    expect(replies.map((m) => [m.model, messageText(m.content), (m.extra?.['compare'] as { label?: string }).label]).sort()).toEqual([
      ['big-model', 'from big-model', 'Active'],
      ['small-model', 'from small-model', 'Groq'],
    ]);
  });

  it('a request that fails before any output leaves the conversation as it was and shows the error', async () => {
    const { complete } = scriptedClient(() => result(completion([]), 'error'));
    const { conversation, path } = await conversationWithQuestion();
    await startRequests(conversation, path, [lane(conversation.params)], testDeps(complete));
    const stored = await storedConversation(conversation);
    expect(stored.all.map((m) => m.role)).toEqual(['user']);
    expect(stored.conversation.currentLeafId).toBe(path[0]!.id);
    expect(useLiveRuns.getState().errors[conversation.id]?.message).toBe('The server failed');
    expect(isRunning(conversation.id)).toBe(false);
  });

  it('a start that cannot be stored stops the request and gives the message back', async () => {
    let aborted = false;
    const { complete } = scriptedClient(
      (opts) =>
        new Promise((resolve) =>
          opts.signal.addEventListener('abort', () => {
            aborted = true;
            resolve(result(completion([]), 'aborted'));
          }),
        ),
    );
    const full = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    const deps = testDeps(complete, { repo: { ...store, appendMessages: () => Promise.reject(full) } });
    const conversation = newConversation(params(), null);
    const user = createMessage(conversation.id, null, { role: 'user', content: textContent('Hello?') });
    const onUnsaved = vi.fn();
    await startRequests(conversation, [user], [lane(conversation.params)], deps, {
      start: { create: conversation, rows: [user], onUnsaved },
    });
    expect(aborted).toBe(true);
    expect(onUnsaved).toHaveBeenCalledTimes(1);
    expect(deps.notices[0]).toContain('could not be saved, so the request was stopped');
    expect(await store.getConversation(conversation.id)).toBeUndefined();
    expect(isRunning(conversation.id)).toBe(false);
  });

  it('a request that cannot be built keeps the person’s message and says why, without sending', async () => {
    const { complete } = scriptedClient(() => result(completion([])));
    const conversation = newConversation(
      params((x) => {
        x.extraBody = '{ not json';
      }),
      null,
    );
    const user = createMessage(conversation.id, null, { role: 'user', content: textContent('Hello?') });
    await startRequests(conversation, [user], [lane(conversation.params)], testDeps(complete), {
      start: { create: conversation, rows: [user] },
    });
    expect(complete).not.toHaveBeenCalled();
    expect((await store.listMessages(conversation.id)).map((m) => m.role)).toEqual(['user']);
    expect(useLiveRuns.getState().errors[conversation.id]?.kind).toBe('invalid');
  });

  it('writes what has streamed so far at each checkpoint, marked streaming, before the request ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let finishRequest!: () => void;
      const { complete } = scriptedClient(
        (opts) =>
          new Promise((resolve) => {
            const partial = completion([choice(0, 'Half an ans', null)]);
            opts.onUpdate?.(partial);
            finishRequest = () => resolve(result(completion([choice(0, 'Half an answer, whole now.')])));
          }),
      );
      const { conversation, path } = await conversationWithQuestion();
      const running = startRequests(conversation, path, [lane(conversation.params)], testDeps(complete));
      await vi.waitFor(() => expect(complete).toHaveBeenCalled());
      const before = (await store.listMessages(conversation.id)).find((m) => m.role === 'assistant');
      expect(messageText(before!.content)).toBe('');
      await vi.advanceTimersByTimeAsync(CHECKPOINT_EVERY_MS);
      await vi.waitFor(async () => {
        const saved = (await store.listMessages(conversation.id)).find((m) => m.role === 'assistant');
        expect([messageText(saved!.content), saved!.status]).toEqual(['Half an ans', 'streaming']);
      });
      finishRequest();
      await running;
      const done = (await store.listMessages(conversation.id)).find((m) => m.role === 'assistant');
      expect([messageText(done!.content), done!.status]).toEqual(['Half an answer, whole now.', 'done']);
    } finally {
      vi.useRealTimers();
    }
  });
});
