import { describe, expect, it } from 'vitest';
import { checkConversation } from './conversation-checks';
import { deleteFromPath, insertIntoPath, moveInPath, nextRole, pendingToolCalls } from './conversation-edits';
import { pathToLeaf, textContent } from './messages';
import type { Message } from './types';

let t = 0;
function msg(id: string, parentId: string | null, fields: Partial<Message> = {}): Message {
  t++;
  return {
    id,
    conversationId: 'c',
    parentId,
    role: 'user',
    content: textContent(id),
    status: 'done',
    createdAt: t,
    updatedAt: t,
    ...fields,
  };
}

/** Applies an edit to a message list the way the repository does. */
function applied(all: Message[], edit: { put: Message[]; remove: string[] }): Message[] {
  const byId = new Map(all.map((m) => [m.id, m]));
  for (const id of edit.remove) byId.delete(id);
  for (const m of edit.put) byId.set(m.id, m);
  return [...byId.values()];
}

function chain(): Message[] {
  return [msg('a', null), msg('b', 'a', { role: 'assistant' }), msg('c', 'b'), msg('d', 'c', { role: 'assistant' })];
}

describe('structural edits of the current branch', () => {
  it('inserts in the middle and at the end, keeping the leaf', () => {
    const all = chain();
    const path = pathToLeaf(all, 'd');
    const mid = insertIntoPath(path, 1, msg('x', null), 99);
    const after = applied(all, mid);
    expect(pathToLeaf(after, mid.leafId).map((m) => m.id)).toEqual(['a', 'b', 'x', 'c', 'd']);
    const end = insertIntoPath(path, 3, msg('y', null), 99);
    expect(end.leafId).toBe('y');
    const start = insertIntoPath(path, -1, msg('z', null), 99);
    expect(pathToLeaf(applied(all, start), start.leafId).map((m) => m.id)).toEqual(['z', 'a', 'b', 'c', 'd']);
  });

  it('moves up and down, at the ends too', () => {
    const all = chain();
    const path = pathToLeaf(all, 'd');
    const up = moveInPath(path, 2, -1, 99)!;
    expect(pathToLeaf(applied(all, up), up.leafId).map((m) => m.id)).toEqual(['a', 'c', 'b', 'd']);
    const last = moveInPath(path, 2, 1, 99)!;
    expect(pathToLeaf(applied(all, last), last.leafId).map((m) => m.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(moveInPath(path, 0, -1, 99)).toBeNull();
    expect(moveInPath(path, 3, 1, 99)).toBeNull();
  });

  it('deleting a message keeps its other branches attached', () => {
    const all = [...chain(), msg('c2', 'b'), msg('d2', 'c2', { role: 'assistant' })];
    const path = pathToLeaf(all, 'd');
    const edit = deleteFromPath(all, path, 1, 99);
    const after = applied(all, edit);
    expect(pathToLeaf(after, edit.leafId).map((m) => m.id)).toEqual(['a', 'c', 'd']);
    expect(pathToLeaf(after, 'd2').map((m) => m.id)).toEqual(['a', 'c2', 'd2']);
    const leaf = deleteFromPath(all, path, 3, 99);
    expect(leaf.leafId).toBe('c');
  });

  it('finds tool calls still waiting for results and the usual next role', () => {
    const calls = [
      { id: 'k1', name: 'f', arguments: '{}' },
      { id: 'k2', name: 'g', arguments: '{}' },
    ];
    const path = [
      msg('u', null),
      msg('a', 'u', { role: 'assistant', toolCalls: calls }),
      msg('t', 'a', { role: 'tool', toolCallId: 'k1' }),
    ];
    expect(pendingToolCalls(path).map((c) => c.id)).toEqual(['k2']);
    expect(nextRole(undefined)).toBe('system');
    expect(nextRole(path[0])).toBe('assistant');
    expect(nextRole(path[1])).toBe('user');
  });
});

describe('checks before sending', () => {
  it('warns about orphan tool results, unanswered calls, empty content, images and role mismatches', () => {
    const path = [
      msg('s', null, { role: 'system', content: textContent('be brief') }),
      msg('u', 's', {
        content: [
          { type: 'text', text: 'look' },
          { type: 'image', source: { kind: 'url', url: 'https://x/y.png' }, detail: 'auto' },
        ],
      }),
      msg('a', 'u', { role: 'assistant', content: [], toolCalls: [{ id: 'k1', name: 'f', arguments: '{' }] }),
      msg('t', 'a', { role: 'tool', toolCallId: 'nope', content: textContent('') }),
    ];
    const text = checkConversation(path, 'o3-mini')
      .map((w) => w.message)
      .join('\n');
    expect(text).toContain('answers "nope", which matches no earlier tool call');
    expect(text).toContain('k1 left without a result');
    expect(text).toContain('Message 4 (tool) is empty.');
    expect(text).toContain('not known to accept images');
    expect(text).toContain('expects a developer message rather than system');
    expect(text).toContain('arguments of f are not valid JSON');
    expect(checkConversation([msg('d', null, { role: 'developer' })], 'meta-llama/llama-3.1-8b').map((w) => w.message)).toContain(
      'meta-llama/llama-3.1-8b may not know the developer role; use system.',
    );
    expect(checkConversation([msg('ok', null)], 'gpt-4o')).toEqual([]);
  });
});
