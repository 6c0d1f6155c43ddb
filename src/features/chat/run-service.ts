import { playableAudio } from '../../domain/audio';
import { estimatedUsage, hasAnyOutput, messageFieldsFromChoice } from '../../domain/completion';
import { newId } from '../../domain/ids';
import { messageText, pathToLeaf, textContent, titleFrom } from '../../domain/messages';
import type { AppError, Choice, Completion, ContentPart, Conversation, Message, MessageStatus } from '../../domain/types';
import { dataURLsFor, putBlob } from '../../lib/db/blobs-repo';
import { createConversation, getConversation } from '../../lib/db/conversations-repo';
import { appendMessages, deleteMessages, listMessages } from '../../lib/db/messages-repo';
import { streamLockName } from '../../lib/db/recovery';
import { runChatCompletion, type RunResult } from '../../lib/openai/client';
import { buildChatRequest } from '../../lib/openai/request';
import { activeEndpointConfig } from '../endpoints/endpoints-store';
import { flushParams } from '../conversations/params-writer';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { claimRun, endRun, setRunError, settle, useLiveRuns } from './live-run-store';
import { createRunPublisher } from './run-publisher';

function newMessage(conversationId: string, parentId: string | null, fields: Partial<Message> & Pick<Message, 'role'>): Message {
  const now = Date.now();
  return { id: newId(), conversationId, parentId, content: [], status: 'done', createdAt: now, updatedAt: now, ...fields };
}

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

async function exclusive(task: () => Promise<void>): Promise<void> {
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
    await appendMessages(conversation.id, [user], user.id, isFirst ? titleFrom(text) : undefined);
    path = [...path, user];
  }
  await runFrom(conversation, path);
}

/** Runs again from the parent of `messageId`; the old reply stays as a sibling branch. */
export function regenerate(conversationId: string, messageId: string): Promise<void> {
  return exclusive(async () => {
    await flushParams();
    await regenerateNow(conversationId, messageId);
  });
}

async function regenerateNow(conversationId: string, messageId: string): Promise<void> {
  const conversation = await getConversation(conversationId);
  if (!conversation || isRunning(conversationId)) return;
  const all = await listMessages(conversationId);
  const target = all.find((m) => m.id === messageId);
  if (!target) return;
  void runFrom(conversation, pathToLeaf(all, target.parentId));
}

/** Runs the branch up to and including `messageId` (a fork when later messages exist). */
export function rerunFrom(conversationId: string, messageId: string): Promise<void> {
  return exclusive(async () => {
    await flushParams();
    const conversation = await getConversation(conversationId);
    if (!conversation || isRunning(conversationId)) return;
    const all = await listMessages(conversationId);
    if (!all.some((m) => m.id === messageId)) return;
    void runFrom(conversation, pathToLeaf(all, messageId));
  });
}

/**
 * Continues an interrupted or length-cut reply: the reply is sent as an assistant prefill and the
 * finished continuation is joined to it as a new alternative of that turn (the partial one stays).
 */
export function continueReply(conversationId: string, messageId: string): Promise<void> {
  return exclusive(async () => {
    await flushParams();
    const conversation = await getConversation(conversationId);
    if (!conversation || isRunning(conversationId)) return;
    const all = await listMessages(conversationId);
    const target = all.find((m) => m.id === messageId);
    if (!target || target.role !== 'assistant') return;
    void runFrom(conversation, pathToLeaf(all, messageId), target);
  });
}

export function stopRun(conversationId: string): void {
  useLiveRuns.getState().runs[conversationId]?.abort();
}

