/**
 * The one mapping between the domain and the wire: messages out, completions in.
 * (Field-level decoding of received data lives in accumulate*.ts and usage.ts, which
 * this module reuses so streamed and non-streamed answers follow the same rules.)
 */
import type { BinarySource, Completion, ContentPart, Message } from '../../domain/types';
import { messageText } from '../../domain/messages';
import { reasoningCarriers } from '../../domain/provider-rules';
import type { ReasoningSendBack } from '../../domain/provider-rules';
import { createCompletionAccumulator } from './accumulate';
import type { WireAssistantMessage, WireMessage, WireToolCall, WireUserContentPart } from './wire';

export type BinaryURLResolver = (source: BinarySource, part: ContentPart) => string;

/** Drafts and previews: URL sources as is, blobs as `blob:<id>` placeholders. */
export const placeholderResolver: BinaryURLResolver = (source) => (source.kind === 'url' ? source.url : `blob:${source.blobId}`);

/** `input_audio.data` is bare base64: drop a `data:…;base64,` prefix. */
export function stripDataURLPrefix(url: string): string {
  const match = /^data:[^,]*?;base64,/i.exec(url);
  return match ? url.slice(match[0].length) : url;
}

function userPart(part: ContentPart, resolve: BinaryURLResolver): WireUserContentPart {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return { type: 'image_url', image_url: { url: resolve(part.source, part), detail: part.detail } };
    case 'audio':
      return { type: 'input_audio', input_audio: { data: stripDataURLPrefix(resolve(part.source, part)), format: part.format } };
    case 'file':
      return { type: 'file', file: { filename: part.filename, file_data: resolve(part.source, part) } };
  }
}

function userContent(parts: readonly ContentPart[], resolve: BinaryURLResolver): string | WireUserContentPart[] {
  if (parts.every((p) => p.type === 'text')) return messageText(parts);
  // An empty text box next to an image is an editing leftover, not something to send.
  return parts.filter((p) => p.type !== 'text' || p.text !== '').map((p) => userPart(p, resolve));
}

function assistantMessage(m: Message, carriesReasoning: boolean): WireAssistantMessage {
  const text = messageText(m.content);
  const toolCalls: WireToolCall[] = (m.toolCalls ?? []).map((t) => ({
    id: t.id,
    type: 'function',
    function: { name: t.name, arguments: t.arguments },
  }));
  const out: WireAssistantMessage = {
    role: 'assistant',
    // Content may be null only when something else carries the answer.
    content: text === '' && (toolCalls.length > 0 || m.audio) ? null : text,
  };
  if (m.refusal) out.refusal = m.refusal;
  if (toolCalls.length > 0) out.tool_calls = toolCalls;
  if (m.audio) out.audio = { id: m.audio.id };
  // Reasoning goes back only where the endpoint's rule asks (domain/provider-rules.ts): most
  // providers want history to keep the final answer only (Qwen3, DeepSeek-R1), while DeepSeek's
  // thinking mode refuses a follow-up whose tool-call turns lack it. A reply that has none sends an
  // empty string, which DeepSeek accepts, so a hand-written or thinking-off reply does not break it.
  // Thinking that arrived inline as `<think>…</think>` was split off into `reasoning`, so the
  // content sent here holds the answer only, without the tags.
  if (carriesReasoning) out.reasoning_content = m.reasoning ?? '';
  return out;
}

function toWireMessage(m: Message, resolve: BinaryURLResolver, carriesReasoning: boolean): WireMessage {
  const name = m.name ? { name: m.name } : {};
  switch (m.role) {
    case 'system':
    case 'developer':
      return { role: m.role, content: messageText(m.content), ...name };
    case 'user':
      return { role: 'user', content: userContent(m.content, resolve), ...name };
    case 'assistant':
      return { ...assistantMessage(m, carriesReasoning), ...name };
    case 'tool':
      return { role: 'tool', content: messageText(m.content), tool_call_id: m.toolCallId ?? '' };
  }
}

export function toWireMessages(
  messages: readonly Message[],
  resolveBinaryURL: BinaryURLResolver,
  reasoningSendBack: ReasoningSendBack = 'never',
): WireMessage[] {
  const carriers = reasoningCarriers(messages, reasoningSendBack);
  return messages.map((m, i) => toWireMessage(m, resolveBinaryURL, carriers[i]!));
}

/** A non-streamed `chat.completion` body (or an error body sent with 200). */
export function completionFromJSON(json: unknown): Completion {
  const acc = createCompletionAccumulator();
  acc.push(json);
  acc.finish();
  return acc.completion;
}
