/**
 * The app's own vocabulary. Everything outside `src/lib/openai/wire.ts` speaks these types;
 * the Chat Completions wire format is mapped to and from them in exactly one place
 * (`src/lib/openai/mapping.ts`). No React, no I/O here.
 */

import type { ContinueStyle } from './continue-style';
import type { OutputLimitRule, ReasoningSendBack, RuleKey } from './provider-rules';
import type { RequestedOutput } from './structured-output';

declare const idKind: unique symbol;
/**
 * Ids carry their kind: a message id is never accepted where a conversation id is expected (and so
 * on). The kind is optional on purpose ("flavoured" rather than strictly branded): a plain string
 * read from storage, a URL, an import or a test is accepted, while mixing two kinds is an error.
 */
export type IdOf<K extends string> = string & { readonly [idKind]?: K };
export type ConversationId = IdOf<'ConversationId'>;
export type MessageId = IdOf<'MessageId'>;
/** One request to the server; every choice (and every lane of a fan-out or compare) of it shares it. */
export type RequestId = IdOf<'RequestId'>;

export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool';
export const ROLES: readonly Role[] = ['system', 'developer', 'user', 'assistant', 'tool'];
/** How a role is named wherever a person reads it (the conversation, exports, the share preview). */
export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};

export type ImageDetail = 'auto' | 'low' | 'high';

/** Where the bytes of a binary part live: a URL the person typed, or a Blob row in IndexedDB. */
export type BinarySource = { kind: 'url'; url: string } | { kind: 'blob'; blobId: string; mimeType: string; name?: string; size?: number };

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image'; source: BinarySource; detail: ImageDetail; width?: number; height?: number }
  | { type: 'audio'; source: BinarySource; format: 'wav' | 'mp3' }
  | { type: 'file'; source: BinarySource; filename: string };

export interface ToolCall {
  id: string;
  name: string;
  /** The exact arguments string as the model produced it (may be invalid JSON). */
  arguments: string;
}

export interface TopLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
}

export interface TokenLogprob extends TopLogprob {
  topLogprobs: TopLogprob[];
}

export interface Usage {
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  reasoningTokens?: number;
  cachedPromptTokens?: number;
  audioPromptTokens?: number;
  audioCompletionTokens?: number;
  /** The usage object exactly as the server sent it, provider extras included. */
  raw: Record<string, unknown>;
}

export type ErrorKind =
  | 'http' // the server answered with a non-2xx status
  | 'network' // fetch failed: host unreachable, DNS, connection refused
  | 'cors' // fetch failed in a way that is most likely a CORS or mixed-content block
  | 'stream' // an `error` object arrived inside the stream
  | 'malformed' // the body could not be understood (bad JSON chunk, HTML page with 200, …)
  | 'interrupted' // the stream ended without finish_reason or [DONE]
  | 'timeout' // no byte arrived in time
  | 'storage' // IndexedDB failed
  | 'invalid'; // the request could not be built (bad extra body JSON, …)

/** Errors are values the UI can show as they are. */
export interface AppError {
  kind: ErrorKind;
  /** One sentence a person can read. */
  message: string;
  status?: number;
  code?: string | number | null;
  type?: string | null;
  param?: string | null;
  /** What to do about it, when we can tell. */
  hint?: string;
  /** Body or detail as received, truncated, for the raw view. Never contains the API key. */
  detail?: string;
  /** Extra facts the server's error body gave (each FastAPI `loc: msg`, upstream provider, filtered categories, context sizes). */
  detailLines?: string[];
  retryable?: boolean;
  retryAfterMs?: number;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | 'error' | (string & {});

/** One assembled choice of a response. */
export interface Choice {
  index: number;
  role: string | null;
  /** Concatenated text content; null when the server never sent content. */
  content: string | null;
  reasoning: string | null;
  refusal: string | null;
  toolCalls: ToolCall[];
  logprobs: TokenLogprob[] | null;
  finishReason: FinishReason | null;
  /** Some providers put usage inside the choice. */
  usage: Usage | null;
  audio: { id: string; data: string; transcript: string; expiresAt: number | null } | null;
  /** Unknown fields of the choice / delta, kept for the raw view (last value wins). */
  extra: Record<string, unknown>;
}

/** The assembled response of one request (streamed or not). */
export interface Completion {
  id: string | null;
  model: string | null;
  created: number | null;
  systemFingerprint: string | null;
  serviceTier: string | null;
  choices: Choice[];
  usage: Usage | null;
  /** An error object the server sent inside a 200 response / stream. */
  error: AppError | null;
  /** `data: [DONE]` was seen (streams only). */
  sawDone: boolean;
  /** Unknown top-level fields (x_groq, timings, prompt_filter_results, …), last value wins. */
  extra: Record<string, unknown>;
  /** Events that were not JSON objects and were skipped (the reply went on without them). */
  dropped?: DroppedEvents;
}

/** Stream events skipped because they could not be read: how many, and the first few as they came. */
export interface DroppedEvents {
  count: number;
  /** The raw text of the first few, each cut to a readable length. */
  samples: string[];
}

export type MessageStatus = 'done' | 'streaming' | 'interrupted' | 'error';

export interface MessageTiming {
  startedAt: number;
  firstTokenAt?: number;
  finishedAt?: number;
}

export interface Message {
  id: MessageId;
  conversationId: ConversationId;
  /** Messages form a tree: regenerations and edits are siblings under the same parent. */
  parentId: MessageId | null;
  role: Role;
  name?: string;
  content: ContentPart[];
  reasoning?: string;
  refusal?: string;
  toolCalls?: ToolCall[];
  /** For role `tool`: the call this message answers. */
  toolCallId?: string;
  status: MessageStatus;
  finishReason?: FinishReason | null;
  usage?: Usage | null;
  /** True when `usage` is our estimate, not the server's. */
  usageEstimated?: boolean;
  /** Our tokenizer's count of this reply's request and output (the meter's estimate), kept beside the server's usage. */
  tokenEstimate?: { promptTokens: number; completionTokens: number };
  model?: string;
  responseId?: string;
  systemFingerprint?: string;
  logprobs?: TokenLogprob[] | null;
  error?: AppError | null;
  timing?: MessageTiming;
  /** Which choice of its response this message is (n > 1). */
  choiceIndex?: number;
  /** Messages produced by the same request share it. */
  requestId?: RequestId;
  /** What that request asked the output to be (JSON mode, a schema, tools), so the reply can be checked against it. */
  requestedOutput?: RequestedOutput;
  audio?: { id: string; transcript: string; blobId?: string; expiresAt?: number | null };
  /** Stream events the reply skipped because they were not valid JSON: the reply is marked, never silently "done". */
  droppedEvents?: DroppedEvents;
  /** Unknown provider fields, for the raw view. */
  extra?: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean; description?: string } };

