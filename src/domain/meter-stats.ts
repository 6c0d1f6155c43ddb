/**
 * After a reply: cost (cache-aware), speed, rate limits and the series over a conversation.
 * Pure; prices come from model facts (see model-facts.ts).
 */
import { costUSD } from './model-facts';
import type { ModelFacts } from './model-facts';
import type { Message, MessageTiming } from './types';

/** Cost of one reply in USD; null when it has no usage or its model has no price. */
export function replyCost(message: Message, facts: ModelFacts | undefined): number | null {
  const u = message.usage;
  if (!u || !facts || u.promptTokens === null || u.completionTokens === null) return null;
  return costUSD(
    { promptTokens: u.promptTokens, completionTokens: u.completionTokens, cachedPromptTokens: u.cachedPromptTokens ?? 0 },
    facts,
  );
}

/**
 * What one billed request is known by. The choices of one request share its id; the lanes of a
 * fan-out or compare share the run's id too, but each is a request of its own with its own usage.
 */
export function billingKey(m: Message): string {
  const lane = m.extra?.['fanOut'] !== undefined || m.extra?.['compare'] !== undefined;
  return lane || !m.requestId ? m.id : m.requestId;
}

/**
 * Choices of one request share the prompt, which is billed once: only the first choice carries
 * the prompt's cost, the others only their completion.
 */
export function billedReplies(messages: readonly Message[]): Message[] {
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const m of messages) {
    if (m.role !== 'assistant' || !m.usage || m.status === 'streaming') continue;
    const req = billingKey(m);
    if (req && seen.has(req)) {
      // The usage of n>1 responses is for all choices together: count it once.
      continue;
    }
    if (req) seen.add(req);
    out.push(m);
  }
  return out;
}

export interface CostTotal {
  usd: number;
  /** Replies whose model has no known price (their cost is not in usd). */
  unpriced: number;
  priced: number;
}

export function totalCost(
  messages: readonly Message[],
  factsFor: (model: string, message?: Message) => ModelFacts | undefined,
  fallbackModel: string,
): CostTotal {
  let usd = 0;
  let unpriced = 0;
  let priced = 0;
  for (const m of billedReplies(messages)) {
    const c = replyCost(m, factsFor(m.model ?? fallbackModel, m));
    if (c === null) unpriced++;
    else {
      usd += c;
      priced++;
    }
  }
  return { usd, unpriced, priced };
}

export interface DayTotal extends CostTotal {
  tokens: number;
  /** Billed requests (each fan-out lane and compared configuration is one; n choices of one request are one). */
  replies: number;
}

/**
 * What a set of stored replies cost, each priced by its own model on its own provider (the
 * `factsFor` of its conversation): the daily figure, recomputed from what is stored.
 */
export function dayTotal(replies: readonly Message[], factsFor: (m: Message) => ModelFacts | undefined): DayTotal {
  const out: DayTotal = { usd: 0, unpriced: 0, priced: 0, tokens: 0, replies: 0 };
  for (const m of billedReplies(replies)) {
    out.replies++;
    out.tokens += m.usage?.totalTokens ?? (m.usage?.promptTokens ?? 0) + (m.usage?.completionTokens ?? 0);
    const c = replyCost(m, factsFor(m));
    if (c === null) out.unpriced++;
    else {
      out.usd += c;
      out.priced++;
    }
  }
  return out;
}

/** Local midnight of the day `epochMs` falls in. */
export function startOfDay(epochMs: number): number {
  const d = new Date(epochMs);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Dollars with three significant digits below $1 ($0.0125, $0.000125, $0.50), cents above. */
export function formatUSD(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  const text = Number(usd.toPrecision(3)).toString();
  const decimals = text.split('.')[1]?.length ?? 0;
  return `$${decimals < 2 ? Number(text).toFixed(2) : text}`;
}

export interface Speed {
  ttftMs: number | null;
  totalMs: number | null;
  tokensPerSec: number | null;
}

/** Generation shorter than this (a non-streamed answer arrives all at once) gives no meaningful speed. */
const MIN_GENERATION_MS = 50;

/** Time to first token, total time and output speed: the one speed rule for replies, choices and columns. */
export function speedOf(timing: MessageTiming | undefined, outputTokens: number | null): Speed {
  const ttftMs = timing?.firstTokenAt !== undefined ? timing.firstTokenAt - timing.startedAt : null;
  const totalMs = timing?.finishedAt !== undefined ? timing.finishedAt - timing.startedAt : null;
  const genMs = timing?.finishedAt !== undefined && timing.firstTokenAt !== undefined ? timing.finishedAt - timing.firstTokenAt : null;
  const tokensPerSec =
    outputTokens !== null && outputTokens > 0 && genMs !== null && genMs > MIN_GENERATION_MS ? (outputTokens / genMs) * 1000 : null;
  return { ttftMs, totalMs, tokensPerSec };
}

/** A reply's speed, from the output tokens its usage reports. */
export function replySpeed(message: Message): Speed {
  return speedOf(message.timing, message.usage?.completionTokens ?? null);
}

export interface RateLimit {
  what: 'requests' | 'tokens' | string;
  limit?: string;
  remaining?: string;
  reset?: string;
}

/** The `x-ratelimit-*` headers grouped by what they limit (requests, tokens, …). */
export function rateLimits(headers: Record<string, string> | undefined): RateLimit[] {
  if (!headers) return [];
  const by = new Map<string, RateLimit>();
  for (const [name, value] of Object.entries(headers)) {
    const m = /^x-ratelimit-(limit|remaining|reset)-(.+)$/i.exec(name);
    if (!m) continue;
    const what = m[2]!.toLowerCase();
    const row = by.get(what) ?? { what };
    row[m[1]!.toLowerCase() as 'limit' | 'remaining' | 'reset'] = value;
    by.set(what, row);
  }
  return [...by.values()].sort((a, b) => a.what.localeCompare(b.what));
}

export interface SeriesPoint {
  /** 1-based reply number along the conversation. */
  n: number;
  tokens: number;
  cost: number | null;
  cumulativeCost: number;
}

/** Tokens and cost of each reply along the conversation, for the chart. */
export function conversationSeries(
  path: readonly Message[],
  factsFor: (model: string, message?: Message) => ModelFacts | undefined,
  fallbackModel: string,
): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let cumulative = 0;
  for (const m of billedReplies(path)) {
    const cost = replyCost(m, factsFor(m.model ?? fallbackModel, m));
    cumulative += cost ?? 0;
    points.push({
      n: points.length + 1,
      tokens: m.usage?.totalTokens ?? (m.usage?.promptTokens ?? 0) + (m.usage?.completionTokens ?? 0),
      cost,
      cumulativeCost: cumulative,
    });
  }
  return points;
}

export function dayKey(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
