import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMessage, newConversation } from '../../domain/factories';
import { messageText, textContent } from '../../domain/messages';
import { useLiveRuns } from './live-run-store';
import { choice, completion, freshDatabase, lane, params, result, scriptedClient, storedConversation, testDeps } from './run-test-support';
import { startRequests } from './start-requests';

beforeEach(freshDatabase);

describe('a run with prompt variables', () => {
  it('sends the values and stores the messages as written; a new conversation reads the unsaved values', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'Bonjour')])));
    const asked: (string | null)[] = [];
    const deps = testDeps(complete, {
      variableValues: (id) => {
        asked.push(id);
        return { lang: 'French', word: 'hello' };
      },
    });
    const conversation = newConversation(params(), null);
    const system = createMessage(conversation.id, null, { role: 'system', content: textContent('Answer in {{lang}}.') });
    const user = createMessage(conversation.id, system.id, { role: 'user', content: textContent('Say {{ word }}') });
    await startRequests(conversation, [system, user], [lane(conversation.params)], deps, {
      start: { create: conversation, rows: [system, user] },
    });
    expect(asked).toEqual([null]);
    expect(calls[0]!.body.messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Say hello' },
    ]);
    const stored = await storedConversation(conversation);
    expect(stored.path.map((m) => messageText(m.content))).toEqual(['Answer in {{lang}}.', 'Say {{ word }}', 'Bonjour']);
  });

  it('a variable without a value sends nothing, keeps the message and says which one', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'never')])));
    const conversation = newConversation(params(), null);
    const user = createMessage(conversation.id, null, { role: 'user', content: textContent('Weather in {{city}} on {{day}}?') });
    await startRequests(conversation, [user], [lane(conversation.params)], testDeps(complete, { variableValues: () => ({ day: '' }) }), {
      start: { create: conversation, rows: [user] },
    });
    expect(calls).toHaveLength(0);
    expect(useLiveRuns.getState().errors[conversation.id]).toEqual({
      kind: 'invalid',
      message: 'The variable {{city}} has no value: give it one in the Variables panel (or remove it from the message).',
    });
    const stored = await storedConversation(conversation);
    expect(stored.path.map((m) => messageText(m.content))).toEqual(['Weather in {{city}} on {{day}}?']);
  });
});