export type ToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

/** Every tunable request parameter, by its wire name. Values are kept even when switched off. */
export interface ParamValues {
  stream: boolean;
  include_usage: boolean;
  temperature: number;
  top_p: number;
  max_completion_tokens: number;
  max_tokens: number;
  n: number;
  stop: string[];
  presence_penalty: number;
  frequency_penalty: number;
  seed: number;
  logprobs: boolean;
  top_logprobs: number;
  logit_bias: Record<string, number>;
  response_format: ResponseFormat;
  tools: ToolDefinition[];
  tool_choice: ToolChoice;
  parallel_tool_calls: boolean;
  reasoning_effort: ReasoningEffort;
  service_tier: string;
  user: string;
  safety_identifier: string;
  store: boolean;
  metadata: Record<string, string>;
  modalities: string[];
  audio: { voice: string; format: string };
}

export type ParamKey = keyof ParamValues;

export interface RequestParams {
  model: string;
  values: ParamValues;
  /** Only switched-on parameters are sent. */
  enabled: Partial<Record<ParamKey, boolean>>;
  /** JSON object text merged into the body for vendor parameters (top_k, min_p, …). */
  extraBody: string;
}

export type KeyPersistence = 'device' | 'session';

/** A saved server. The API key is not part of it: it lives in the key store only. */
export interface Endpoint {
  id: string;
  name: string;
  baseURL: string;
  headers: Record<string, string>;
  keyPersistence: KeyPersistence;
  presetId?: string;
  /** How the key is sent; absent = the default for the address (api-key for Azure, else Authorization). */
  keyHeader?: 'authorization' | 'api-key';
  createdAt: number;
  /** Fields the app adds on its own that this server refused (e.g. `stream_options`): left out of its requests. */
  unsupported?: string[];
  /** How this server continues a cut reply; absent: its preset's, else 'none' (`continueStyleOf`). */
  continueStyle?: ContinueStyle;
  /** Requests asking for `n` > 1 go out as n parallel single-choice requests (a fan-out); absent = off (one request with `n`). */
  splitN?: boolean;
  /** Which earlier replies carry their reasoning back; absent = the preset's rule (domain/provider-rules.ts). */
  reasoningSendBack?: ReasoningSendBack;
  /** The wire name of the one output-length limit; absent = the preset's, else the model's facts decide. */
  outputLimit?: OutputLimitRule;
  /** Rules above that the app set from the server's refusal (not the person): shown as learned, with a reset. */
  learned?: RuleKey[];
  /**
   * Names of headers the person marked secret (besides the credential headers that always are,
   * `ALWAYS_SECRET_HEADERS`): their values live in the key store like the API key, never in the profile.
   */
  secretHeaders?: string[];
}

export interface Conversation {
  id: ConversationId;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** The leaf of the branch currently shown; the path to it is the conversation. */
  currentLeafId: MessageId | null;
  params: RequestParams;
  endpointId: string | null;
  /** When it was pinned (pinned conversations sit on top); absent = not pinned. */
  pinnedAt?: number;
  tags?: string[];
}
