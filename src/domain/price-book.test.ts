import { describe, expect, it } from 'vitest';
import { laneEndpointId, personFacts } from './price-book';
import type { Message } from './types';

const reply = (extra?: Record<string, unknown>): Message => ({
  id: 'm' as Message['id'],
  conversationId: 'c' as Message['conversationId'],
  parentId: null,
  role: 'assistant',
  content: [],
  status: 'done',
  createdAt: 1,
  updatedAt: 1,
  ...(extra ? { extra } : {}),
});

describe('the price book', () => {
  it("a compared configuration is priced on its own profile's provider", () => {
    expect(laneEndpointId(reply({ compare: { lane: 1, of: 2, endpointId: 'ep-groq' } }))).toBe('ep-groq');
    expect(laneEndpointId(reply({ fanOut: { lane: 1, of: 3 } }))).toBeUndefined();
    expect(laneEndpointId(reply())).toBeUndefined();
  });

  it("the person's edits under general names apply first, the exact name's last", () => {
    const overrides = { 'gpt-4o': { inputPrice: 5, outputPrice: 20 }, 'gpt-4o-2024-08-06': { inputPrice: 3 } };
    expect(personFacts(overrides, 'openai/gpt-4o-2024-08-06')).toEqual({ inputPrice: 3, outputPrice: 20 });
    expect(personFacts(overrides, 'gpt-4.1')).toBeUndefined();
  });
});
