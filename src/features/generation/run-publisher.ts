import { messageFieldsFromChoice } from '../../domain/completion';
import type { Completion, Message } from '../../domain/types';
import { putMessagesIf } from '../../lib/db/repo';
import type { RetryInfo } from '../../lib/openai/client';
import { patchRun, useLiveRuns, type LiveChoice } from './live-run-store';

/** How often a streaming reply is written to IndexedDB, so a reload keeps what had arrived. */
const PERSIST_EVERY_MS = 750;
/**
 * With several choices streaming side by side, each visible update costs layout and paint of every
 * column. Past a few choices the columns are refreshed less often the more there are (15 ms per
 * column: 8 columns about 8 times a second, still faster than anyone reads eight columns), so
 * rendering costs about the same per second however many there are and the main thread stays
 * mostly idle.
 */
const MANY_CHOICES = 3;
const FRAME_MS_PER_CHOICE = 15;
const MAX_FRAME_MS = 200;

/**
 * The version of each streaming reply this tab wrote last. Saves (and the final commit) only go
 * over that version: a reply edited or deleted meanwhile in another tab is left as that tab has it.
 */
const lastWritten = new Map<string, Message>();

const inFlight = new Map<string, Promise<unknown>>();

/** The version this tab wrote last, once its saves still under way have landed. */
export async function lastWrittenReply(id: string): Promise<Message | undefined> {
  await inFlight.get(id);
  return lastWritten.get(id);
}

export function forgetWrittenReplies(ids: readonly string[]): void {
  for (const id of ids) {
    lastWritten.delete(id);
    inFlight.delete(id);
  }
}

export interface RunPublisher {
  update(completion: Completion): void;
  retrying(info: RetryInfo): void;
  responded(info: { status: number; headers: Record<string, string> }): void;
  stop(): void;
  /** When each choice (by index) got its first output and its finish reason: speeds per choice. */
  choiceTimings(): Map<number, { firstAt?: number; doneAt?: number }>;
}

/**
 * Bridges the engine's per-chunk callbacks to the UI and the database:
 * at most one store update per animation frame, and a throttled write of the partial reply.
 * `saved` is the write of the placeholders, still under way while the request starts: the saves
 * of partial text (and the final commit, through lastWrittenReply) come after it.
 */
