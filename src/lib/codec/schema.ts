/**
 * The schema of the current file format (see format.ts). valibot's `object` keeps only the keys
 * it knows, so unknown fields are dropped on the way in; records skip `__proto__`-style keys.
 */
import * as v from 'valibot';
import { isSafeMediaURL } from '../../domain/link-safety';
import { ROLES } from '../../domain/types';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const num = v.number();
const str = v.string();
const json = v.record(v.string(), v.unknown());

const MEDIA_URL_RULE = 'must be an https:// address or a data: URL of its own kind (never javascript:, http: or another page)';

/** Where an imported part's bytes are: stored (blob) or a URL that is safe to keep (see isSafeMediaURL). */
const binarySource = (kind: 'image' | 'audio' | 'file') =>
  v.variant('kind', [
    v.object({
      kind: v.literal('url'),
      url: v.pipe(
        str,
        v.check((url) => isSafeMediaURL(url, kind), MEDIA_URL_RULE),
      ),
    }),
    v.object({ kind: v.literal('blob'), blobId: id, mimeType: str, name: v.optional(str), size: v.optional(num) }),
  ]);

export const contentPartSchema = v.variant('type', [
  v.object({ type: v.literal('text'), text: str }),
  v.object({
    type: v.literal('image'),
    source: binarySource('image'),
    detail: v.optional(v.picklist(['auto', 'low', 'high']), 'auto'),
    width: v.optional(num),
    height: v.optional(num),
  }),
  v.object({ type: v.literal('audio'), source: binarySource('audio'), format: v.picklist(['wav', 'mp3']) }),
  v.object({ type: v.literal('file'), source: binarySource('file'), filename: str }),
]);

// `bytes` is UTF-8 byte values or null; anything else (or none, from other tools) reads as null,
// which the token view shows as the token string: a bad byte list never refuses a whole file.
const tokenBytes = v.fallback(v.nullable(v.array(v.pipe(num, v.integer(), v.minValue(0), v.maxValue(255)))), null);
const topLogprob = v.object({ token: str, logprob: num, bytes: tokenBytes });
const tokenLogprob = v.object({ ...topLogprob.entries, topLogprobs: v.array(topLogprob) });

const usage = v.object({
  promptTokens: v.nullable(num),
  completionTokens: v.nullable(num),
  totalTokens: v.nullable(num),
  reasoningTokens: v.optional(num),
  cachedPromptTokens: v.optional(num),
  audioPromptTokens: v.optional(num),
  audioCompletionTokens: v.optional(num),
  raw: v.optional(json, {}),
});

const appError = v.object({
  kind: v.picklist(['http', 'network', 'cors', 'stream', 'malformed', 'interrupted', 'timeout', 'storage', 'invalid']),
  message: str,
  status: v.optional(num),
  code: v.optional(v.nullable(v.union([str, num]))),
  type: v.optional(v.nullable(str)),
  param: v.optional(v.nullable(str)),
  hint: v.optional(str),
  detail: v.optional(str),
  detailLines: v.optional(v.array(str)),
  retryable: v.optional(v.boolean()),
  retryAfterMs: v.optional(num),
});

// What the reply's request asked its output to be (structured output checks); a damaged value reads as absent.
const requestedOutput = v.fallback(
  v.optional(
    v.object({
      format: v.optional(
        v.variant('type', [
          v.object({ type: v.literal('json_object') }),
          v.object({ type: v.literal('json_schema'), name: str, schema: json, strict: v.optional(v.boolean()) }),
        ]),
      ),
      tools: v.optional(v.array(v.object({ name: str, parameters: v.optional(json) }))),
    }),
  ),
  undefined,
);

export const messageSchema = v.object({
  id,
  parentId: v.nullable(id),
  role: v.picklist(ROLES),
  name: v.optional(str),
  content: v.array(contentPartSchema),
  reasoning: v.optional(str),
  refusal: v.optional(str),
  toolCalls: v.optional(v.array(v.object({ id: str, name: str, arguments: str }))),
  toolCallId: v.optional(str),
  status: v.optional(v.picklist(['done', 'streaming', 'interrupted', 'error']), 'done'),
  finishReason: v.optional(v.nullable(str)),
  usage: v.optional(v.nullable(usage)),
  usageEstimated: v.optional(v.boolean()),
  tokenEstimate: v.optional(v.object({ promptTokens: num, completionTokens: num })),
  model: v.optional(str),
  responseId: v.optional(str),
  systemFingerprint: v.optional(str),
  logprobs: v.optional(v.nullable(v.array(tokenLogprob))),
  error: v.optional(v.nullable(appError)),
  timing: v.optional(v.object({ startedAt: num, firstTokenAt: v.optional(num), finishedAt: v.optional(num) })),
  choiceIndex: v.optional(num),
  requestId: v.optional(str),
  requestedOutput,
  audio: v.optional(v.object({ id: str, transcript: str, blobId: v.optional(id), expiresAt: v.optional(v.nullable(num)) })),
  droppedEvents: v.optional(v.object({ count: num, samples: v.array(str) })),
  extra: v.optional(json),
  createdAt: num,
  updatedAt: num,
});

