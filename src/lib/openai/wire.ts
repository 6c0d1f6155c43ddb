/**
 * Chat Completions wire types: what we send (precise) and what we receive (untrusted).
 *
 * We don't reuse the `openai` package's types because we must also describe provider
 * extensions (reasoning_content, reasoning, x_groq, usage inside choices, indexless tool
 * calls, numeric error codes). Received types have only optional, nullable fields: code
 * narrows them from `unknown` (see guards.ts) and never trusts them as declared.
 */

// ---------- Request (what we send) ----------

export interface WireTextPart {
  type: 'text';
  text: string;
}

export interface WireImagePart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
}

export interface WireAudioPart {
  type: 'input_audio';
  /** `data` is bare base64, without a `data:` prefix. */
  input_audio: { data: string; format: 'wav' | 'mp3' };
}

export interface WireFilePart {
  type: 'file';
  /** `file_data` is a data URL. */
  file: { filename?: string; file_data?: string; file_id?: string };
}

export type WireUserContentPart = WireTextPart | WireImagePart | WireAudioPart | WireFilePart;

export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface WireSystemMessage {
  role: 'system' | 'developer';
  content: string;
  name?: string;
}

export interface WireUserMessage {
  role: 'user';
  content: string | WireUserContentPart[];
  name?: string;
}

export interface WireAssistantMessage {
  role: 'assistant';
  content: string | null;
  name?: string;
  refusal?: string;
  tool_calls?: WireToolCall[];
  /** A previous audio answer, referenced by id. */
  audio?: { id: string };
  /** Mistral and DeepSeek (beta): this last message is a prefix the model continues. Not OpenAI's. */
  prefix?: true;
  /** The reply's reasoning, sent back only where the endpoint's rule asks (DeepSeek's thinking mode). */
  reasoning_content?: string;
}

export interface WireToolMessage {
  role: 'tool';
  content: string;
  tool_call_id: string;
}

export type WireMessage = WireSystemMessage | WireUserMessage | WireAssistantMessage | WireToolMessage;

export interface WireTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type WireToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

export interface WireChatRequest {
  model: string;
  messages: WireMessage[];
  stream?: boolean;
  stream_options?: { include_usage: boolean };
  temperature?: number;
  top_p?: number;
  max_completion_tokens?: number;
  max_tokens?: number;
  n?: number;
  stop?: string[];
  presence_penalty?: number;
  frequency_penalty?: number;
  seed?: number;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  response_format?: Record<string, unknown>;
  tools?: WireTool[];
  tool_choice?: WireToolChoice;
  parallel_tool_calls?: boolean;
  reasoning_effort?: string;
  service_tier?: string;
  user?: string;
  safety_identifier?: string;
  store?: boolean;
  metadata?: Record<string, string>;
  modalities?: string[];
  audio?: { voice: string; format: string };
  /** Vendor parameters merged from the extra body (top_k, min_p, …). */
  [vendor: string]: unknown;
}

// ---------- Received (untrusted: every field optional, narrowed from unknown) ----------

export interface WireUsageIn {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null; audio_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null; audio_tokens?: number | null } | null;
  /** DeepSeek. */
  prompt_cache_hit_tokens?: number | null;
  prompt_cache_miss_tokens?: number | null;
}

export interface WireTopLogprobIn {
  token?: string;
  logprob?: number;
  bytes?: number[] | null;
}

export interface WireTokenLogprobIn extends WireTopLogprobIn {
  top_logprobs?: WireTopLogprobIn[] | null;
}

export interface WireLogprobsIn {
  content?: WireTokenLogprobIn[] | null;
  refusal?: WireTokenLogprobIn[] | null;
}

/** A tool-call fragment. `index` is missing with some providers (Moonshot, non-streamed bodies). */
export interface WireToolCallDeltaIn {
  index?: number;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

/** Mistral sends content as parts; `thinking` holds reasoning text parts. */
export type WireContentPartIn =
  | { type: 'text'; text?: string }
  | { type: 'thinking'; thinking?: { type?: string; text?: string }[] | string }
  | { type: string; [key: string]: unknown };

/** A stream `delta` or a non-streamed `message`. */
export interface WireDeltaIn {
  role?: string | null;
  content?: string | WireContentPartIn[] | null;
  refusal?: string | null;
  /** DeepSeek, xAI, llama.cpp, vLLM (older). */
  reasoning_content?: string | null;
  /** OpenRouter, vLLM (newer), Ollama. */
  reasoning?: string | null;
  tool_calls?: WireToolCallDeltaIn[] | null;
  audio?: { id?: string; data?: string; transcript?: string; expires_at?: number } | null;
}

export interface WireChoiceIn {
  index?: number;
  delta?: WireDeltaIn | null;
  message?: WireDeltaIn | null;
  finish_reason?: string | null;
  logprobs?: WireLogprobsIn | null;
  /** Moonshot puts usage inside the finishing choice. */
  usage?: WireUsageIn | null;
}

export interface WireErrorObjectIn {
  message?: string;
  type?: string | null;
  param?: string | null;
  /** OpenRouter and others send numeric codes. */
  code?: string | number | null;
  metadata?: { raw?: unknown; provider_name?: string } | null;
}

/** A stream chunk (`chat.completion.chunk`) or a whole `chat.completion` body. */
export interface WireChunkIn {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  choices?: WireChoiceIn[] | null;
  usage?: WireUsageIn | null;
  error?: WireErrorObjectIn | string | null;
  /** Groq repeats usage here on the last chunk. */
  x_groq?: { id?: string; usage?: WireUsageIn | null } | null;
}

/** An HTTP error body: OpenAI shape, `{error: "text"}`, or FastAPI/vLLM `{message}` / `{detail}`. */
export interface WireErrorBodyIn {
  error?: WireErrorObjectIn | string | null;
  message?: string;
  detail?: string | { msg?: string; loc?: unknown[] }[] | { message?: string };
}

// Keys the accumulator understands; anything else is kept in `extra`.
export const CHUNK_KEYS: ReadonlySet<string> = new Set<keyof WireChunkIn>([
  'id',
  'object',
  'created',
  'model',
  'system_fingerprint',
  'service_tier',
  'choices',
  'usage',
  'error',
]);
export const CHOICE_KEYS: ReadonlySet<string> = new Set<keyof WireChoiceIn>([
  'index',
  'delta',
  'message',
  'finish_reason',
  'logprobs',
  'usage',
]);
export const DELTA_KEYS: ReadonlySet<string> = new Set<keyof WireDeltaIn>([
  'role',
  'content',
  'refusal',
  'reasoning_content',
  'reasoning',
  'tool_calls',
  'audio',
]);
