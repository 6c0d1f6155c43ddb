import type { Completion, ConversationId, Message } from '../../domain/types';
import type { RetryInfo } from '../../lib/openai/client';
import { patchRun, useLiveRuns, type LiveChoice } from './live-run-store';

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
 * A fast stream (1,000+ tokens/s, Groq- and Cerebras-class) changes the text every frame, and each
 * visible update costs React, style, layout and paint of the growing reply: about 5 ms a frame
 * here, most of the page's work, so at 60 updates a second the main thread was 80 % busy. Past
 * reading speed nobody follows the text word by word, so a stream that brings more than
 * FAST_CHARS_PER_S is shown FAST_UPDATES_PER_S times a second (its last text at once when it ends):
 * the rest of the main thread stays free for typing and scrolling. Slower streams update every frame.
 */
const FAST_CHARS_PER_S = 1500;
const FAST_UPDATE_MS = 1000 / 15;

/**
 * And whatever the speed, after each update the view rests at least this many times what the
 * update measurably cost (a long reply with tables and many blocks), so it never takes more than
 * a fifth of the main thread.
 */
const REST_PER_COST = 4;

/** How long to wait before the next visible update (0: the next frame). */
export function publishDelay(choices: number, costMs: number, charsPerS: number, sincePublishedMs: number): number {
  const perChoices = choices >= MANY_CHOICES ? Math.min(MAX_FRAME_MS, choices * FRAME_MS_PER_CHOICE) : 0;
  const byCost = Math.min(MAX_FRAME_MS, costMs * (1 + REST_PER_COST));
  const bySpeed = charsPerS > FAST_CHARS_PER_S ? FAST_UPDATE_MS : 0;
  return Math.max(0, Math.max(perChoices, byCost, bySpeed) - sincePublishedMs);
}

/** Runs `then` after the current frame has been rendered (a task queued now runs after this frame's paint). */
function afterRender(then: () => void): void {
  if (typeof MessageChannel !== 'function') return;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    then();
  };
  channel.port2.postMessage(null);
}

export type ChoiceTimings = Map<number, { firstAt?: number; doneAt?: number }>;

export interface FramePublisher {
  update(completion: Completion): void;
  retrying(info: RetryInfo): void;
  responded(info: { status: number; headers: Record<string, string> }): void;
  stop(): void;
  /** When each choice (by index) got its first output and its finish reason: speeds per choice. */
  choiceTimings(): ChoiceTimings;
}

/**
 * Shows a request's progress: at most one live-run store update per animation frame (the views
 * subscribe per message), retries and the response status. Nothing here touches the database
 * (see checkpoint-writer).
 */
export function createFramePublisher(
  conversationId: ConversationId,
  requestId: string,
  placeholders: readonly Message[],
  abort: () => void,
  now: () => number,
): FramePublisher {
  let latest: Completion | null = null;
  let frame: number | null = null;
  let stopped = false;
  let publishedAt = 0;
  /** What a visible update costs (React + style + layout + paint), smoothed. */
  let updateCost = 0;
  /** How fast text arrives (characters per second, all choices), smoothed over updates. */
  let charsPerS = 0;
  let publishedChars = 0;
  let delay: ReturnType<typeof setTimeout> | null = null;
  const idByIndex = new Map(placeholders.map((p) => [p.choiceIndex ?? 0, p.id]));
  const timings: ChoiceTimings = new Map();
  const noteTimes = (completion: Completion) => {
    const at = now();
    for (const c of completion.choices) {
      let t = timings.get(c.index);
      if (!t) timings.set(c.index, (t = {}));
      if (t.firstAt === undefined && hasOutput(c)) t.firstAt = at;
      if (t.doneAt === undefined && c.finishReason) t.doneAt = at;
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
    const started = performance.now();
    const chars = textLength(latest);
    if (publishedAt > 0 && started > publishedAt) {
      const speed = ((chars - publishedChars) * 1000) / (started - publishedAt);
      charsPerS = charsPerS === 0 ? speed : charsPerS * 0.6 + speed * 0.4;
    }
    publishedChars = chars;
    patchRun(conversationId, { phase: 'streaming', retry: null, choices });
    publishedAt = started;
    afterRender(() => {
      updateCost = updateCost === 0 ? performance.now() - started : updateCost * 0.7 + (performance.now() - started) * 0.3;
    });
  };

  const nextFrame = () => {
    delay = null;
    frame =
      typeof requestAnimationFrame === 'function' && !document.hidden
        ? requestAnimationFrame(publish)
        : (setTimeout(publish, 50) as unknown as number);
  };
  const schedule = () => {
    if (frame !== null || delay !== null) return;
    const choicesLive = useLiveRuns.getState().runs[conversationId]?.messageIds.length ?? 1;
    const wait = publishDelay(choicesLive, updateCost, charsPerS, performance.now() - publishedAt);
    if (wait > 0) delay = setTimeout(nextFrame, wait);
    else nextFrame();
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
        retry: { attempt: info.attempt, maxRetries: info.maxRetries, until: now() + info.delayMs, message: info.error.message },
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
        if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
        clearTimeout(frame);
      }
      if (delay !== null) clearTimeout(delay);
    },
  };
}

function textLength(completion: Completion): number {
  let n = 0;
  for (const c of completion.choices) n += (c.content?.length ?? 0) + (c.reasoning?.length ?? 0) + (c.refusal?.length ?? 0);
  return n;
}

function hasOutput(c: Completion['choices'][number]): boolean {
  return (c.content ?? '') !== '' || (c.reasoning ?? '') !== '' || c.toolCalls.length > 0 || (c.refusal ?? '') !== '';
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
