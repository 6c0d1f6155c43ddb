import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { messageText } from '../../domain/messages';
import * as store from '../../lib/db/store';
import { useComposerStore } from '../conversations/composer-store';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { useLiveRuns } from './live-run-store';
import { regenerate, sendConversation } from './run-actions';
import { ENDPOINT_GONE } from './conversation-endpoint';
import { choice, completion, freshDatabase, params, result, scriptedClient, storedConversation, testDeps } from './run-test-support';

// The endpoints store reads the page's address when its module loads (the reference endpoint's URL).
vi.hoisted(() => {
  // `window` is the global object, as in a page (Dexie finds fake-indexeddb's globals through it).
  const g = globalThis as Record<string, unknown>;
  g.location ??= { href: 'http://127.0.0.1:4400/' };
  g.addEventListener ??= () => undefined;
  g.removeEventListener ??= () => undefined;
  g.window ??= globalThis;
});

beforeEach(freshDatabase);

async function openConversationOn(endpointId: string) {
  const conversation = await store.createConversation(params(), endpointId);
  useWorkspaceStore.getState().open(conversation.id);
  return conversation;
}

describe('a conversation keeps its endpoint profile', () => {
  it('a send runs against the conversation’s own profile, not the active one', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'from my own server')])));
    const conversation = await openConversationOn('profile-b');
    expect(await sendConversation('Hello?', [], testDeps(complete))).toBe(true);
    expect(calls.map((c) => c.endpoint.baseURL)).toEqual(['https://profile-b.example/v1']);
    const { path } = await storedConversation(conversation);
    expect(path.map((m) => messageText(m.content))).toEqual(['Hello?', 'from my own server']);
  });

  it('a deleted profile: nothing is sent or stored, the banner says why, the text goes back to the composer', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'should not happen')])));
    const conversation = await openConversationOn('deleted-profile');
    useComposerStore.getState().setText('');
    await sendConversation('Still there?', [], testDeps(complete));
    expect(calls).toHaveLength(0);
    expect((await storedConversation(conversation)).all).toHaveLength(0);
    expect(useLiveRuns.getState().errors[conversation.id]).toMatchObject({ code: ENDPOINT_GONE, kind: 'invalid' });
    expect(useComposerStore.getState().text).toBe('Still there?');
  });

  it('a regenerate in a conversation whose profile is gone sends nothing either', async () => {
    const { complete, calls } = scriptedClient(() => result(completion([choice(0, 'x')])));
    const conversation = await openConversationOn('profile-a');
    await sendConversation('Q', [], testDeps(complete));
    await store.updateConversation(conversation.id, { endpointId: 'deleted-profile' });
    const reply = (await storedConversation(conversation)).path[1]!;
    await regenerate(conversation.id, reply.id, testDeps(complete));
    expect(calls).toHaveLength(1);
    expect(useLiveRuns.getState().errors[conversation.id]?.code).toBe(ENDPOINT_GONE);
  });
});
