import type { ContentPart, Message, MessageId } from './types';

/** The text of a message's parts, joined; non-text parts are skipped. */
export function messageText(content: readonly ContentPart[]): string {
  let out = '';
  for (const part of content) if (part.type === 'text') out += part.text;
  return out;
}

export function textContent(text: string): ContentPart[] {
  return [{ type: 'text', text }];
}

/**
 * The path from the root to `leafId` (inclusive), following parent links.
 * Messages unreachable from the leaf are other branches and are not part of the path.
 */
export function pathToLeaf(messages: readonly Message[], leafId: MessageId | null): Message[] {
  if (leafId === null) return [];
  const byId = new Map<string, Message>(messages.map((m) => [m.id, m]));
  const path: Message[] = [];
  const seen = new Set<string>();
  let cur = byId.get(leafId);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    path.push(cur);
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return path.reverse();
}

/** A title from the first user message: one line, at most 60 characters. */
export function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return 'New conversation';
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line;
}

/** Alternatives of a turn: messages sharing the parent (and role family) of `message`, oldest first. */
export function siblingsOf(messages: readonly Message[], message: Message): Message[] {
  return messages
    .filter((m) => m.parentId === message.parentId && (m.role === 'assistant') === (message.role === 'assistant'))
    .sort((a, b) => a.createdAt - b.createdAt || (a.choiceIndex ?? 0) - (b.choiceIndex ?? 0));
}

/**
 * `siblingsOf` for every message of `path` in one pass over `messages` (a 1,000-message
 * conversation would otherwise filter all of it once per message, on every save while streaming).
 */
export function siblingsByMessage(messages: readonly Message[], path: readonly Message[]): Map<string, Message[]> {
  const groups = new Map<string, Message[]>();
  const keyOf = (m: Message): string => `${m.role === 'assistant' ? 'a' : 'o'}${m.parentId === null ? '' : `:${m.parentId}`}`;
  const wanted = new Set(path.map(keyOf));
  for (const m of messages) {
    const key = keyOf(m);
    if (!wanted.has(key)) continue;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  const order = (a: Message, b: Message): number => a.createdAt - b.createdAt || (a.choiceIndex ?? 0) - (b.choiceIndex ?? 0);
  for (const list of groups.values()) list.sort(order);
  const out = new Map<string, Message[]>();
  for (const m of path) out.set(m.id, groups.get(keyOf(m)) ?? [m]);
  return out;
}

/** The leaf reached from `id` by always following the newest child: where a branch switch lands. */
export function newestLeafFrom(messages: readonly Message[], id: MessageId): MessageId {
  const children = new Map<string, Message[]>();
  for (const m of messages) {
    if (m.parentId === null) continue;
    const list = children.get(m.parentId);
    if (list) list.push(m);
    else children.set(m.parentId, [m]);
  }
  let cur = id;
  for (let guard = 0; guard < 100_000; guard++) {
    const kids = children.get(cur);
    if (!kids || kids.length === 0) break;
    cur = kids.reduce((a, b) => (b.createdAt > a.createdAt ? b : a)).id;
  }
  return cur;
}
