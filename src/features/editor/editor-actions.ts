import { createMessage } from '../../domain/factories';
/** What the editor does to the stored conversation. Every structural edit is one transaction. */
import { newMessageId } from '../../domain/ids';
import { notify } from '../../lib/notify/notify';
import { copyOf, deleteFromPath, insertIntoPath, moveInPath, nextRole, type PathEdit } from '../../domain/conversation-edits';
import { pathToLeaf, textContent } from '../../domain/messages';
import type { ConversationId, Message, MessageId, Role } from '../../domain/types';
import { applyMessageEdit, getConversation, listMessages, retryStale, selectAlternative } from '../../lib/db/repo';
import { ensureConversation, isRunning, rerunFrom } from '../generation/runs';
import { useEditorStore } from './editor-store';
import { flushEdits, queueEdit, type MessageUpdater } from './pending-writes';

export function blankMessage(conversationId: ConversationId, role: Role): Message {
  return createMessage(conversationId, null, { role, content: textContent('') });
}

async function currentPath(conversationId: ConversationId): Promise<{ all: Message[]; path: Message[] }> {
  const [conversation, all] = await Promise.all([getConversation(conversationId), listMessages(conversationId)]);
  return { all, path: pathToLeaf(all, conversation?.currentLeafId ?? null) };
}

async function apply(conversationId: ConversationId, edit: PathEdit | null, seen: readonly Message[]): Promise<void> {
  if (edit) await applyMessageEdit(conversationId, edit, undefined, seen);
}

/** Appends an empty message (at the end, or after `afterId`) and opens its editor. */
async function addMessageOnce(afterId?: string, role?: Role): Promise<Message> {
  await flushEdits();
  const conversation = await ensureConversation();
  const { path } = await currentPath(conversation.id);
  const index = afterId ? path.findIndex((m) => m.id === afterId) : path.length - 1;
  const at = index < 0 ? path.length - 1 : index;
  const fresh = blankMessage(conversation.id, role ?? nextRole(path[at]));
  if (fresh.role === 'assistant') fresh.model = conversation.params.model;
  await apply(conversation.id, insertIntoPath(path, at, fresh, Date.now()), path);
  useEditorStore.getState().openEditor(fresh);
  useEditorStore.getState().requestFocus(fresh.id, 'text-input');
  return fresh;
}

async function deleteMessageOnce(message: Message): Promise<void> {
  await flushEdits();
  const { all, path } = await currentPath(message.conversationId);
  const index = path.findIndex((m) => m.id === message.id);
  if (index < 0) return;
  useEditorStore.getState().closeEditor(message.id);
  await apply(message.conversationId, deleteFromPath(all, path, index, Date.now()), all);
  const neighbour = path[index + 1] ?? path[index - 1];
  useEditorStore.getState().requestFocus(neighbour?.id ?? null, neighbour ? 'role-select' : 'add-message');
}

async function duplicateMessageOnce(message: Message): Promise<void> {
  await flushEdits();
  const { path } = await currentPath(message.conversationId);
  const index = path.findIndex((m) => m.id === message.id);
  if (index < 0) return;
  const copy = copyOf(message, newMessageId(), Date.now());
  await apply(message.conversationId, insertIntoPath(path, index, copy, Date.now()), path);
  useEditorStore.getState().requestFocus(copy.id, 'role-select');
}

async function moveMessageOnce(message: Message, delta: -1 | 1): Promise<void> {
  await flushEdits();
  const { path } = await currentPath(message.conversationId);
  const index = path.findIndex((m) => m.id === message.id);
  if (index < 0) return;
  await apply(message.conversationId, moveInPath(path, index, delta, Date.now()), path);
  useEditorStore.getState().requestFocus(message.id, delta < 0 ? 'move-up' : 'move-down');
}

