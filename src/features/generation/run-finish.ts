// The end of a request: the streamed reply (or replies) committed in one write, or the empty
// placeholders removed when nothing arrived. Shared by every lane of every run.
import { newMessageId } from '../../domain/ids';
import { playableAudio } from '../../domain/audio';
import { estimatedUsage, hasAnyOutput, messageFieldsFromChoice } from '../../domain/completion';
import { createMessage } from '../../domain/factories';
import { messageText, textContent } from '../../domain/messages';
import type { Choice, Completion, ConversationId, Message, MessageStatus } from '../../domain/types';
import type { CompletionResult } from '../../lib/openai/client';
import { forgetReplies, settledReply } from './checkpoint-writer';
import type { GenerationDeps } from './deps';
import type { ChoiceTimings } from './frame-publisher';
import { setRunError, settle, useLiveRuns } from './live-run-store';

const STATUS: Record<CompletionResult['outcome'], MessageStatus> = {
  done: 'done',
  aborted: 'interrupted',
  interrupted: 'interrupted',
  error: 'error',
};

export type FinishedRequest = CompletionResult & { choiceTimings?: ChoiceTimings };

type FinishDeps = Pick<GenerationDeps, 'repo' | 'notify' | 'countReplies' | 'clock'>;

/** Commits a finished request; what this tab remembered of its replies is forgotten whatever happens. */
export async function finish(...args: Parameters<typeof commit>): Promise<void> {
  try {
    await commit(...args);
  } finally {
    forgetReplies(args[2].map((p) => p.id));
  }
}

async function commit(
  conversationId: ConversationId,
  path: Message[],
  placeholders: Message[],
  result: FinishedRequest,
  deps: FinishDeps,
  continueOf?: Message,
): Promise<void> {
  const { repo } = deps;
  const { completion } = result;
  const parentId = path.at(-1)?.id ?? null;
  const nothing = !hasAnyOutput(completion) && result.outcome !== 'done';
  // The final text shows at once; the writes below follow.
  const rows = nothing ? [] : finalRows(conversationId, path, placeholders, result, deps.clock.now(), continueOf);
  settle(rows);
  const ids = placeholders.map((p) => p.id);
  if (!(await repo.getConversation(conversationId))) {
    // Deleted while streaming: remove anything a throttled save wrote back.
    await repo.deleteMessages(conversationId, ids, undefined);
    return;
  }
  if (nothing) {
    // Nothing arrived: drop the empty replies and show the error; the conversation is as it was.
    await repo.deleteMessages(conversationId, ids, parentId);
    if (result.error) setRunError(conversationId, result.error);
    recordLast(conversationId, result);
    return;
  }
  await storeAudioReplies(rows, completion, conversationId, deps);
  const keep = new Set(rows.map((r) => r.id));
  const unused = placeholders.filter((p) => !keep.has(p.id)).map((p) => p.id);
  if (unused.length > 0) await repo.deleteMessages(conversationId, unused, undefined);
  // Only over the version this tab wrote last: a reply edited or deleted in another tab meanwhile stays, and this one is kept beside it.
  const expected = new Map(await Promise.all(placeholders.map(async (p) => [p.id, (await settledReply(p.id)) ?? p] as const)));
  const committed = await repo.commitReplies(conversationId, rows, expected, (row) => ({ ...row, id: newMessageId() }));
  if (committed.keptBeside > 0)
    deps.notify(
      'This reply was changed in another tab while it streamed. Both are kept: the finished reply is a new alternative beside it.',
      'info',
      { ms: 10_000 },
    );
  const conversation = await repo.getConversation(conversationId);
  if (conversation) {
    // Off the main thread and after the reply is saved: the tokenizer's count, stored beside the usage.
    deps.countReplies(path, committed.rows, conversation.params).catch((err: unknown) => console.error('Counting the reply failed', err));
  }
  if (result.error) setRunError(conversationId, result.error);
  recordLast(conversationId, result);
}

/** The rows a run ends with, one per choice (a continuation joined to the reply it continues). */
function finalRows(
  conversationId: ConversationId,
  path: Message[],
  placeholders: Message[],
  result: FinishedRequest,
  now: number,
  continueOf?: Message,
): Message[] {
  const { completion } = result;
  const parentId = path.at(-1)?.id ?? null;
  const status = STATUS[result.outcome];
  const byIndex = new Map(completion.choices.map((c) => [c.index, c]));
  const indices = [...new Set([...placeholders.map((p) => p.choiceIndex ?? 0), ...byIndex.keys()])].sort((a, b) => a - b);
  const rows: Message[] = [];
  for (const index of indices) {
    const choice = byIndex.get(index);
    const base =
      placeholders.find((p) => p.choiceIndex === index) ??
      createMessage(conversationId, parentId, { role: 'assistant', choiceIndex: index, requestId: placeholders[0]!.requestId }, now);
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
      updatedAt: now,
    });
  }
  if (continueOf) {
    // A continuation becomes a sibling of the partial reply holding both texts.
    for (const row of rows) {
      row.parentId = continueOf.parentId;
      row.content = textContent(messageText(continueOf.content) + messageText(row.content));
      if (continueOf.reasoning) row.reasoning = continueOf.reasoning + (row.reasoning ?? '');
    }
  }
  return rows;
}

/** An audio reply's sound is kept as a Blob so it plays inline later; only its id goes back to the API. */
async function storeAudioReplies(rows: Message[], completion: Completion, conversationId: ConversationId, deps: FinishDeps): Promise<void> {
  if (!rows.some((r) => r.audio)) return;
  const conversation = await deps.repo.getConversation(conversationId);
  const format = conversation?.params.values.audio.format ?? 'wav';
  for (const row of rows) {
    const data = completion.choices.find((c) => c.index === (row.choiceIndex ?? 0))?.audio?.data;
    if (!row.audio || !data) continue;
    try {
      const { bytes, mimeType } = playableAudio(data, format);
      row.audio = { ...row.audio, blobId: await deps.repo.putBlob(new Blob([bytes], { type: mimeType })) };
    } catch {
      // Undecodable audio: the transcript and id are still kept.
    }
  }
}

function usageOrEstimate(path: Message[], choice: Choice | null, completion: Completion): Pick<Message, 'usage' | 'usageEstimated'> {
  const usage = choice?.usage ?? completion.usage;
  if (usage) return { usage, usageEstimated: false };
  // A placeholder until the tokenizer's count arrives (countReplies), marked estimated either way.
  const promptText = path.map((m) => messageText(m.content)).join('\n');
  return { usage: estimatedUsage(promptText, (choice?.content ?? '') + (choice?.reasoning ?? '')), usageEstimated: true };
}

/** Status and headers of the latest response (rate limits, request id); usage lives on the messages. */
function recordLast(conversationId: ConversationId, result: CompletionResult): void {
  useLiveRuns.setState((s) => ({ last: { ...s.last, [conversationId]: { status: result.status, headers: result.headers } } }));
}
