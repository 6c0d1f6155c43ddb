/**
 * Structural edits of the current branch. The conversation is the path from the root to the
 * current leaf; other branches hang off it by `parentId`. Every edit here rewires parent links
 * so no other branch is ever detached or lost.
 */
import type { Message, MessageId } from './types';

export interface PathEdit {
  /** Rows to write (whole rows, already updated). */
  put: Message[];
  /** Ids to delete. */
  remove: string[];
  /** The new current leaf. */
  leafId: MessageId | null;
}

function touch(m: Message, patch: Partial<Message>, now: number): Message {
  return { ...m, ...patch, updatedAt: now };
}

/** Inserts `fresh` right after `afterIndex` of the path (-1 = at the very start). */
export function insertIntoPath(path: readonly Message[], afterIndex: number, fresh: Message, now: number): PathEdit {
  const parent = afterIndex >= 0 ? path[afterIndex] : undefined;
  const next = path[afterIndex + 1];
  const inserted: Message = { ...fresh, parentId: parent?.id ?? null };
  const put = [inserted];
  if (next) put.push(touch(next, { parentId: inserted.id }, now));
  const leaf = path.at(-1);
  return { put, remove: [], leafId: next ? (leaf?.id ?? inserted.id) : inserted.id };
}

/**
 * Deletes one message of the path. Its children (the next message and any other branch that
 * grew from it) move up to its parent, so nothing after it is lost.
 */
export function deleteFromPath(all: readonly Message[], path: readonly Message[], index: number, now: number): PathEdit {
  const target = path[index];
  if (!target) return { put: [], remove: [], leafId: path.at(-1)?.id ?? null };
  const children = all.filter((m) => m.parentId === target.id);
  const put = children.map((c) => touch(c, { parentId: target.parentId }, now));
  const isLeaf = index === path.length - 1;
  const leafId = isLeaf ? (path[index - 1]?.id ?? null) : (path.at(-1)?.id ?? null);
  return { put, remove: [target.id], leafId };
}

/** Swaps message `index` with its neighbour (`delta` = -1 up, +1 down) within the path. */
export function moveInPath(path: readonly Message[], index: number, delta: -1 | 1, now: number): PathEdit | null {
  const a = delta === -1 ? index - 1 : index; // the upper of the two
  const b = a + 1;
  const upper = path[a];
  const lower = path[b];
  if (!upper || !lower) return null;
  const after = path[b + 1];
  const put = [touch(lower, { parentId: upper.parentId }, now), touch(upper, { parentId: lower.id }, now)];
  if (after) put.push(touch(after, { parentId: upper.id }, now));
  const leafId = after ? (path.at(-1)?.id ?? null) : upper.id;
  return { put, remove: [], leafId };
}

/** A fresh copy of a message (new id, same content), not yet placed. */
export function copyOf(m: Message, id: MessageId, now: number): Message {
  const copy: Message = { ...structuredClone(m), id, createdAt: now, updatedAt: now };
  if (copy.status === 'streaming') copy.status = 'interrupted';
  return copy;
}

/** Tool calls of assistant messages above `index`, oldest first: what a tool message may answer. */
export function toolCallsAbove(path: readonly Message[], index: number): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  for (const m of path.slice(0, index)) for (const c of m.toolCalls ?? []) if (c.id) out.push({ id: c.id, name: c.name });
  return out;
}

/** Tool calls of the last assistant message that no later tool message answers yet. */
export function pendingToolCalls(path: readonly Message[]): { id: string; name: string; arguments: string }[] {
  let i = path.length - 1;
  while (i >= 0 && path[i]!.role === 'tool') i--;
  const assistant = path[i];
  if (!assistant || assistant.role !== 'assistant' || !assistant.toolCalls?.length) return [];
  const answered = new Set(path.slice(i + 1).map((m) => m.toolCallId));
  return assistant.toolCalls.filter((c) => !answered.has(c.id));
}

/** Default role of a message appended after `last`: the turn that usually follows. */
export function nextRole(last: Message | undefined): Message['role'] {
  if (!last) return 'system';
  if (last.role === 'user' || last.role === 'tool') return 'assistant';
  return 'user';
}
