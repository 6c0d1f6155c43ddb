/**
 * Upgrades of older file versions to the current one. Each step takes the validated document of
 * version N and returns a plain version N+1 document, which the next step (or the current schema)
 * validates again: a migration can never smuggle an invalid document through.
 */
import * as v from 'valibot';
import { newId, newMessageId } from '../../domain/ids';
import { titleFrom } from '../../domain/messages';
import { defaultRequestParams } from '../../domain/params';
import { ROLES, type MessageId } from '../../domain/types';
import { bytesToBase64, parseDataURL } from './base64';
import { endpointSchema, paramsSchema } from './schema';

const v1Part = v.variant('type', [
  v.object({ type: v.literal('text'), text: v.string() }),
  v.object({ type: v.literal('image'), url: v.string(), detail: v.optional(v.picklist(['auto', 'low', 'high']), 'auto') }),
]);

export const documentV1Schema = v.object({
  format: v.literal('chat-playground'),
  version: v.literal(1),
  title: v.optional(v.string()),
  params: v.optional(paramsSchema),
  endpoint: v.optional(v.nullable(endpointSchema), null),
  messages: v.array(
    v.object({
      role: v.picklist(ROLES),
      content: v.union([v.string(), v.array(v1Part)]),
      name: v.optional(v.string()),
      reasoning: v.optional(v.string()),
      toolCalls: v.optional(v.array(v.object({ id: v.string(), name: v.string(), arguments: v.string() }))),
      toolCallId: v.optional(v.string()),
    }),
  ),
});

type DocumentV1 = v.InferOutput<typeof documentV1Schema>;

/** v1 → v2: ids, a parent chain, increasing times, inline data-URL images moved into `blobs`. */
function v1ToV2(doc: DocumentV1, now: number): Record<string, unknown> {
  const blobs: Record<string, { mimeType: string; data: string }> = {};
  let parentId: MessageId | null = null;
  const messages = doc.messages.map((m, i) => {
    const parts = typeof m.content === 'string' ? [{ type: 'text' as const, text: m.content }] : m.content;
    const content = parts.map((p) => {
      if (p.type === 'text') return p;
      const data = parseDataURL(p.url);
      if (!data) return { type: 'image', source: { kind: 'url', url: p.url }, detail: p.detail };
      const blobId = newId();
      blobs[blobId] = { mimeType: data.mimeType, data: bytesToBase64(data.bytes) };
      return { type: 'image', source: { kind: 'blob', blobId, mimeType: data.mimeType, size: data.bytes.length }, detail: p.detail };
    });
    const id = newMessageId();
    const out = { ...m, id, parentId, content, status: 'done', createdAt: now + i, updatedAt: now + i };
    parentId = id;
    return out;
  });
  const firstUser = doc.messages.find((m) => m.role === 'user');
  const firstText = firstUser
    ? typeof firstUser.content === 'string'
      ? firstUser.content
      : firstUser.content.map((p) => (p.type === 'text' ? p.text : '')).join('')
    : '';
  return {
    format: 'chat-playground',
    version: 2,
    conversations: [
      {
        id: newId(),
        title: doc.title ?? titleFrom(firstText),
        createdAt: now,
        updatedAt: now + messages.length,
        currentLeafId: parentId,
        params: doc.params ?? defaultRequestParams('gpt-4o-mini'),
        endpoint: doc.endpoint,
        messages,
      },
    ],
    blobs,
  };
}

interface Migration {
  schema: v.GenericSchema;
  up: (doc: never, now: number) => Record<string, unknown>;
}

/** Keyed by the version they upgrade from. */
export const MIGRATIONS: Record<number, Migration> = {
  1: { schema: documentV1Schema, up: v1ToV2 as Migration['up'] },
};
