import { describe, expect, it } from 'vitest';
import { billedReplies, conversationSeries, formatUSD, rateLimits, replyCost, replySpeed, totalCost } from './meter-stats';
import type { Message, Usage } from './types';

const usage = (p: number, c: number, cached = 0): Usage => ({
  promptTokens: p,
  completionTokens: c,
  totalTokens: p + c,
  cachedPromptTokens: cached,
  raw: {},
});
function reply(id: string, fields: Partial<Message>): Message {
  return {
    id,
    conversationId: 'c',
    parentId: null,
    role: 'assistant',
    content: [],
    status: 'done',
    createdAt: 1,
    updatedAt: 1,
    model: 'gpt-4o',
    ...fields,
  };
}
const prices = { inputPrice: 2.5, cachedInputPrice: 1.25, outputPrice: 10 };

describe('cost', () => {
  it('bills cached prompt tokens at the cached price', () => {
    expect(replyCost(reply('a', { usage: usage(1_000_000, 0, 400_000) }), prices)).toBeCloseTo(0.6 * 2.5 + 0.4 * 1.25);
    expect(replyCost(reply('a', { usage: usage(0, 1_000_000) }), prices)).toBe(10);
  });
  it('says "no price" (null) rather than a wrong number', () => {
    expect(replyCost(reply('a', { usage: usage(10, 10) }), {})).toBeNull();
    const t = totalCost(
      [reply('a', { usage: usage(1e6, 0) }), reply('b', { usage: usage(10, 10), model: 'mystery' })],
      (m) => (m === 'gpt-4o' ? prices : undefined),
      'gpt-4o',
    );
    expect(t).toEqual({ usd: 2.5, unpriced: 1, priced: 1 });
  });
  it('counts the shared usage of n>1 choices once', () => {
    const list = [
      reply('a', { usage: usage(10, 30), requestId: 'r' }),
      reply('b', { usage: usage(10, 30), requestId: 'r' }),
      reply('c', { usage: usage(5, 5), requestId: 's' }),
    ];
    expect(billedReplies(list).map((m) => m.id)).toEqual(['a', 'c']);
    expect(conversationSeries(list, () => prices, 'gpt-4o').map((p) => p.tokens)).toEqual([40, 10]);
  });
  it('counts each lane of a fan-out or compare: separate requests sharing the run id, each with its own usage', () => {
    const list = [0, 1, 2].map((i) => reply(`f${i}`, { usage: usage(10, 5), requestId: 'run', extra: { fanOut: { lane: i + 1, of: 3 } } }));
    list.push(reply('c1', { usage: usage(7, 3), requestId: 'cmp', extra: { compare: { lane: 1, of: 2 } } }));
    list.push(reply('c2', { usage: usage(7, 4), requestId: 'cmp', extra: { compare: { lane: 2, of: 2 } } }));
    expect(billedReplies(list).map((m) => m.id)).toEqual(['f0', 'f1', 'f2', 'c1', 'c2']);
    expect(totalCost(list, () => prices, 'gpt-4o').priced).toBe(5);
  });
  it('formats small amounts with enough digits', () => {
    expect(formatUSD(0.000125)).toBe('$0.000125');
    expect(formatUSD(0.0042)).toBe('$0.0042');
    expect(formatUSD(1.5)).toBe('$1.50');
    expect(formatUSD(0.0125)).toBe('$0.0125');
    expect(formatUSD(0.011875)).toBe('$0.0119');
    expect(formatUSD(0.5)).toBe('$0.50');
    expect(formatUSD(0.04)).toBe('$0.04');
  });
});

describe('speed and rate limits', () => {
  it('time to first token, total and tokens per second after the first token', () => {
    expect(replySpeed(reply('a', { usage: usage(1, 100), timing: { startedAt: 0, firstTokenAt: 500, finishedAt: 2500 } }))).toEqual({
      ttftMs: 500,
      totalMs: 2500,
      tokensPerSec: 50,
    });
  });
  it('groups x-ratelimit-* headers', () => {
    expect(
      rateLimits({
        'x-ratelimit-remaining-requests': '9',
        'x-ratelimit-limit-requests': '10',
        'x-ratelimit-reset-tokens': '1s',
        'content-type': 'x',
      }),
    ).toEqual([
      { what: 'requests', remaining: '9', limit: '10' },
      { what: 'tokens', reset: '1s' },
    ]);
  });
});