const responseFormat = v.variant('type', [
  v.object({ type: v.literal('text') }),
  v.object({ type: v.literal('json_object') }),
  v.object({
    type: v.literal('json_schema'),
    json_schema: v.object({ name: str, schema: json, strict: v.optional(v.boolean()), description: v.optional(str) }),
  }),
]);

const toolDefinition = v.object({
  type: v.literal('function'),
  function: v.object({ name: str, description: v.optional(str), parameters: v.optional(json), strict: v.optional(v.boolean()) }),
});

/** Every value optional: files from older builds lack newer parameters; defaults fill them in. */
export const paramValuesSchema = v.partial(
  v.object({
    stream: v.boolean(),
    include_usage: v.boolean(),
    temperature: num,
    top_p: num,
    max_completion_tokens: num,
    max_tokens: num,
    n: num,
    stop: v.array(str),
    presence_penalty: num,
    frequency_penalty: num,
    seed: num,
    logprobs: v.boolean(),
    top_logprobs: num,
    logit_bias: v.record(str, num),
    response_format: responseFormat,
    tools: v.array(toolDefinition),
    tool_choice: v.union([
      v.picklist(['none', 'auto', 'required']),
      v.object({ type: v.literal('function'), function: v.object({ name: str }) }),
    ]),
    parallel_tool_calls: v.boolean(),
    reasoning_effort: v.picklist(['minimal', 'low', 'medium', 'high']),
    service_tier: str,
    user: str,
    safety_identifier: str,
    store: v.boolean(),
    metadata: v.record(str, str),
    modalities: v.array(str),
    audio: v.object({ voice: str, format: str }),
  }),
);

export const paramsSchema = v.object({
  model: str,
  values: v.optional(paramValuesSchema, {}),
  enabled: v.optional(v.record(str, v.boolean()), {}),
  extraBody: v.optional(str, ''),
});

export const endpointSchema = v.object({
  baseURL: v.pipe(str, v.maxLength(2048)),
  name: v.optional(str, ''),
  builtIn: v.optional(v.literal('reference')),
});

const gridCellSchema = v.object({
  rowId: id,
  configId: id,
  status: v.picklist(['idle', 'queued', 'streaming', 'done', 'error', 'interrupted']),
  text: str,
  finishReason: v.nullable(str),
  promptTokens: v.nullable(num),
  completionTokens: v.nullable(num),
  ttftMs: v.nullable(num),
  totalMs: v.nullable(num),
  cost: v.nullable(num),
  error: v.nullable(str),
  request: v.unknown(),
  updatedAt: num,
});

/** A conversation's prompt grid in a backup; ids of the grid and its cells follow from the conversation's. */
export const gridSchema = v.object({
  rows: v.array(v.object({ id, values: v.record(str, str), expected: v.optional(str) })),
  configs: v.array(v.object({ id, endpointId: v.nullable(str), model: str, overrides: str })),
  concurrency: v.pipe(num, v.integer(), v.minValue(1)),
  updatedAt: num,
  cells: v.array(gridCellSchema),
});

/** Settings of a backup: each store's saved `{ state, version }`; the store's own schema checks the state on import. */
export const settingsSchema = v.object({
  version: v.literal(1),
  stores: v.record(v.pipe(str, v.maxLength(40)), v.object({ state: v.unknown(), version: v.pipe(num, v.integer(), v.minValue(0)) })),
});

export const conversationSchema = v.object({
  id,
  title: v.optional(str, 'Imported conversation'),
  createdAt: num,
  updatedAt: num,
  currentLeafId: v.nullable(id),
  params: paramsSchema,
  endpoint: v.optional(v.nullable(endpointSchema), null),
  pinned: v.optional(v.boolean()),
  tags: v.optional(v.array(str)),
  messages: v.array(messageSchema),
  grid: v.optional(gridSchema),
});

export const blobEntrySchema = v.object({ mimeType: str, name: v.optional(str), data: str });

export const documentSchema = v.object({
  format: v.literal('chat-playground'),
  version: v.literal(2),
  exportedAt: v.optional(str),
  conversations: v.array(conversationSchema),
  blobs: v.optional(v.record(id, blobEntrySchema), {}),
  settings: v.optional(settingsSchema),
});

export type DocumentV2 = v.InferOutput<typeof documentSchema>;
export type ConversationV2 = v.InferOutput<typeof conversationSchema>;
export type MessageV2 = v.InferOutput<typeof messageSchema>;

/** A readable path like `conversations[0].messages[3].role` and the reason, from valibot's first issue. */
export function describeIssue(issue: v.BaseIssue<unknown>): { path: string; reason: string } {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string') path += /^[A-Za-z_$][\w$]*$/.test(key) ? `${path ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
  }
  return { path: path || '(top level)', reason: issue.message };
}
