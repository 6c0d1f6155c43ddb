import { newId } from '../../domain/ids';
import { pathToLeaf, textContent, titleFrom } from '../../domain/messages';
import type { AppError, ContentPart, Conversation, Message } from '../../domain/types';
import { dataURLsFor } from '../../lib/db/blobs-repo';
import { createConversation, getConversation } from '../../lib/db/conversations-repo';
import { appendMessages, listMessages } from '../../lib/db/messages-repo';
import { streamLockName } from '../../lib/db/recovery';
import { runChatCompletion } from '../../lib/openai/client';
import { buildChatRequest } from '../../lib/openai/request';
import { activeEndpointConfig } from '../endpoints/endpoints-store';
import { flushParams } from '../conversations/params-writer';
import { firstByteTimeout, useWorkspaceStore } from '../conversations/workspace-store';
import { useComposerStore } from './composer-store';
import { claimRun, endRun, setRunError, useLiveRuns } from './live-run-store';
import { finish, newMessage } from './run-finish';
import { createRunPublisher } from './run-publisher';


/** Opens the active conversation, or creates it from the draft parameters on first send. */
export async function ensureConversation(): Promise<Conversation> {
  const ws = useWorkspaceStore.getState();
  const existing = ws.activeConversationId ? await getConversation(ws.activeConversationId) : undefined;
  if (existing) return existing;
  const conversation = await createConversation(ws.draftParams, activeEndpointConfig().endpoint.id);
  ws.open(conversation.id);
  return conversation;
}

export function isRunning(conversationId: string): boolean {
  return useLiveRuns.getState().runs[conversationId] !== undefined;
}

/** Set synchronously before the first await, so a double click cannot start two runs. */
let starting = false;

