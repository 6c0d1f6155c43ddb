import { createMessage } from '../../domain/factories';
/** The raw view: messages as the API sees them, and pasted JSON back into the conversation. */
import { pathToLeaf } from '../../domain/messages';
import type { BinarySource, ContentPart, Message } from '../../domain/types';
import { applyMessageEdit, getConversation, listMessages } from '../../lib/db/repo';
import { placeholderResolver, toWireMessages } from '../../lib/openai/mapping';
import { parseMessagesJSON, type MessageFields } from '../../lib/openai/parse-messages';
import { ensureConversation } from '../generation/runs';
import { storeDataURL } from './files';
import { flushEdits } from './pending-writes';

/** Stored files appear as `blob:<id>` placeholders: the base64 is only made when a request is sent. */
export function wireJSON(messages: readonly Message[]): string {
  return JSON.stringify(toWireMessages(messages, placeholderResolver), null, 2);
}

export function wireJSONOfOne(message: Message): string {
  return JSON.stringify(toWireMessages([message], placeholderResolver)[0], null, 2);
}

function knownBlobs(messages: readonly Message[]): Map<string, BinarySource> {
  const out = new Map<string, BinarySource>();
  for (const m of messages)
    for (const p of m.content) if (p.type !== 'text' && p.source.kind === 'blob') out.set(p.source.blobId, p.source);
  return out;
}

/** Turns `blob:<id>` placeholders back into stored blobs and pasted data URLs into new ones. */
async function materialize(fields: MessageFields, blobs: Map<string, BinarySource>): Promise<MessageFields> {
  const content: ContentPart[] = [];
  for (const part of fields.content) {
    if (part.type === 'text' || part.source.kind !== 'url') {
      content.push(part);
      continue;
    }
    const url = part.source.url;
    const known = url.startsWith('blob:') ? blobs.get(url.slice(5)) : undefined;
    if (known) {
      content.push({ ...part, source: known });
      continue;
    }
    const stored = url.startsWith('data:') ? await storeDataURL(url) : null;
    content.push(
      stored ? { ...part, source: { kind: 'blob', ...stored, ...(part.type === 'file' ? { name: part.filename } : {}) } } : part,
    );
  }
  return { ...fields, content };
}

function withFields(base: Message, fields: MessageFields): Message {
  const { name: _n, refusal: _r, toolCalls: _t, toolCallId: _i, audio: _a, ...rest } = base;
  return { ...rest, ...fields, updatedAt: Date.now() };
}

export type ApplyResult = { ok: true; note?: string } | { ok: false; error: string };

/** Replaces the fields of one message with pasted JSON; nothing changes unless it is all valid. */
export async function applyOneJSON(message: Message, text: string): Promise<ApplyResult> {
  const parsed = parseMessagesJSON(text, true);
  if (!parsed.ok) return parsed;
  await flushEdits();
  const all = await listMessages(message.conversationId);
  const current = all.find((m) => m.id === message.id) ?? message;
  const fields = await materialize(parsed.messages[0]!, knownBlobs(all));
  const conversation = await getConversation(message.conversationId);
  await applyMessageEdit(message.conversationId, {
    put: [withFields(current, fields)],
    remove: [],
    leafId: conversation?.currentLeafId ?? null,
  });
  return { ok: true };
}

/**
 * Replaces the conversation with a pasted messages array (or request body). Messages equal to
 * the start of the current branch are kept; from the first difference on, the pasted ones
 * become a new branch, so the previous version stays one click away.
 */
export async function applyAllJSON(text: string): Promise<ApplyResult> {
  const parsed = parseMessagesJSON(text);
  if (!parsed.ok) return parsed;
  if (parsed.messages.length === 0) return { ok: false, error: 'The messages array is empty: a conversation needs at least one message.' };
  await flushEdits();
  const conversation = await ensureConversation();
  const all = await listMessages(conversation.id);
  const path = pathToLeaf(all, conversation.currentLeafId);
  const blobs = knownBlobs(all);
  const incoming: MessageFields[] = [];
  for (const f of parsed.messages) incoming.push(await materialize(f, blobs));
  const now = Date.now();
  const rows: Message[] = incoming.map((f, i) => createMessage(conversation.id, null, f, now + i));
  let same = 0;
  while (same < path.length && same < rows.length && wireJSON([path[same]!]) === wireJSON([rows[same]!])) same++;
  const fresh = rows.slice(same);
  let parentId = path[same - 1]?.id ?? null;
  for (const row of fresh) {
    row.parentId = parentId;
    parentId = row.id;
  }
  const leafId = fresh.at(-1)?.id ?? path[same - 1]?.id ?? null;
  await applyMessageEdit(conversation.id, { put: fresh, remove: [], leafId });
  const ignored = parsed.params ? Object.keys(parsed.params) : [];
  return {
    ok: true,
    ...(ignored.length > 0 ? { note: `Only "messages" was applied; ${ignored.map((k) => `"${k}"`).join(', ')} ignored.` } : {}),
  };
}
