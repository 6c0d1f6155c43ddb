/**
 * Prompt token estimation: which encoding a model uses, what of a message is tokenized, the
 * chat-format overhead and OpenAI's image formula. Pure: the tokenizer itself runs in a worker
 * (src/lib/tokens) and hands back counts per text; this module adds them up.
 */
import { imageRuleFor, imageTokensFor } from './image-tokens';
import { messageText } from './messages';
import type { BinarySource, ContentPart, ImageDetail, Message, ParamValues, RequestParams } from './types';

export type Encoding = 'o200k_base' | 'cl100k_base';

export interface EncodingChoice {
  encoding: Encoding;
  /** False for non-OpenAI families: their own tokenizers differ, the count is an approximation. */
  exact: boolean;
}

/**
 * OpenAI's chat format (cookbook "How to count tokens"): every message costs 3 tokens of framing
 * plus its role (one token for every role), a `name` its own tokens plus one, the reply is primed with 3.
 */
export const MESSAGE_OVERHEAD = 3;
export const ROLE_TOKENS = 1;
export const NAME_OVERHEAD = 1;
export const REPLY_PRIMING = 3;
/** Framing around a response schema, and tools the chat format cannot render (measured order of magnitude; marked ≈). */
export const TOOLS_OVERHEAD = 12;
/** Framing around tool definitions rendered as OpenAI's `namespace functions` text (gpt-tokenizer's FUNCTION_DEFINITION_TOKEN_OVERHEAD). */
export const FUNCTION_DEFINITIONS_OVERHEAD = 9;

/** Renders function definitions as the model sees them (gpt-tokenizer's formatFunctionDefinitions, injected by the meter). */
export type FormatFunctions = (
  functions: readonly { name: string; description?: string; parameters?: Record<string, unknown> }[],
) => string;

/** `o200k_base` for GPT-4o, 4.1, 4.5, 5, o-series and gpt-oss; `cl100k_base` for GPT-4 and 3.5; else an o200k approximation. */
export function encodingForModel(model: string): EncodingChoice {
  const id = (model.trim().toLowerCase().split('/').pop() ?? '').replace(/^ft:/, '');
  if (/^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|gpt-audio|gpt-realtime|o\d)(\b|-|$)/.test(id))
    return { encoding: 'o200k_base', exact: true };
  if (/^(gpt-4|gpt-3\.5|text-embedding-(ada|3))/.test(id)) return { encoding: 'cl100k_base', exact: true };
  return { encoding: 'o200k_base', exact: false };
}

/** Tokens of one image by GPT-4o's rule (85 + 170 per 512-px tile; low detail 85): see image-tokens.ts for every family. */
export function imageTokens(width: number, height: number, detail: ImageDetail, model?: string): number {
  return imageTokensFor(width, height, detail, imageRuleFor(model).rule);
}

export interface ImageEstimate {
  width?: number;
  height?: number;
  detail: ImageDetail;
  tokens: number;
  sizeKnown: boolean;
  /** False when the model's image rule is not known and GPT-4o's was used (shown as ≈). */
  ruleKnown: boolean;
  family: string;
}

/** Real pixel sizes measured by the app, for images whose part does not carry them. */
export type SizeOf = (source: BinarySource) => { width: number; height: number } | undefined;

/** A key for an image's bytes: its blob id or URL. */
export function imageSourceKey(source: BinarySource): string {
  return source.kind === 'blob' ? `blob:${source.blobId}` : `url:${source.url}`;
}

export function imageEstimates(parts: readonly ContentPart[], sizeOf?: SizeOf, model?: string): ImageEstimate[] {
  const out: ImageEstimate[] = [];
  const { rule, exact } = imageRuleFor(model);
  for (const part of parts) {
    if (part.type !== 'image') continue;
    const measured = part.width && part.height ? { width: part.width, height: part.height } : sizeOf?.(part.source);
    const known = measured !== undefined && measured.width > 0 && measured.height > 0;
    out.push({
      detail: part.detail,
      ...(known ? { width: measured.width, height: measured.height } : {}),
      sizeKnown: known || (part.detail === 'low' && rule.kind === 'tiles'),
      ruleKnown: exact,
      family: rule.family,
      tokens: known ? imageTokensFor(measured.width, measured.height, part.detail, rule) : imageTokensFor(1024, 1024, part.detail, rule),
    });
  }
  return out;
}

export function messageImages(message: Message, sizeOf?: SizeOf, model?: string): ImageEstimate[] {
  return imageEstimates(message.content, sizeOf, model);
}

/** The text of a message that is tokenized when it is sent: its text parts and tool calls. */
export function messageTokenText(message: Message): string {
  let text = messageText(message.content);
  for (const call of message.toolCalls ?? []) text += call.name + call.arguments;
  if (message.role === 'tool' && message.toolCallId) text += message.toolCallId;
  return text;
}

