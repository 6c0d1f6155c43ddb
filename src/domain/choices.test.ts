import { describe, expect, it } from 'vitest';
import { BUCKET_LABELS, choiceGroup, choiceStats, probability, probabilityBucket } from './choices';
import { tokensCoverText } from './token-groups';
import type { Message } from './types';

const msg = (id: string, fields: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c',
  parentId: 'u1',
  role: 'assistant',
  content: [{ type: 'text', text: `text of ${id}` }],
  status: 'done',
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

describe('choiceGroup', () => {
  it('collects the siblings of one request in choice order', () => {
    const a = msg('a', { requestId: 'r', choiceIndex: 1 });
    const b = msg('b', { requestId: 'r', choiceIndex: 0 });
    const c = msg('c', { requestId: 'r', choiceIndex: 2 });
    const other = msg('o', { requestId: 'r2', choiceIndex: 0 });
    expect(choiceGroup([a, other, c, b], a).map((m) => m.id)).toEqual(['b', 'a', 'c']);
  });
  it('is empty for a single choice, a user message or no leaf', () => {
    const a = msg('a', { requestId: 'r', choiceIndex: 0 });
    expect(choiceGroup([a], a)).toEqual([]);
    expect(choiceGroup([a], undefined)).toEqual([]);
    expect(choiceGroup([a], msg('u', { role: 'user', requestId: 'r' }))).toEqual([]);
  });
});

describe('choiceStats', () => {
  it('counts tokens from logprobs and derives speed from the timing', () => {
    const logprobs = Array.from({ length: 50 }, () => ({ token: 'x', logprob: -0.1, bytes: null, topLogprobs: [] }));
    const s = choiceStats(msg('a', { logprobs, timing: { startedAt: 1000, firstTokenAt: 1200, finishedAt: 2200 } }));
    expect(s).toEqual({ tokens: 50, estimated: false, ttftMs: 200, totalMs: 1200, tokensPerSec: 50 });
  });
  it('estimates tokens without logprobs and has no speed without timing', () => {
    const s = choiceStats(msg('a', { content: [{ type: 'text', text: 'a'.repeat(40) }] }));
    expect(s).toMatchObject({ tokens: 10, estimated: true, ttftMs: null, tokensPerSec: null });
  });
});

describe('logprob buckets', () => {
  it('maps probabilities to five buckets with matching labels', () => {
    expect(probability(0)).toBe(1);
    expect(probability(Number.NEGATIVE_INFINITY)).toBe(0);
    expect([Math.log(0.95), Math.log(0.8), Math.log(0.5), Math.log(0.2), Math.log(0.01)].map(probabilityBucket)).toEqual([0, 1, 2, 3, 4]);
    expect(BUCKET_LABELS).toHaveLength(5);
  });
  it('knows when tokens spell the text exactly', () => {
    const t = (token: string) => ({ token, logprob: 0, bytes: null, topLogprobs: [] });
    expect(tokensCoverText([t('Hel'), t('lo')], 'Hello')).toBe(true);
    expect(tokensCoverText([t('Hel')], 'Hello')).toBe(false);
    // An emoji split over tokens whose strings are escaped bytes: the bytes spell it.
    const b = (token: string, bytes: number[]) => ({ token, logprob: 0, bytes, topLogprobs: [] });
    expect(tokensCoverText([b('\\xf0\\x9f', [240, 159]), b('\\xa6', [166]), b('\\x9c', [156])], '🦜')).toBe(true);
  });
});