export async function exclusive(task: () => Promise<void>): Promise<void> {
  if (starting) return;
  starting = true;
  try {
    await task();
  } catch (err) {
    const id = useWorkspaceStore.getState().activeConversationId;
    if (id) setRunError(id, { kind: 'storage', message: `The request could not start: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    starting = false;
  }
}

/**
 * Sends the conversation as it stands, after appending `text` (and attached parts) as a user
 * message when given.
 */
export function sendConversation(text: string, parts: ContentPart[] = []): Promise<void> {
  return exclusive(() => send(text, parts));
}

async function send(text: string, parts: ContentPart[]): Promise<void> {
  const activeId = useWorkspaceStore.getState().activeConversationId;
  if (activeId && isRunning(activeId)) return;
  const hasNew = text.trim() !== '' || parts.length > 0;
  if (!hasNew && activeId === null) return; // nothing to send yet
  await flushParams();
  const conversation = await ensureConversation();
  if (isRunning(conversation.id)) return;
  let path = pathToLeaf(await listMessages(conversation.id), conversation.currentLeafId);
  if (!hasNew && path.length === 0) return;
  if (hasNew) {
    const content = text.trim() !== '' ? [...textContent(text), ...parts] : parts;
    const user = newMessage(conversation.id, path.at(-1)?.id ?? null, { role: 'user', content });
    const isFirst = !path.some((m) => m.role === 'user');
    try {
      await appendMessages(conversation.id, [user], user.id, isFirst ? titleFrom(text) : undefined);
    } catch (err) {
      // Not saved (e.g. storage full): the text goes back into the composer rather than being lost.
      if (useComposerStore.getState().text === '') useComposerStore.getState().setText(text);
      throw err;
    }
    path = [...path, user];
  }
  await runFrom(conversation, path);
}

/**
 * The common start of every "run from here" action: one action at a time, pending settings saved,
 * the conversation present and idle. `task` gets it with all its messages.
 */
export function withIdleConversation(conversationId: string, task: (conversation: Conversation, all: Message[]) => Promise<void>): Promise<void> {
  return exclusive(async () => {
    await flushParams();
    const conversation = await getConversation(conversationId);
    if (!conversation || isRunning(conversationId)) return;
    await task(conversation, await listMessages(conversationId));
  });
}

/** Runs again from the parent of `messageId`; the old reply stays as a sibling branch. */
export function regenerate(conversationId: string, messageId: string): Promise<void> {
  return withIdleConversation(conversationId, async (conversation, all) => {
    const target = all.find((m) => m.id === messageId);
    if (target) void runFrom(conversation, pathToLeaf(all, target.parentId));
  });
}

/** Runs the branch up to and including `messageId` (a fork when later messages exist). */
export function rerunFrom(conversationId: string, messageId: string): Promise<void> {
  return withIdleConversation(conversationId, async (conversation, all) => {
    if (all.some((m) => m.id === messageId)) void runFrom(conversation, pathToLeaf(all, messageId));
  });
}

/**
 * Continues an interrupted or length-cut reply: the reply is sent as an assistant prefill and the
 * finished continuation is joined to it as a new alternative of that turn (the partial one stays).
 */
export function continueReply(conversationId: string, messageId: string): Promise<void> {
  return withIdleConversation(conversationId, async (conversation, all) => {
    const target = all.find((m) => m.id === messageId);
    if (target?.role === 'assistant') void runFrom(conversation, pathToLeaf(all, messageId), target);
  });
}

export function stopRun(conversationId: string): void {
  useLiveRuns.getState().runs[conversationId]?.abort();
}

export function choiceCount(conversation: Conversation): number {
  const { enabled, values } = conversation.params;
  return enabled.n ? Math.max(1, Math.min(128, Math.floor(values.n))) : 1;
}

async function runFrom(conversation: Conversation, path: Message[], continueOf?: Message): Promise<void> {
  try {
    await runFromUnguarded(conversation, path, continueOf);
  } catch (err) {
    setRunError(conversation.id, { kind: 'storage', message: `The request could not run: ${err instanceof Error ? err.message : String(err)}` });
    endRun(conversation.id);
  }
}

async function runFromUnguarded(conversation: Conversation, path: Message[], continueOf?: Message): Promise<void> {
  const conversationId = conversation.id;
  setRunError(conversationId, null);
  const controller = new AbortController();
  claimRun(conversationId, () => controller.abort());
  const blobs = await dataURLsFor(path);
  const built = buildChatRequest(path, conversation.params, (source) =>
    source.kind === 'url' ? source.url : (blobs.get(source.blobId) ?? ''),
  );
  if (!built.ok) {
    setRunError(conversationId, built.error);
    endRun(conversationId);
    return;
  }
  const requestId = newId();
  const parentId = path.at(-1)?.id ?? null;
  const placeholders = Array.from({ length: choiceCount(conversation) }, (_, i) =>
    newMessage(conversationId, parentId, {
      role: 'assistant',
      status: 'streaming',
      choiceIndex: i,
      requestId,
      model: conversation.params.model,
      timing: { startedAt: Date.now() },
    }),
  );
  await appendMessages(conversationId, placeholders, placeholders[0]!.id);

  const publisher = createRunPublisher(conversationId, requestId, placeholders, () => controller.abort());
  const { endpoint, apiKey } = activeEndpointConfig();
  const run = () =>
    runChatCompletion({
      endpoint: { baseURL: endpoint.baseURL, apiKey, headers: endpoint.headers },
      body: built.body,
      signal: controller.signal,
      maxRetries: useWorkspaceStore.getState().maxRetries,
            ...firstByteTimeout(built.body.stream),
      now: Date.now,
      onUpdate: publisher.update,
      onRetry: publisher.retrying,
      onResponse: publisher.responded,
    });
  try {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const result = locks ? await locks.request(streamLockName(requestId), run) : await run();
    publisher.stop();
    await finish(conversationId, path, placeholders, { ...result, choiceTimings: publisher.choiceTimings() }, continueOf);
  } catch (err) {
    publisher.stop();
    const error: AppError = { kind: 'storage', message: `Saving the reply failed: ${err instanceof Error ? err.message : String(err)}` };
    setRunError(conversationId, error);
  } finally {
    endRun(conversationId);
  }
}

