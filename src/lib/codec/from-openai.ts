import { createMessage } from '../../domain/factories';
/**
 * A plain OpenAI Chat Completions request body (or just its `messages` array) as a conversation:
 * a linear branch, parameters switched on for what the body sets, vendor fields into extra body.
 */
import { newConversationId, newId } from '../../domain/ids';
import * as v from 'valibot';
import { messageText, titleFrom } from '../../domain/messages';
import { DEFAULT_PARAM_VALUES } from '../../domain/params';
import type { ContentPart, ConversationId, Message, MessageId, ParamKey, ParamValues, RequestParams } from '../../domain/types';
import { isSafeMediaURL } from '../../domain/link-safety';
import { base64ToBytes, parseDataURL } from './base64';
import type { BlobData, ConversationBundle } from './format';
import { paramValuesSchema } from './schema';

const str = v.string();
const mediaURL = (kind: 'image' | 'file') =>
  v.pipe(
    str,
    v.check((url) => isSafeMediaURL(url, kind), `must be an https:// address or a data:${kind === 'image' ? 'image/' : ''}… URL`),
  );
const wirePart = v.variant('type', [
  v.object({ type: v.literal('text'), text: str }),
  v.object({
    type: v.literal('image_url'),
    image_url: v.object({ url: mediaURL('image'), detail: v.optional(v.picklist(['auto', 'low', 'high']), 'auto') }),
  }),
  v.object({ type: v.literal('input_audio'), input_audio: v.object({ data: str, format: v.picklist(['wav', 'mp3']) }) }),
  v.object({ type: v.literal('file'), file: v.object({ filename: v.optional(str, 'file'), file_data: mediaURL('file') }) }),
]);

const wireMessage = v.object({
  role: v.picklist(['system', 'developer', 'user', 'assistant', 'tool']),
  content: v.optional(v.nullable(v.union([str, v.array(wirePart)])), null),
  name: v.optional(str),
  refusal: v.optional(v.nullable(str)),
  tool_calls: v.optional(
    v.array(v.object({ id: str, type: v.optional(v.literal('function')), function: v.object({ name: str, arguments: str }) })),
  ),
  tool_call_id: v.optional(str),
});

export const wireMessagesSchema = v.array(wireMessage);
type WireMessageIn = v.InferOutput<typeof wireMessage>;

const MIME: Record<'wav' | 'mp3', string> = { wav: 'audio/wav', mp3: 'audio/mpeg' };

type Blobs = Map<string, BlobData>;

function addBlob(blobs: Blobs, mimeType: string, bytes: Uint8Array, name?: string): string {
  const id = newId();
  blobs.set(id, { mimeType, bytes, ...(name ? { name } : {}) });
  return id;
}

function part(p: v.InferOutput<typeof wirePart>, blobs: Blobs): ContentPart {
  switch (p.type) {
    case 'text':
      return { type: 'text', text: p.text };
    case 'image_url': {
      const data = parseDataURL(p.image_url.url);
      if (!data) return { type: 'image', source: { kind: 'url', url: p.image_url.url }, detail: p.image_url.detail };
      const blobId = addBlob(blobs, data.mimeType, data.bytes);
      return {
        type: 'image',
        source: { kind: 'blob', blobId, mimeType: data.mimeType, size: data.bytes.length },
        detail: p.image_url.detail,
      };
    }
    case 'input_audio': {
      const bytes = base64ToBytes(p.input_audio.data);
      const mimeType = MIME[p.input_audio.format];
      return {
        type: 'audio',
        source: { kind: 'blob', blobId: addBlob(blobs, mimeType, bytes), mimeType, size: bytes.length },
        format: p.input_audio.format,
      };
    }
    case 'file': {
      const data = parseDataURL(p.file.file_data);
      if (!data) return { type: 'file', source: { kind: 'url', url: p.file.file_data }, filename: p.file.filename };
      const blobId = addBlob(blobs, data.mimeType, data.bytes, p.file.filename);
      return {
        type: 'file',
        source: { kind: 'blob', blobId, mimeType: data.mimeType, name: p.file.filename, size: data.bytes.length },
        filename: p.file.filename,
      };
    }
  }
}

