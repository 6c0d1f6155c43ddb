import { describe, expect, it } from 'vitest';
import { replyFigures } from './reply-figures';
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
    parentId: 'u',
    role: 'assistant',
    content: [],
    status: 'done',
    createdAt: 1,
    updatedAt: 1,
    model: 'gpt-4o',
    ...fields,
  };
}
const prices = { inputPrice: 2, cachedInputPrice: 1, outputPrice: 10 };

describe('reply figures', () => {
  it('one reply: its own cost, cache-aware, and speed', () => {
    const m = reply('a', { usage: usage(1_000_000, 100_000, 500_000), timing: { startedAt: 0, firstTokenAt: 200, finishedAt: 1200 } });
    const f = replyFigures(m, [m], prices);
    expect(f.cost).toBeCloseTo(0.5 * 2 + 0.5 * 1 + 0.1 * 10);
    expect(f.requestCost).toBeNull();
    expect(f.speed).toEqual({ ttftMs: 200, totalMs: 1200, tokensPerSec: 100_000 });
  });
  it('no price is null, never $0', () => {
    const m = reply('a', { usage: usage(10, 10) });
    expect(replyFigures(m, [], {}).cost).toBeNull();
  });
  it('n>1 sharing one usage: the request is costed once and speed uses the choice’s own counted output', () => {
    const timing = { startedAt: 0, firstTokenAt: 100, finishedAt: 1100 };
    const a = reply('a', {
      requestId: 'r',
      choiceIndex: 0,
      usage: usage(1_000_000, 300),
      tokenEstimate: { promptTokens: 1, completionTokens: 50 },
      timing,
    });
    const b = reply('b', { requestId: 'r', choiceIndex: 1, usage: usage(1_000_000, 300), timing });
    const fa = replyFigures(a, [a, b], prices);
    expect(fa.sharedUsage).toBe(true);
    expect(fa.cost).toBeNull();
    expect(fa.requestCost).toBeCloseTo(2 + 0.003);
    expect(fa.speed.tokensPerSec).toBe(50);
    expect(replyFigures(b, [a, b], prices).speed.tokensPerSec).toBeNull();
  });
  it('n>1 with per-choice (estimated) usage: each choice its output, the request its prompt once', () => {
    const a = reply('a', { requestId: 'r', usage: usage(1_000_000, 100_000), usageEstimated: true });
    const b = reply('b', { requestId: 'r', usage: usage(1_000_000, 200_000), usageEstimated: true });
    const fb = replyFigures(b, [a, b], prices);
    expect(fb.sharedUsage).toBe(false);
    expect(fb.cost).toBeCloseTo(2);
    expect(fb.requestCost).toBeCloseTo(2 + 3);
  });
});
