// Tokenization with gpt-tokenizer (o200k_base). Streamed pieces are whole
// tokens, except that tokens holding only part of a multi-byte character are
// grouped with their neighbours so every piece is a valid string.
import { encode } from 'gpt-tokenizer';
import o200kRanks from 'gpt-tokenizer/bpeRanks/o200k_base';
import type { ChatMessage, ContentPart, ToolDef } from './types';

/** A streamed unit: usually one token, sometimes a few that only decode together. */
export interface Piece {
  text: string;
  tokens: number;
  /** The o200k_base token ids of the piece, when it is whole tokens (not a smaller cut of one). */
  ids?: number[];
}

// User text may contain "<|endoftext|>" and friends; treat them as plain text.
const PLAIN = { disallowedSpecial: new Set<string>() };

export function encodeText(text: string): number[] {
  return encode(text, PLAIN);
}

export function countTokens(text: string): number {
  return text.length === 0 ? 0 : encodeText(text).length;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * The UTF-8 bytes of one o200k_base token. The rank table holds a token as a string when it is
 * valid UTF-8 on its own and as its byte list when it is only part of a character (" 🦜" is
 * [32,240,159] [166] [156]; "龘" after a space is [32,233] [190] [152]).
 */
export function tokenBytes(id: number): number[] {
  const entry = o200kRanks[id];
  if (Array.isArray(entry)) return [...entry];
  return Array.from(utf8.encode(entry ?? ''));
}

/** Whether the bytes end where a character ends (the last multi-byte sequence is complete). */
function endsOnCharBoundary(bytes: readonly number[]): boolean {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    i += lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  }
  return i === bytes.length;
}

/** Whole tokens, grouped only where a character spans tokens, so every piece is valid text. */
function splitIds(ids: number[]): Piece[] {
  const pieces: Piece[] = [];
  let pendingIds: number[] = [];
  let pendingBytes: number[] = [];
  for (const id of ids) {
    pendingIds.push(id);
    pendingBytes.push(...tokenBytes(id));
    if (!endsOnCharBoundary(pendingBytes)) continue;
    pieces.push({ text: utf8Decoder.decode(Uint8Array.from(pendingBytes)), tokens: pendingIds.length, ids: pendingIds });
    pendingIds = [];
    pendingBytes = [];
  }
  if (pendingIds.length > 0)
    pieces.push({ text: utf8Decoder.decode(Uint8Array.from(pendingBytes)), tokens: pendingIds.length, ids: pendingIds });
  return pieces;
}

export function tokenize(text: string): Piece[] {
  if (text.length === 0) return [];
  const pieces = splitIds(encodeText(text));
  if (joinPieces(pieces) !== text) return [...text].map((ch) => ({ text: ch, tokens: 1 }));
  return pieces;
}

export function joinPieces(pieces: readonly Piece[]): string {
  let out = '';
  for (const piece of pieces) out += piece.text;
  return out;
}

/** The bytes of each token of a piece; one entry for the whole text when it is not whole tokens. */
export function pieceTokenBytes(piece: Piece): number[][] {
  const whole = Array.from(utf8.encode(piece.text));
  if (!piece.ids) return [whole];
  const parts = piece.ids.map(tokenBytes);
  // The ids must spell the text; if they ever do not, the piece is one unit.
  return parts.flat().join(',') === whole.join(',') ? parts : [whole];
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
