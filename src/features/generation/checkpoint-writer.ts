import { messageFieldsFromChoice } from '../../domain/completion';
import type { Completion, Message } from '../../domain/types';
import { createVersionTracker } from '../../lib/db/repo';
import type { GenerationDeps } from './deps';

/** How often a streaming reply is written to IndexedDB, so a reload keeps what had arrived. */
export const CHECKPOINT_EVERY_MS = 750;

/**
 * The version of each streaming reply this tab wrote last, and its writes under way. Saves (and
 * the final commit, through `settledReply`) only go over that version: a reply edited or deleted
 * meanwhile in another tab is left as that tab has it.
 */
const replies = createVersionTracker<Message>();

/** The version this tab last wrote of a reply, once its saves still under way have landed. */
export function settledReply(id: string): Promise<Message | undefined> {
  return replies.settled(id);
}

export function forgetReplies(ids: readonly string[]): void {
  replies.forget(ids);
}

export interface CheckpointWriter {
  /** The latest state of the request; written at most every CHECKPOINT_EVERY_MS. */
  update(completion: Completion): void;
  stop(): void;
}

/**
 * Throttled saves of the partial replies of one request. `saved` is the write of the
 * placeholders, still under way while the request starts: every save chains after it.
 */
export function createCheckpointWriter(
  placeholders: readonly Message[],
  saved: Promise<unknown>,
  deps: Pick<GenerationDeps, 'repo' | 'clock'>,
): CheckpointWriter {
  replies.track(
    placeholders.map((p) => p.id),
    saved,
  );
  let latest: Completion | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  /** Replies another tab changed meanwhile: no more saves; the final commit keeps both versions. */
  const diverged = new Set<string>();

  const write = () => {
    timer = null;
    if (stopped || !latest) return;
    const completion = latest;
    const batch: { p: Message; row: Message }[] = [];
    for (const p of placeholders) {
      const choice = completion.choices.find((c) => c.index === (p.choiceIndex ?? 0));
      if (!choice || diverged.has(p.id)) continue;
      batch.push({ p, row: { ...p, ...messageFieldsFromChoice(choice, completion), status: 'streaming', updatedAt: deps.clock.now() } });
    }
    if (batch.length === 0) return;
    // Every choice in one transaction, after this tab's earlier saves of them have landed.
    void replies
      .after(
        batch.map(({ p }) => p.id),
        () => deps.repo.putMessagesIf(batch.map(({ p, row }) => ({ row, expected: replies.known(p.id) ?? p }))),
      )
      .then((results) =>
        results.forEach((res, i) => {
          const { p, row } = batch[i]!;
          if (res.ok) replies.remember(p.id, row);
          else diverged.add(p.id);
        }),
      )
      .catch(() => {
        // A failed intermediate save is retried by the next one and by the final commit.
      });
  };

  return {
    update(completion) {
      latest = completion;
      timer ??= deps.clock.setTimeout(write, CHECKPOINT_EVERY_MS);
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
    },
  };
}