/** Moves `message` to the place of `target` in the path (drag and drop), one step at a time. */
async function moveMessageToOnce(message: Message, targetId: string): Promise<void> {
  await flushEdits();
  const { path } = await currentPath(message.conversationId);
  let from = path.findIndex((m) => m.id === message.id);
  const to = path.findIndex((m) => m.id === targetId);
  if (from < 0 || to < 0 || from === to) return;
  let current = path;
  const now = Date.now();
  const rows = new Map<string, Message>();
  let leafId: MessageId | null = path.at(-1)?.id ?? null;
  while (from !== to) {
    const delta = to > from ? 1 : -1;
    const edit = moveInPath(current, from, delta, now);
    if (!edit) break;
    for (const r of edit.put) rows.set(r.id, r);
    leafId = edit.leafId;
    const next = [...current];
    [next[from], next[from + delta]] = [next[from + delta]!, next[from]!];
    current = next.map((m) => rows.get(m.id) ?? m);
    from += delta;
  }
  await applyMessageEdit(message.conversationId, { put: [...rows.values()], remove: [], leafId }, undefined, path);
}

/** Shows the branch through `message` (one of the alternatives of a turn). */
export async function showAlternative(message: Message): Promise<void> {
  await selectAlternative(message.conversationId, message.id);
}

/** Writes an edit of a message through to storage (queued per message, applied to the stored row). */
export function edit(messageId: MessageId, update: MessageUpdater | Partial<Message>): void {
  queueEdit(messageId, typeof update === 'function' ? update : (m) => ({ ...m, ...update }));
}

export async function setRole(message: Message, role: Role): Promise<void> {
  await flushEdits();
  const { path } = await currentPath(message.conversationId);
  const patch: Partial<Message> = { role };
  if (role === 'tool' && !message.toolCallId) {
    const index = path.findIndex((m) => m.id === message.id);
    const calls = path.slice(0, Math.max(0, index)).flatMap((m) => m.toolCalls ?? []);
    const answered = new Set(path.map((m) => m.toolCallId));
    const open = calls.find((c) => !answered.has(c.id));
    if (open) patch.toolCallId = open.id;
  }
  edit(message.id, (m) => {
    const next = { ...m, ...patch };
    if (role === 'tool') delete next.name;
    return next;
  });
  await flushEdits();
}

/**
 * Re-runs from a message. When it was edited since its editor opened and later messages exist,
 * the edited version becomes a new sibling and the original is restored: both branches remain.
 */
export async function rerunFromMessage(message: Message): Promise<void> {
  await flushEdits();
  const conversationId = message.conversationId;
  if (isRunning(conversationId)) return;
  const { all, path } = await currentPath(conversationId);
  const current = all.find((m) => m.id === message.id);
  if (!current) return;
  const store = useEditorStore.getState();
  const original = store.originals[message.id];
  const index = path.findIndex((m) => m.id === message.id);
  const hasLater = index >= 0 && index < path.length - 1;
  let runId = current.id;
  if (original && hasLater && original.updatedAt !== current.updatedAt) {
    const alternative: Message = { ...copyOf(current, newMessageId(), Date.now()), parentId: current.parentId };
    await applyMessageEdit(conversationId, { put: [original, alternative], remove: [], leafId: alternative.id });
    runId = alternative.id;
  }
  store.closeEditor(message.id);
  await rerunFrom(conversationId, runId);
}

export async function copyToClipboard(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify(`${what} copied`, 'success');
  } catch {
    notify(`Could not copy ${what.toLowerCase()}: the browser refused clipboard access.`, 'error');
  }
}

// Structural edits, each computed again from a fresh read if another tab changed a row it rewrites.
export function addMessage(afterId?: string, role?: Role): Promise<Message> {
  return retryStale(() => addMessageOnce(afterId, role));
}

export function deleteMessage(message: Message): Promise<void> {
  return retryStale(() => deleteMessageOnce(message));
}

export function duplicateMessage(message: Message): Promise<void> {
  return retryStale(() => duplicateMessageOnce(message));
}

export function moveMessage(message: Message, delta: -1 | 1): Promise<void> {
  return retryStale(() => moveMessageOnce(message, delta));
}

export function moveMessageTo(message: Message, targetId: string): Promise<void> {
  return retryStale(() => moveMessageToOnce(message, targetId));
}
