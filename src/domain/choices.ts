// The n choices of one request, side by side: which messages form the group, and the per-choice
// figures shown above each column. Pure: no React, no storage.
import { roughTokens } from './completion';
import { messageText } from './messages';
import { speedOf, type Speed } from './meter-stats';
import type { Message } from './types';

/** The choices of the request that produced `leaf` (siblings sharing its requestId), by index; [] when it had one. */
export function choiceGroup(messages: Message[], leaf: Message | undefined): Message[] {
  if (!leaf || leaf.role !== 'assistant' || !leaf.requestId) return [];
  const group = messages.filter((m) => m.requestId === leaf.requestId && m.parentId === leaf.parentId && m.role === 'assistant');
  if (group.length < 2) return [];
  return group.sort((a, b) => (a.choiceIndex ?? 0) - (b.choiceIndex ?? 0));
}

export interface ChoiceStats extends Speed {
  /** Tokens of this choice: counted from its logprobs when present, else estimated (~4 chars each). */
  tokens: number;
  estimated: boolean;
}

export function choiceStats(message: Message, liveText?: string): ChoiceStats {
  const text = liveText ?? messageText(message.content) + (message.reasoning ?? '');
  const counted = message.logprobs?.length;
  const tokens = counted ?? roughTokens(text);
  return { tokens, estimated: counted === undefined, ...speedOf(message.timing, tokens) };
}

/** Probability of a token from its logprob, clamped to [0, 1]. */
export function probability(logprob: number): number {
  if (!Number.isFinite(logprob)) return 0;
  return Math.min(1, Math.max(0, Math.exp(logprob)));
}

/** Heat-map bucket 0 (confident) … 4 (unlikely), so the legend and the tint agree. */
export function probabilityBucket(logprob: number): 0 | 1 | 2 | 3 | 4 {
  const p = probability(logprob);
  if (p >= 0.9) return 0;
  if (p >= 0.7) return 1;
  if (p >= 0.4) return 2;
  if (p >= 0.15) return 3;
  return 4;
}

export const BUCKET_LABELS = ['≥ 90%', '70–90%', '40–70%', '15–40%', '< 15%'] as const;
