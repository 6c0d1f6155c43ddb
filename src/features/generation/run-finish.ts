// The end of a run: the streamed reply (or replies) committed in one write, or the empty
// placeholders removed when nothing arrived. Shared by single runs and fan-outs.
import { playableAudio } from '../../domain/audio';
import { estimatedUsage, hasAnyOutput, messageFieldsFromChoice } from '../../domain/completion';
import { newId } from '../../domain/ids';
import { messageText, textContent } from '../../domain/messages';
import type { Choice, Completion, Message, MessageStatus } from '../../domain/types';
import { toast } from '../../components/ui/toast';
import { commitReplies, deleteMessages, getConversation, putBlob } from '../../lib/db/repo';
import type { RunResult } from '../../lib/openai/client';
import { recordReplyEstimates } from '../meter/reply-estimate';
import { setRunError, settle, useLiveRuns } from './live-run-store';
import { forgetWrittenReplies, lastWrittenReply } from './run-publisher';

export function newMessage(conversationId: string, parentId: string | null, fields: Partial<Message> & Pick<Message, 'role'>): Message {
  const now = Date.now();
  return { id: newId(), conversationId, parentId, content: [], status: 'done', createdAt: now, updatedAt: now, ...fields };
}

const STATUS: Record<RunResult['outcome'], MessageStatus> = {
  done: 'done',
  aborted: 'interrupted',
  interrupted: 'interrupted',
  error: 'error',
};

export type FinishedRun = RunResult & { choiceTimings?: Map<number, { firstAt?: number; doneAt?: number }> };

export async function finish(
  conversationId: string,
  path: Message[],
  placeholders: Message[],
  result: FinishedRun,
  continueOf?: Message,
): Promise<void> {
  const { completion } = result;
  const parentId = path.at(-1)?.id ?? null;
  const nothing = !hasAnyOutput(completion) && result.outcome !== 'done';
  // The final text shows at once; the writes below follow.
  const rows = nothing ? [] : finalRows(conversationId, path, placeholders, result, continueOf);
  settle(rows);
  if (!(await getConversation(conversationId))) {
    // Deleted while streaming: remove anything a throttled save wrote back.
    await deleteMessages(
      conversationId,
      placeholders.map((p) => p.id),
      undefined,
    );
    return;
  }
  if (nothing) {
    // Nothing arrived: drop the empty replies and show the error; the conversation is as it was.
    await dropPlaceholders(conversationId, placeholders, parentId);
    if (result.error) setRunError(conversationId, result.error);
    recordLast(conversationId, result);
    return;
  }
  await storeAudioReplies(rows, completion, conversationId);
  const keep = new Set(rows.map((r) => r.id));
  const unused = placeholders.filter((p) => !keep.has(p.id));
  if (unused.length > 0) await dropPlaceholders(conversationId, unused, undefined);
  // Only over the version this tab wrote last: a reply edited or deleted in another tab meanwhile stays, and this one is kept beside it.
  const expected = new Map(await Promise.all(placeholders.map(async (p) => [p.id, (await lastWrittenReply(p.id)) ?? p] as const)));
  const committed = await commitReplies(conversationId, rows, expected, (row) => ({ ...row, id: newId() }));
  forgetWrittenReplies(placeholders.map((p) => p.id));
  if (committed.forked > 0)
    toast(
      'This reply was changed in another tab while it streamed. Both are kept: the finished reply is a new alternative beside it.',
      'info',
      { ms: 10_000 },
    );
  const conversation = await getConversation(conversationId);
  if (conversation) {
    // Off the main thread and after the reply is saved: the tokenizer's count, stored beside the usage.
    recordReplyEstimates(path, committed.rows, conversation.params).catch((err: unknown) =>
      console.error('Counting the reply failed', err),
    );
  }
  if (result.error) setRunError(conversationId, result.error);
  recordLast(conversationId, result);
}

/** The rows a run ends with, one per choice (a continuation joined to the reply it continues). */
function finalRows(conversationId: string, path: Message[], placeholders: Message[], result: FinishedRun, continueOf?: Message): Message[] {
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
      newMessage(conversationId, parentId, { role: 'assistant', choiceIndex: index, requestId: placeholders[0]!.requestId });
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
async function storeAudioReplies(rows: Message[], completion: Completion, conversationId: string): Promise<void> {
  if (!rows.some((r) => r.audio)) return;
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

export async function dropPlaceholders(conversationId: string, placeholders: Message[], leafId: string | null | undefined): Promise<void> {
  await deleteMessages(
    conversationId,
    placeholders.map((p) => p.id),
    leafId,
  );
}

function usageOrEstimate(path: Message[], choice: Choice | null, completion: Completion): Pick<Message, 'usage' | 'usageEstimated'> {
  const usage = choice?.usage ?? completion.usage;
  if (usage) return { usage, usageEstimated: false };
  // A placeholder until the tokenizer's count arrives (recordReplyEstimates), marked estimated either way.
  const promptText = path.map((m) => messageText(m.content)).join('\n');
  return { usage: estimatedUsage(promptText, (choice?.content ?? '') + (choice?.reasoning ?? '')), usageEstimated: true };
}

/** Status and headers of the latest response (rate limits, request id); usage lives on the messages. */
function recordLast(conversationId: string, result: RunResult): void {
  useLiveRuns.setState((s) => ({ last: { ...s.last, [conversationId]: { status: result.status, headers: result.headers } } }));
}
