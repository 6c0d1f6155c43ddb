import { describe, expect, it } from 'vitest';
import { leafAfterReply, sameWritten } from './message-versions';
import type { Message } from './types';

const m = (fields: Partial<Message> = {}): Message => ({
  id: 'a',
  conversationId: 'c',
  parentId: null,
  role: 'user',
  content: [{ type: 'text', text: 'hi' }],
  status: 'done',
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

describe('message versions', () => {
  it('a move or a recount is not a change of what was written; text, role or name is', () => {
    expect(sameWritten(m(), m({ parentId: 'x', updatedAt: 9, status: 'interrupted' }))).toBe(true);
    expect(sameWritten(m(), m({ content: [{ type: 'text', text: 'hi!' }] }))).toBe(false);
    expect(sameWritten(m(), m({ role: 'system' }))).toBe(false);
    expect(sameWritten(m(), m({ name: 'bob' }))).toBe(false);
  });
  it('keeps a deeper leaf grown from the reply, else moves to the reply', () => {
    const parents: Record<string, string | null> = { r: 'u', x: 'r', y: 'x', other: 'u' };
    expect(leafAfterReply('r', 'y', (id) => parents[id])).toBe('y');
    expect(leafAfterReply('r', 'other', (id) => parents[id])).toBe('r');
    expect(leafAfterReply('r', null, (id) => parents[id])).toBe('r');
  });
});
