/**
 * What one reply's footer shows: its tokens (server usage and our estimate side by side), its cost
 * and its speed. For a response with several choices the usage is usually one object for all of
 * them (billed once): then the cost is the request's and tokens per second use this choice's own
 * counted output; when each choice has its own usage (or our per-choice estimate), each gets its own.
 */
import { replyCost, replySpeed, type Speed } from './meter-stats';
import { costUSD, type ModelFacts } from './model-facts';
import type { Message, Usage } from './types';

export interface ReplyFigures {
  usage: Usage | null;
  estimated: boolean;
  tokenEstimate: Message['tokenEstimate'] | null;
  /** Cost of this reply (single choice) or of this choice's output (n > 1 with per-choice usage). */
  cost: number | null;
  /** n > 1: the whole request's cost (prompt billed once), else null. */
  requestCost: number | null;
  choices: number;
  /** True when the usage covers all choices together (this choice's own share is unknown). */
  sharedUsage: boolean;
  speed: Speed;
}

function sameUsage(a: Usage | null | undefined, b: Usage | null | undefined): boolean {
  return !!a && !!b && a.promptTokens === b.promptTokens && a.completionTokens === b.completionTokens && a.totalTokens === b.totalTokens;
}

export function replyFigures(message: Message, sameRequest: readonly Message[], facts: ModelFacts | undefined): ReplyFigures {
  const choices = sameRequest.length > 1 ? sameRequest : [message];
  const usage = message.usage ?? null;
  const estimated = message.usageEstimated === true;
  const tokenEstimate = message.tokenEstimate ?? null;
  const base = { usage, estimated, tokenEstimate, choices: choices.length };
  if (choices.length <= 1)
    return { ...base, cost: replyCost(message, facts), requestCost: null, sharedUsage: false, speed: replySpeed(message) };
  const shared = !estimated && choices.every((c) => sameUsage(c.usage, usage));
  if (shared) {
    // The usage is the request's: tokens per second from this choice's own counted output.
    const own = tokenEstimate?.completionTokens;
    const speed = replySpeed(
      own === undefined
        ? { ...message, usage: null }
        : { ...message, usage: { promptTokens: null, completionTokens: own, totalTokens: null, raw: {} } },
    );
    return { ...base, cost: null, requestCost: replyCost(message, facts), sharedUsage: true, speed };
  }
  const prompt = usage?.promptTokens ?? null;
  const outputs = choices.map((c) => c.usage?.completionTokens ?? null);
  const completion = usage?.completionTokens ?? null;
  const cost = facts && completion !== null ? costUSD({ promptTokens: 0, completionTokens: completion }, facts) : null;
  const requestCost =
    facts && prompt !== null && outputs.every((o) => o !== null)
      ? costUSD(
          {
            promptTokens: prompt,
            cachedPromptTokens: usage?.cachedPromptTokens ?? 0,
            completionTokens: outputs.reduce<number>((s, o) => s + (o ?? 0), 0),
          },
          facts,
        )
      : null;
  return { ...base, cost, requestCost, sharedUsage: false, speed: replySpeed(message) };
}
