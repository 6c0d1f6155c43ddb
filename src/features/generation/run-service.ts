import { toast } from '../../components/ui/toast';
import { newId } from '../../domain/ids';
import { pathToLeaf, textContent, titleFrom } from '../../domain/messages';
import type { AppError, ContentPart, Conversation, Message } from '../../domain/types';
import { appendMessages, dataURLsFor, getConversation, listMessages } from '../../lib/db/repo';
import { newConversation } from '../../domain/library';
import { runChatCompletion } from '../../lib/openai/client';
import { buildChatRequest } from '../../lib/openai/request';
import { activeEndpointConfig } from '../endpoints/endpoints-store';
import { flushParams } from '../conversations/params-writer';
import { firstByteTimeout, useWorkspaceStore } from '../conversations/workspace-store';
import { giveBackToComposer } from '../conversations/composer-store';
import { claimRun, endRun, isRunning, setRunError } from './live-run-store';
import { finish, newMessage } from './run-finish';
import { createRunPublisher, type RunPublisher } from './run-publisher';
import { startStream, UnsavedStart } from './run-start';

/** Set synchronously before the first await, so a double click cannot start two runs. */
let starting = false;

/** False when another run was starting, and `task` did not run. */
export async function exclusive(task: () => Promise<void>): Promise<boolean> {
  if (starting) return false;
  starting = true;
  try {
    await task();
  } catch (err) {
    const id = useWorkspaceStore.getState().activeConversationId;
    if (id)
      setRunError(id, { kind: 'storage', message: `The request could not start: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    starting = false;
  }
  return true;
}

/**
 * Sends the conversation as it stands, after appending `text` (and attached parts) as a user
 * message when given.
 */
export function sendConversation(text: string, parts: ContentPart[] = []): Promise<boolean> {
  return exclusive(() => send(text, parts));
}

async function send(text: string, parts: ContentPart[]): Promise<void> {
  const activeId = useWorkspaceStore.getState().activeConversationId;
  if (activeId && isRunning(activeId)) return;
  const hasNew = text.trim() !== '' || parts.length > 0;
  if (!hasNew && activeId === null) return; // nothing to send yet
  await flushParams();
  // A first send creates the conversation in the same write as its messages (see startStream).
  const ws = useWorkspaceStore.getState();
  const existing = ws.activeConversationId ? await getConversation(ws.activeConversationId) : undefined;
  const conversation = existing ?? newConversation(ws.draftParams, activeEndpointConfig().endpoint.id);
  if (isRunning(conversation.id)) return;
  let path = existing ? pathToLeaf(await listMessages(conversation.id), conversation.currentLeafId) : [];
  if (!hasNew && path.length === 0) return;
  const start: RunStart = { rows: [], ...(existing ? {} : { create: conversation }) };
  if (hasNew) {
    const content = text.trim() !== '' ? [...textContent(text), ...parts] : parts;
    const user = newMessage(conversation.id, path.at(-1)?.id ?? null, { role: 'user', content });
    if (!path.some((m) => m.role === 'user')) start.title = titleFrom(text);
    start.rows = [user];
    // Not saved (e.g. storage full): the text and attachments go back into the composer rather than being lost.
    start.onUnsaved = () => giveBackToComposer(text, parts);
    path = [...path, user];
  }
  await runFrom(conversation, path, undefined, start);
}

/**
 * The common start of every "run from here" action: one action at a time, pending settings saved,
 * the conversation present and idle. `task` gets it with all its messages.
 */
export function withIdleConversation(
  conversationId: string,
  task: (conversation: Conversation, all: Message[]) => Promise<void>,
): Promise<void> {
  return exclusive(async () => {
    await flushParams();
    const conversation = await getConversation(conversationId);
    if (!conversation || isRunning(conversationId)) return;
    await task(conversation, await listMessages(conversationId));
  }).then(() => undefined);
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

export function choiceCount(conversation: Conversation): number {
  const { enabled, values } = conversation.params;
  return enabled.n ? Math.max(1, Math.min(128, Math.floor(values.n))) : 1;
}

/**
 * What a run writes before its replies, in the same transaction as their placeholders: a new
 * conversation, the person's message and the title it gives.
 */
interface RunStart {
  create?: Conversation;
  rows: Message[];
  title?: string;
  onUnsaved?: () => void;
  /** Set once the rows are stored. */
  committed?: boolean;
}

async function runFrom(conversation: Conversation, path: Message[], continueOf?: Message, start: RunStart = { rows: [] }): Promise<void> {
  try {
    await runFromUnguarded(conversation, path, continueOf, start);
  } catch (err) {
    const message =
      err instanceof UnsavedStart ? err.message : `The request could not run: ${err instanceof Error ? err.message : String(err)}`;
    endRun(conversation.id);
    if (!start.committed) {
      // Whatever failed, a message that was never stored goes back to the person.
      start.onUnsaved?.();
      // A conversation that was never stored never opened: its banner would not show.
      if (start.create) return void toast(message, 'error', { ms: 15_000 });
    }
    setRunError(conversation.id, { kind: 'storage', message });
  }
}

/** Saves what the run starts with; a new conversation opens once it exists. */
async function saveStart(conversation: Conversation, start: RunStart, placeholders: Message[]): Promise<void> {
  const rows = [...start.rows, ...placeholders];
  const leaf = placeholders[0] ?? rows.at(-1);
  if (!leaf) return;
  await appendMessages(conversation.id, rows, leaf.id, start.title, start.create);
  start.committed = true;
  // Unless the person opened another conversation meanwhile.
  if (start.create && useWorkspaceStore.getState().activeConversationId === null) useWorkspaceStore.getState().open(conversation.id);
}

async function runFromUnguarded(
  conversation: Conversation,
  path: Message[],
  continueOf: Message | undefined,
  start: RunStart,
): Promise<void> {
  const conversationId = conversation.id;
  setRunError(conversationId, null);
  const controller = new AbortController();
  claimRun(conversationId, () => controller.abort());
  const blobs = await dataURLsFor(path);
  const built = buildChatRequest(path, conversation.params, (source) =>
    source.kind === 'url' ? source.url : (blobs.get(source.blobId) ?? ''),
  );
  if (!built.ok) {
    // The person's message is kept even when no request can be built from it.
    await saveStart(conversation, start, []).catch((err: unknown) => {
      throw new UnsavedStart(err);
    });
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

  const { endpoint, apiKey } = activeEndpointConfig();
  // Made inside the lock, once the write it must follow has started.
  const live: { publisher?: RunPublisher } = {};
  try {
    const result = await startStream(
      requestId,
      () => saveStart(conversation, start, placeholders),
      () => controller.abort(),
      (saved) => {
        const p = createRunPublisher(conversationId, requestId, placeholders, () => controller.abort(), saved);
        live.publisher = p;
        return runChatCompletion({
          endpoint: { baseURL: endpoint.baseURL, apiKey, headers: endpoint.headers },
          body: built.body,
          signal: controller.signal,
          maxRetries: useWorkspaceStore.getState().maxRetries,
          ...firstByteTimeout(built.body.stream),
          now: Date.now,
          onUpdate: p.update,
          onRetry: p.retrying,
          onResponse: p.responded,
        });
      },
    );
    live.publisher?.stop();
    await finish(conversationId, path, placeholders, { ...result, choiceTimings: live.publisher?.choiceTimings() }, continueOf);
  } catch (err) {
    live.publisher?.stop();
    if (err instanceof UnsavedStart) throw err;
    const error: AppError = { kind: 'storage', message: `Saving the reply failed: ${err instanceof Error ? err.message : String(err)}` };
    setRunError(conversationId, error);
  } finally {
    endRun(conversationId);
  }
}