function toMessage(m: WireMessageIn, conversationId: ConversationId, parentId: MessageId | null, at: number, blobs: Blobs): Message {
  const content =
    m.content === null
      ? []
      : typeof m.content === 'string'
        ? m.content === ''
          ? []
          : [{ type: 'text' as const, text: m.content }]
        : m.content.map((p) => part(p, blobs));
  const out = createMessage(conversationId, parentId, { role: m.role, content }, at);
  if (m.name !== undefined) out.name = m.name;
  if (m.refusal) out.refusal = m.refusal;
  if (m.tool_calls && m.tool_calls.length > 0)
    out.toolCalls = m.tool_calls.map((t) => ({ id: t.id, name: t.function.name, arguments: t.function.arguments }));
  if (m.tool_call_id !== undefined) out.toolCallId = m.tool_call_id;
  return out;
}

/** Wire parameter names that map one-to-one onto the parameter panel. */
const DIRECT: ParamKey[] = [
  'temperature',
  'top_p',
  'max_completion_tokens',
  'max_tokens',
  'n',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'response_format',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning_effort',
  'service_tier',
  'user',
  'safety_identifier',
  'store',
  'metadata',
  'modalities',
  'audio',
];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export type ParamsResult = { ok: true; params: RequestParams } | { ok: false; path: string; reason: string };

/** Parameters from a request body; anything the panel has no control for goes to extra body. */
export function paramsFromBody(body: Record<string, unknown>): ParamsResult {
  const values: ParamValues = structuredClone(DEFAULT_PARAM_VALUES);
  const enabled: Partial<Record<ParamKey, boolean>> = {};
  const extra: Record<string, unknown> = {};
  const rest = { ...body };
  delete rest.messages;
  delete rest.model;
  if (typeof body.stop === 'string') rest.stop = [body.stop];
  const entries = paramValuesSchema.entries as Record<string, v.GenericSchema>;
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'stream' || key === 'stream_options') continue;
    const schema = DIRECT.includes(key as ParamKey) || key === 'stop' ? entries[key] : undefined;
    if (!schema) {
      extra[key] = value;
      continue;
    }
    const parsed = v.safeParse(schema, value);
    if (!parsed.success) return { ok: false, path: key, reason: parsed.issues[0].message };
    (values as unknown as Record<string, unknown>)[key] = parsed.output;
    enabled[key as ParamKey] = true;
  }
  if (typeof body.stream === 'boolean') {
    values.stream = body.stream;
    enabled.stream = true;
  } else if (body.stream !== undefined) extra.stream = body.stream;
  const opts = body.stream_options;
  if (isRecord(opts) && typeof opts.include_usage === 'boolean' && Object.keys(opts).length === 1) {
    values.include_usage = opts.include_usage;
    enabled.include_usage = true;
  } else if (opts !== undefined) extra.stream_options = opts;
  const model = typeof body.model === 'string' ? body.model : 'gpt-4o-mini';
  return { ok: true, params: { model, values, enabled, extraBody: Object.keys(extra).length > 0 ? JSON.stringify(extra, null, 2) : '' } };
}

export function conversationFromWire(
  messages: readonly WireMessageIn[],
  params: RequestParams,
  now: number,
): { bundle: ConversationBundle; blobs: Blobs } {
  const blobs: Blobs = new Map();
  const id = newConversationId();
  let parentId: MessageId | null = null;
  const out: Message[] = messages.map((m, i) => {
    const msg = toMessage(m, id, parentId, now + i, blobs);
    parentId = msg.id;
    return msg;
  });
  const firstUser = out.find((m) => m.role === 'user');
  const conversation = {
    id,
    title: titleFrom(firstUser ? messageText(firstUser.content) : ''),
    createdAt: now,
    updatedAt: now + out.length,
    currentLeafId: parentId,
    params,
    endpointId: null,
  };
  return { bundle: { conversation, messages: out, endpoint: null }, blobs };
}
