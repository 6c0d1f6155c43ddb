// Tokenization with gpt-tokenizer (o200k_base). Streamed pieces are whole
// tokens, except that tokens holding only part of a multi-byte character are
// grouped with their neighbours so every piece is a valid string.
import { decode, encode } from 'gpt-tokenizer';
import type { ChatMessage, ContentPart, ToolDef } from './types';

/** A streamed unit: usually one token, sometimes a few that only decode together. */
export interface Piece {
  text: string;
  tokens: number;
}

// User text may contain "<|endoftext|>" and friends; treat them as plain text.
const PLAIN = { disallowedSpecial: new Set<string>() };

export function encodeText(text: string): number[] {
  return encode(text, PLAIN);
}

export function countTokens(text: string): number {
  return text.length === 0 ? 0 : encodeText(text).length;
}

function splitIds(ids: number[]): Piece[] {
  const pieces: Piece[] = [];
  let pending = 0;
  for (const id of ids) {
    // gpt-tokenizer decodes with a shared streaming TextDecoder: a token ending
    // in an incomplete UTF-8 sequence yields "" (or less text) and the held-back
    // bytes come out with the next token. An empty result means "keep grouping".
    const text = decode([id]);
    pending++;
    if (text.length === 0) continue;
    pieces.push({ text, tokens: pending });
    pending = 0;
  }
  return pieces;
}

export function tokenize(text: string): Piece[] {
  if (text.length === 0) return [];
  const ids = encodeText(text);
  let pieces = splitIds(ids);
  // If another caller left bytes in the shared decoder, the first pass is off;
  // the pass itself drains that state, so one retry is always clean.
  if (joinPieces(pieces) !== text) pieces = splitIds(ids);
  if (joinPieces(pieces) !== text) return [...text].map((ch) => ({ text: ch, tokens: 1 }));
  return pieces;
}

export function joinPieces(pieces: readonly Piece[]): string {
  let out = '';
  for (const piece of pieces) out += piece.text;
  return out;
}

export function partText(part: ContentPart): string {
  if (part.type === 'text') return part.text ?? '';
  if (part.type === 'refusal') return part.refusal ?? '';
  return '';
}

export function messageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map(partText)
    .filter((t) => t.length > 0)
    .join('\n');
}

// Rough image costs in the spirit of OpenAI's tiles (low = 85).
function partTokens(part: ContentPart): number {
  if (part.type === 'image_url') return part.image_url?.detail === 'low' ? 85 : 765;
  if (part.type === 'input_audio') return 200;
  if (part.type === 'file') return 500;
  return 0;
}

/** Approximation of OpenAI's count: 3 per message + content + name, + 3 priming the reply. */
export function countPromptTokens(messages: readonly ChatMessage[], tools: readonly ToolDef[]): number {
  let total = 3;
  for (const message of messages) {
    total += 3 + countTokens(messageText(message));
    if (message.name) total += 1 + countTokens(message.name);
    if (Array.isArray(message.content)) for (const part of message.content) total += partTokens(part);
    if (message.tool_calls) total += countTokens(JSON.stringify(message.tool_calls));
  }
  if (tools.length > 0) total += countTokens(JSON.stringify(tools));
  return total;
}
