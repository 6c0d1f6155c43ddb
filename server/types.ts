// Shapes of the Chat Completions request as far as the reference endpoint reads it.
// Everything else in the body is accepted and ignored.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ContentPart {
  type: string;
  text?: string;
  image_url?: { url: string; detail?: string };
  input_audio?: { data: string; format: string };
  file?: { filename?: string; file_data?: string; file_id?: string };
  refusal?: string;
}

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function';
  content?: string | ContentPart[] | null;
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

export interface ToolDef {
  type: 'function';
  function: { name: string; description?: string; parameters?: unknown };
}

export type ToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

export interface ResponseFormat {
  type: 'text' | 'json_object' | 'json_schema';
  json_schema?: { name?: string; schema?: unknown; strict?: boolean };
}

/** The validated request; optional numbers are already defaulted where OpenAI has a default. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  n: number;
  temperature: number;
  seed: number;
  maxTokens: number | null;
  stop: string[];
  logprobs: boolean;
  topLogprobs: number;
  tools: ToolDef[];
  toolChoice: ToolChoice;
  parallelToolCalls: boolean;
  responseFormat: ResponseFormat | null;
}

export interface ReferenceServerOptions {
  apiKey?: string;
  staticDir?: string;
  /** Default 60; 0 = unlimited. */
  tokensPerSecond?: number;
  /** Default: server/wire/cases (the repo's copy of ../shared/wire); env WIRE_DIR overrides. */
  wireDir?: string;
  log?: boolean;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
