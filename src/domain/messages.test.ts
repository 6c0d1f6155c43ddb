import { describe, expect, it } from 'vitest';
import { siblingsByMessage, siblingsOf } from './messages';
import type { Message } from './types';

const msg = (id: string, parentId: string | null, role: Message['role'], createdAt: number, choiceIndex?: number): Message => ({
  id,
  conversationId: 'c',
  parentId,
  role,
  content: [{ type: 'text', text: id }],
  status: 'done',
  createdAt,
  updatedAt: createdAt,
  ...(choiceIndex !== undefined ? { choiceIndex } : {}),
});

describe('siblingsByMessage', () => {
  // Two roots, a user turn edited twice, three choices of one request and a regenerated reply.
  const messages: Message[] = [
    msg('sys', null, 'system', 1),
    msg('root2', null, 'user', 2),
    msg('u1', 'sys', 'user', 3),
    msg('u1b', 'sys', 'user', 9),
    msg('a1c2', 'u1', 'assistant', 4, 2),
    msg('a1c0', 'u1', 'assistant', 4, 0),
    msg('a1c1', 'u1', 'assistant', 4, 1),
    msg('tool', 'u1', 'tool', 5),
    msg('a1r', 'u1', 'assistant', 8),
    msg('u2', 'a1c1', 'user', 6),
  ];
  const path = [messages[0]!, messages[2]!, messages[6]!, messages[9]!];

  it('gives every path message the same alternatives as siblingsOf, in the same order', () => {
    const map = siblingsByMessage(messages, path);
    for (const m of path) expect(map.get(m.id)?.map((s) => s.id)).toEqual(siblingsOf(messages, m).map((s) => s.id));
    expect(map.get('a1c1')?.map((s) => s.id)).toEqual(['a1c0', 'a1c1', 'a1c2', 'a1r']);
    expect(map.get('u1')?.map((s) => s.id)).toEqual(['u1', 'u1b']);
    expect(map.get('sys')?.map((s) => s.id)).toEqual(['sys', 'root2']);
  });

  it('keeps a path message that is not among the messages as its own only version', () => {
    const lone = msg('x', 'nowhere', 'user', 1);
    expect(siblingsByMessage(messages, [lone]).get('x')).toEqual([lone]);
  });
});
