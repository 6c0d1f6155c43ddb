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
    const every = Math.min(MAX_FRAME_MS, choicesLive * FRAME_MS_PER_CHOICE);
    const wait = choicesLive >= MANY_CHOICES ? every - (performance.now() - publishedAt) : 0;
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