/** A key that changes whenever the tokenized text can have changed (edits bump updatedAt). */
export function messageCountKey(message: Message): string {
  return `${message.id}:${message.updatedAt}:${message.status}`;
}

/** Framing tokens of one message: the chat format's per-message cost, role and name marker. */
export function messageFraming(message: Message): number {
  return MESSAGE_OVERHEAD + ROLE_TOKENS + (message.name ? NAME_OVERHEAD : 0);
}

/** What the tokenizer must count for a message: its text and, apart, its name. */
export function messageCountItems(message: Message): [string, string][] {
  const items: [string, string][] = [[messageCountKey(message), messageTokenText(message)]];
  if (message.name) items.push([`name:${message.name}`, message.name]);
  return items;
}

/** Text and name tokens of a message from the counts; undefined until all are counted. */
export function messageTextTokens(message: Message, counts: ReadonlyMap<string, number>): number | undefined {
  const text = counts.get(messageCountKey(message));
  const name = message.name ? counts.get(`name:${message.name}`) : 0;
  return text === undefined || name === undefined ? undefined : text + name;
}

export function imagesTokens(parts: readonly ContentPart[], sizeOf?: SizeOf, model?: string): number {
  return imageEstimates(parts, sizeOf, model).reduce((sum, i) => sum + i.tokens, 0);
}

/** Tokens of one message: its text count (from the tokenizer), framing and images (by the model's image rule). */
export function messageTokens(message: Message, textTokens: number, sizeOf?: SizeOf, model?: string): number {
  return textTokens + messageFraming(message) + imagesTokens(message.content, sizeOf, model);
}

/**
 * Texts the request adds besides messages: tool definitions as the model sees them (OpenAI renders
 * them as a TypeScript `namespace functions`, which `format` produces; `toolsRendered`) or, without a
 * formatter or when it fails, as sent (JSON, marked ≈); and the response schema as sent.
 */
export function requestExtraTexts(
  params: RequestParams,
  format?: FormatFunctions,
): { tools: string; toolsRendered: boolean; schema: string } {
  const { values: v, enabled } = params;
  let tools = enabled.tools && v.tools.length > 0 ? JSON.stringify(v.tools) : '';
  let toolsRendered = false;
  if (tools && format) {
    try {
      tools = format(v.tools.map((t) => t.function));
      toolsRendered = true;
    } catch {
      // A schema the renderer cannot read stays counted as JSON.
    }
  }
  const rf = v.response_format;
  const schema = enabled.response_format && rf.type === 'json_schema' ? JSON.stringify(rf.json_schema) : '';
  return { tools, toolsRendered, schema };
}

/** Output tokens the request reserves: max_completion_tokens / max_tokens when set, else the model's output limit. */
export function reservedOutput(values: ParamValues, enabled: RequestParams['enabled'], maxOutput: number | undefined): number {
  if (enabled.max_completion_tokens) return Math.max(0, values.max_completion_tokens);
  if (enabled.max_tokens) return Math.max(0, values.max_tokens);
  return maxOutput ?? 0;
}

export interface PromptBreakdown {
  messages: number;
  images: number;
  tools: number;
  schema: number;
  draft: number;
  overhead: number;
  total: number;
}

export interface PromptInputs {
  /** Token counts of each message's text, in path order. */
  messageTexts: number[];
  /** Framing of all messages together (see messageFraming). */
  framing: number;
  imageTokens: number;
  toolsTokens: number;
  /** The tools were counted as rendered for the model (see requestExtraTexts). */
  toolsRendered?: boolean;
  schemaTokens: number;
  /** The composer text (and attachments: their image tokens are in imageTokens), sent as one more user message; null when there is none. */
  draftTokens: number | null;
}

export function sumPrompt(input: PromptInputs): PromptBreakdown {
  const messages = input.messageTexts.reduce((a, b) => a + b, 0);
  const tools = input.toolsTokens > 0 ? input.toolsTokens + (input.toolsRendered ? FUNCTION_DEFINITIONS_OVERHEAD : TOOLS_OVERHEAD) : 0;
  const schema = input.schemaTokens > 0 ? input.schemaTokens + TOOLS_OVERHEAD : 0;
  const draft = input.draftTokens === null ? 0 : input.draftTokens + MESSAGE_OVERHEAD + ROLE_TOKENS;
  const overhead = input.framing + REPLY_PRIMING;
  return {
    messages,
    images: input.imageTokens,
    tools,
    schema,
    draft,
    overhead,
    total: messages + input.imageTokens + tools + schema + draft + overhead,
  };
}

export type ContextState = 'ok' | 'warn' | 'over' | 'unknown';

/** Warns from 85% of the window, before the request would overflow it. */
export function contextState(used: number, window: number | undefined): ContextState {
  if (window === undefined || window <= 0) return 'unknown';
  if (used > window) return 'over';
  return used >= window * 0.85 ? 'warn' : 'ok';
}
