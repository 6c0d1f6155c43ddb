// What the UI asks of the run engine, each a path and lanes handed to startRequests.
import { createMessage } from '../../domain/factories';
import { newConversation } from '../../domain/factories';
import { pathToLeaf, textContent, titleFrom } from '../../domain/messages';
import type { ContentPart, Conversation, ConversationId, Message, MessageId } from '../../domain/types';
import { giveBackToComposer } from '../conversations/composer-store';
import { flushParams } from '../conversations/params-writer';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { activeEndpointConfig } from '../endpoints/endpoints-store';
import { endpointGoneError } from './conversation-endpoint';
import { generationDeps } from './default-deps';
import type { GenerationDeps } from './deps';
import { isRunning, setRunError } from './live-run-store';
import { choiceCount, startRequests, type Lane, type RunStart } from './start-requests';
import { errorMessage } from '../../domain/errors';
import { ASK_TO_CONTINUE_TEXT } from '../../domain/continue-style';

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
    if (id) setRunError(id, { kind: 'storage', message: `The request could not start: ${errorMessage(err)}` });
  } finally {
    starting = false;
  }
  return true;
}

/** The conversation's own lane: its parameters against its endpoint profile (none recorded: the active one). */
const ownLane = (conversation: Conversation): Lane => ({ params: conversation.params, endpointId: conversation.endpointId, label: null });

/** A conversation whose profile was deleted runs nowhere: it would otherwise go to another server unasked. */
function profileGone(conversation: Conversation, deps: GenerationDeps): boolean {
  if (conversation.endpointId === null || deps.endpointExists(conversation.endpointId)) return false;
  setRunError(conversation.id, endpointGoneError());
  return true;
}

/**
 * Sends the conversation as it stands, after appending `text` (and attached parts) as a user
 * message when given. False when another run was starting and this one never ran.
 */
export function sendConversation(text: string, parts: ContentPart[] = [], deps: GenerationDeps = generationDeps()): Promise<boolean> {
  return exclusive(() => send(text, parts, deps));
}

async function send(text: string, parts: ContentPart[], deps: GenerationDeps): Promise<void> {
  const activeId = useWorkspaceStore.getState().activeConversationId;
  if (activeId && isRunning(activeId)) return;
  const hasNew = text.trim() !== '' || parts.length > 0;
  if (!hasNew && activeId === null) return; // nothing to send yet
  await flushParams();
  // A first send creates the conversation in the same write as its messages (see startStream).
  const ws = useWorkspaceStore.getState();
  const existing = ws.activeConversationId ? await deps.repo.getConversation(ws.activeConversationId) : undefined;
  const conversation = existing ?? newConversation(ws.draftParams, activeEndpointConfig().endpoint.id, deps.clock.now());
  if (isRunning(conversation.id)) return;
  if (profileGone(conversation, deps)) return giveBackToComposer(text, parts);
  let path = existing ? pathToLeaf(await deps.repo.listMessages(conversation.id), conversation.currentLeafId) : [];
  if (!hasNew && path.length === 0) return;
  const start: RunStart = { rows: [], ...(existing ? {} : { create: conversation }) };
  if (hasNew) {
    const content = text.trim() !== '' ? [...textContent(text), ...parts] : parts;
    const user = createMessage(conversation.id, path.at(-1)?.id ?? null, { role: 'user', content }, deps.clock.now());
    if (!path.some((m) => m.role === 'user')) start.title = titleFrom(text);
    start.rows = [user];
    // Not saved (e.g. storage full): the text and attachments go back into the composer rather than being lost.
    start.onUnsaved = () => giveBackToComposer(text, parts);
    path = [...path, user];
  }
  await startRequests(conversation, path, [ownLane(conversation)], deps, { start });
}

/**
 * The common start of every "run from here" action: one action at a time, pending settings saved,
 * the conversation present and idle. `task` gets it with all its messages.
 */