function choiceCount(conversation: Conversation): number {
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

const STATUS: Record<RunResult['outcome'], MessageStatus> = { done: 'done', aborted: 'interrupted', interrupted: 'interrupted', error: 'error' };

type FinishedRun = RunResult & { choiceTimings?: Map<number, { firstAt?: number; doneAt?: number }> };

async function finish(conversationId: string, path: Message[], placeholders: Message[], result: FinishedRun, continueOf?: Message): Promise<void> {
  const { completion } = result;
  if (!(await getConversation(conversationId))) {
    // Deleted while streaming: remove anything a throttled save wrote back.
    await deleteMessages(conversationId, placeholders.map((p) => p.id), undefined);
    return;
  }
  const parentId = path.at(-1)?.id ?? null;
  if (!hasAnyOutput(completion) && result.outcome !== 'done') {
    // Nothing arrived: drop the empty replies and show the error; the conversation is as it was.
    await dropPlaceholders(conversationId, placeholders, parentId);
    if (result.error) setRunError(conversationId, result.error);
    recordLast(conversationId, result);
    return;
  }
  const status = STATUS[result.outcome];
  const byIndex = new Map(completion.choices.map((c) => [c.index, c]));
  const indices = [...new Set([...placeholders.map((p) => p.choiceIndex ?? 0), ...byIndex.keys()])].sort((a, b) => a - b);
  const rows: Message[] = [];
  for (const index of indices) {
    const choice = byIndex.get(index);
    const base = placeholders.find((p) => p.choiceIndex === index) ?? newMessage(conversationId, parentId, { role: 'assistant', choiceIndex: index, requestId: placeholders[0]!.requestId });
    if (!choice && completion.choices.length > 0) continue; // the server returned fewer choices than asked
    // Per choice where the stream told them apart (n > 1 choices finish at different times).
    const own = result.choiceTimings?.get(index);
    const timing = { ...(base.timing ?? { startedAt: result.timing.startedAt }), finishedAt: own?.doneAt ?? result.timing.finishedAt };
    const first = own?.firstAt ?? result.timing.firstTokenAt;
    if (first !== null) timing.firstTokenAt = first;
    rows.push({
      ...base,
      ...(choice ? messageFieldsFromChoice(choice, completion) : {}),
      status,
      error: result.error,
      timing,
      ...usageOrEstimate(path, choice ?? null, completion),
      updatedAt: Date.now(),
    });
  }
  await storeAudioReplies(rows, completion, conversationId);
  if (continueOf) {
    // A continuation becomes a sibling of the partial reply holding both texts.
    for (const row of rows) {
      row.parentId = continueOf.parentId;
      row.content = textContent(messageText(continueOf.content) + messageText(row.content));
      if (continueOf.reasoning) row.reasoning = continueOf.reasoning + (row.reasoning ?? '');
    }
  }
  const keep = new Set(rows.map((r) => r.id));
  await dropPlaceholders(conversationId, placeholders.filter((p) => !keep.has(p.id)), undefined);
  settle(rows);
  await appendMessages(conversationId, rows, rows[0]!.id);
  if (result.error) setRunError(conversationId, result.error);
  recordLast(conversationId, result);
}

/** An audio reply's sound is kept as a Blob so it plays inline later; only its id goes back to the API. */
async function storeAudioReplies(rows: Message[], completion: Completion, conversationId: string): Promise<void> {
  const conversation = await getConversation(conversationId);
  const format = conversation?.params.values.audio.format ?? 'wav';
  for (const row of rows) {
    const data = completion.choices.find((c) => c.index === (row.choiceIndex ?? 0))?.audio?.data;
    if (!row.audio || !data) continue;
    try {
      const { bytes, mimeType } = playableAudio(data, format);
      row.audio = { ...row.audio, blobId: await putBlob(new Blob([bytes], { type: mimeType })) };
    } catch {
      // Undecodable audio: the transcript and id are still kept.
    }
  }
}

async function dropPlaceholders(conversationId: string, placeholders: Message[], leafId: string | null | undefined): Promise<void> {
  await deleteMessages(conversationId, placeholders.map((p) => p.id), leafId);
}

function usageOrEstimate(path: Message[], choice: Choice | null, completion: Completion): Pick<Message, 'usage' | 'usageEstimated'> {
  const usage = choice?.usage ?? completion.usage;
  if (usage) return { usage, usageEstimated: false };
  const promptText = path.map((m) => messageText(m.content)).join('\n');
  return { usage: estimatedUsage(promptText, (choice?.content ?? '') + (choice?.reasoning ?? '')), usageEstimated: true };
}

/** Status and headers of the latest response (rate limits, request id); usage lives on the messages. */
function recordLast(conversationId: string, result: RunResult): void {
  useLiveRuns.setState((s) => ({ last: { ...s.last, [conversationId]: { status: result.status, headers: result.headers } } }));
}