export function createRunPublisher(
  conversationId: string,
  requestId: string,
  placeholders: Message[],
  abort: () => void,
  saved: Promise<void> = Promise.resolve(),
): RunPublisher {
  for (const p of placeholders)
    inFlight.set(
      p.id,
      saved.catch(() => undefined),
    );
  let latest: Completion | null = null;
  let frame: number | null = null;
  let persistTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const diverged = new Set<string>();
  let publishedAt = 0;
  let delay: ReturnType<typeof setTimeout> | null = null;
  const idByIndex = new Map(placeholders.map((p) => [p.choiceIndex ?? 0, p.id]));
  const timings = new Map<number, { firstAt?: number; doneAt?: number }>();
  const noteTimes = (completion: Completion) => {
    const now = Date.now();
    for (const c of completion.choices) {
      let t = timings.get(c.index);
      if (!t) timings.set(c.index, (t = {}));
      if (
        t.firstAt === undefined &&
        ((c.content ?? '') !== '' || (c.reasoning ?? '') !== '' || c.toolCalls.length > 0 || (c.refusal ?? '') !== '')
      )
        t.firstAt = now;
      if (t.doneAt === undefined && c.finishReason) t.doneAt = now;
    }
  };

  // Several publishers share one run when a request is fanned out: their ids add up.
  const ids = placeholders.map((p) => p.id);
  const before = useLiveRuns.getState().runs[conversationId];
  patchRun(conversationId, {
    requestId,
    messageIds: before?.requestId === requestId ? [...new Set([...before.messageIds, ...ids])] : ids,
    abort,
  });

  const publish = () => {
    frame = null;
    if (stopped || !latest) return;
    publishedAt = performance.now();
    const run = useLiveRuns.getState().runs[conversationId];
    const previous = run?.choices ?? {};
    const choices: Record<string, LiveChoice> = { ...previous };
    let changed = false;
    for (const c of latest.choices) {
      const id = idByIndex.get(c.index);
      if (!id) continue;
      const next: LiveChoice = {
        content: c.content ?? '',
        reasoning: c.reasoning ?? '',
        refusal: c.refusal ?? '',
        toolCalls: c.toolCalls.map((t) => ({ ...t })),
        finishReason: c.finishReason,
      };
      // A choice that got nothing new this frame keeps its object, so its view does not re-render.
      const prev = previous[id];
      const same = prev !== undefined && sameChoice(prev, next);
      choices[id] = same ? prev : next;
      changed ||= !same;
    }
    if (!changed && run?.phase === 'streaming') return;
    patchRun(conversationId, { phase: 'streaming', retry: null, choices });
  };

  const persist = () => {
    persistTimer = null;
    if (stopped || !latest) return;
    const completion = latest;
    const batch: { p: Message; row: Message }[] = [];
    for (const p of placeholders) {
      const choice = completion.choices.find((c) => c.index === (p.choiceIndex ?? 0));
      if (!choice) continue;
      if (diverged.has(p.id)) continue;
      batch.push({ p, row: { ...p, ...messageFieldsFromChoice(choice, completion), status: 'streaming', updatedAt: Date.now() } });
    }
    if (batch.length === 0) return;
    // Every choice in one transaction, after this tab's earlier saves of them have landed.
    const write = Promise.all(batch.map(({ p }) => inFlight.get(p.id)))
      .then(() => putMessagesIf(batch.map(({ p, row }) => ({ row, expected: lastWritten.get(p.id) ?? p }))))
      .then((results) =>
        results.forEach((res, i) => {
          const { p, row } = batch[i]!;
          if (res.ok) lastWritten.set(p.id, row);
          else diverged.add(p.id); // changed in another tab: the final commit keeps both versions
        }),
      )
      .catch(() => {
        // A failed intermediate save is retried by the next one and by the final commit.
      });
    for (const { p } of batch) inFlight.set(p.id, write);
  };

  const nextFrame = () => {
    delay = null;
    frame =
      typeof requestAnimationFrame === 'function' && !document.hidden
        ? requestAnimationFrame(publish)
        : (setTimeout(publish, 50) as unknown as number);
  };
  const schedule = () => {
    if (frame === null && delay === null) {
      const choicesLive = useLiveRuns.getState().runs[conversationId]?.messageIds.length ?? 1;
      const every = Math.min(MAX_FRAME_MS, choicesLive * FRAME_MS_PER_CHOICE);
      const wait = choicesLive >= MANY_CHOICES ? every - (performance.now() - publishedAt) : 0;
      if (wait > 0) delay = setTimeout(nextFrame, wait);
      else nextFrame();
    }
    persistTimer ??= setTimeout(persist, PERSIST_EVERY_MS);
  };

  return {
    update(completion) {
      latest = completion;
      noteTimes(completion);
      schedule();
    },
    retrying(info) {
      patchRun(conversationId, {
        phase: 'retrying',
        retry: { attempt: info.attempt, maxRetries: info.maxRetries, until: Date.now() + info.delayMs, message: info.error.message },
      });
    },
    responded(info) {
      useLiveRuns.setState((s) => ({
        last: { ...s.last, [conversationId]: { status: info.status, headers: info.headers } },
      }));
    },
    choiceTimings: () => timings,
    stop() {
      stopped = true;
      if (frame !== null) {
        cancelAnimationFrame(frame);
        clearTimeout(frame);
      }
      if (delay !== null) clearTimeout(delay);
      if (persistTimer !== null) clearTimeout(persistTimer);
    },
  };
}

function sameChoice(a: LiveChoice, b: LiveChoice): boolean {
  return (
    a.content === b.content &&
    a.reasoning === b.reasoning &&
    a.refusal === b.refusal &&
    a.finishReason === b.finishReason &&
    a.toolCalls.length === b.toolCalls.length &&
    a.toolCalls.every((t, i) => t.id === b.toolCalls[i]!.id && t.name === b.toolCalls[i]!.name && t.arguments === b.toolCalls[i]!.arguments)
  );
}