function withIdleConversation(
  conversationId: ConversationId,
  deps: GenerationDeps,
  task: (conversation: Conversation, all: Message[]) => Promise<void>,
): Promise<void> {
  return exclusive(async () => {
    await flushParams();
    const conversation = await deps.repo.getConversation(conversationId);
    if (!conversation || isRunning(conversationId) || profileGone(conversation, deps)) return;
    await task(conversation, await deps.repo.listMessages(conversationId));
  }).then(() => undefined);
}

/** Runs again from the parent of `messageId`; the old reply stays as an alternative. */
export function regenerate(conversationId: ConversationId, messageId: MessageId, deps: GenerationDeps = generationDeps()): Promise<void> {
  return withIdleConversation(conversationId, deps, async (conversation, all) => {
    const target = all.find((m) => m.id === messageId);
    if (target) void startRequests(conversation, pathToLeaf(all, target.parentId), [ownLane(conversation)], deps);
  });
}

/** Runs the branch up to and including `messageId` (a new alternative when later messages exist). */
export function rerunFrom(conversationId: ConversationId, messageId: MessageId, deps: GenerationDeps = generationDeps()): Promise<void> {
  return withIdleConversation(conversationId, deps, async (conversation, all) => {
    if (all.some((m) => m.id === messageId)) void startRequests(conversation, pathToLeaf(all, messageId), [ownLane(conversation)], deps);
  });
}

/**
 * Continues an interrupted or length-cut reply with the server's own prefill mechanism (the
 * profile's continue style; see start-requests.ts): the reply is sent last and the finished
 * continuation is joined to it as a new alternative of that turn (the partial one stays).
 */
export function continueReply(
  conversationId: ConversationId,
  messageId: MessageId,
  deps: GenerationDeps = generationDeps(),
): Promise<void> {
  return withIdleConversation(conversationId, deps, async (conversation, all) => {
    const target = all.find((m) => m.id === messageId);
    if (target?.role === 'assistant')
      void startRequests(conversation, pathToLeaf(all, messageId), [ownLane(conversation)], deps, { continueOf: target });
  });
}

/**
 * For a server without a prefill: asks it, in a new user message after the cut reply, to continue.
 * The answer is a reply of its own (nothing is glued to the cut one).
 */
export function askToContinue(
  conversationId: ConversationId,
  messageId: MessageId,
  deps: GenerationDeps = generationDeps(),
): Promise<void> {
  return withIdleConversation(conversationId, deps, async (conversation, all) => {
    const target = all.find((m) => m.id === messageId);
    if (target?.role !== 'assistant') return;
    const ask = createMessage(conversationId, messageId, { role: 'user', content: textContent(ASK_TO_CONTINUE_TEXT) }, deps.clock.now());
    void startRequests(conversation, [...pathToLeaf(all, messageId), ask], [ownLane(conversation)], deps, { start: { rows: [ask] } });
  });
}

/**
 * Runs the turn of `messageId` as `n` parallel single-choice requests, for servers that ignore `n`
 * (a reply: its turn again) or refuse it (the message the refused request was sent for).
 */
export function fanOut(conversationId: ConversationId, messageId: MessageId, deps: GenerationDeps = generationDeps()): Promise<void> {
  return withIdleConversation(conversationId, deps, async (conversation, all) => {
    const target = all.find((m) => m.id === messageId);
    if (!target) return;
    const k = Math.max(2, choiceCount(conversation.params));
    const lanes = Array.from({ length: k }, () => ownLane(conversation));
    const upTo = target.role === 'assistant' ? target.parentId : target.id;
    await startRequests(conversation, pathToLeaf(all, upTo), lanes, deps, { kind: 'fanOut' });
  });
}

/**
 * Sends the open conversation to each configuration side by side. A conversation ending with a
 * reply runs its last turn again (the old reply stays an alternative).
 */
export function compareConfigurations(
  conversationId: ConversationId,
  lanes: Lane[],
  deps: GenerationDeps = generationDeps(),
): Promise<void> {
  return withIdleConversation(conversationId, deps, async (conversation, all) => {
    if (lanes.length === 0) return;
    const path = pathToLeaf(all, conversation.currentLeafId);
    const last = path.at(-1);
    await startRequests(conversation, last?.role === 'assistant' ? path.slice(0, -1) : path, lanes, deps, { kind: 'compare' });
  });
}
