// Tokens of a reply as a person can read them. A tokenizer often cuts one character (an emoji,
// a CJK ideograph) across two or three tokens; each of those tokens alone is part of a UTF-8
// sequence, so servers send a broken `token` string for it (OpenAI and DeepSeek an escaped
// "\xf0\x9f", vLLM "�"). OpenAI's reference documents `bytes` for exactly this: "Useful in
// instances where characters are represented by multiple tokens and their byte representations
// must be combined to generate the correct text representation." Consecutive tokens whose bytes
// only decode together become one group. Pure: no React, no storage.
import type { TokenLogprob, TopLogprob } from './types';

export interface TokenGroup {
  /** What the person sees: the decoded bytes of the group, or the token string as sent. */
  text: string;
  /** The tokens that make it (one, or several that only decode together). */
  tokens: TokenLogprob[];
  /** Joint log probability of the group: the sum of its tokens' (the product of probabilities). */
  logprob: number;
  /** Position of the group's first token in the reply's token list. */
  start: number;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** The token's bytes when the server sent a usable list of byte values, else null. */
export function validBytes(token: Pick<TopLogprob, 'bytes'>): number[] | null {
  const bytes: unknown = token.bytes;
  if (!Array.isArray(bytes)) return null;
  for (const b of bytes) if (!Number.isInteger(b) || (b as number) < 0 || (b as number) > 255) return null;
  return bytes as number[];
}

/** How many bytes the UTF-8 sequence starting with `lead` has; 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** 'complete' when the bytes end on a character boundary, 'open' when the last character needs more, 'invalid' otherwise. */
function utf8State(bytes: readonly number[]): 'complete' | 'open' | 'invalid' {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]!);
    if (length === 0) return 'invalid';
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return 'open';
      if ((bytes[i + k]! & 0xc0) !== 0x80) return 'invalid';
    }
    i += length;
  }
  return 'complete';
}

/** The text of a byte list, or null when it is not valid UTF-8 on its own. */
export function decodeBytes(bytes: readonly number[]): string | null {
  if (utf8State(bytes) !== 'complete') return null;
  try {
    return strict.decode(new Uint8Array(bytes));
  } catch {
    return null; // overlong forms, surrogates, code points past U+10FFFF
  }
}

/** Groups the reply's tokens so that every group is whole characters; see the file comment. */
export function groupTokens(tokens: readonly TokenLogprob[]): TokenGroup[] {
  const groups: TokenGroup[] = [];
  let pending: TokenLogprob[] = [];
  let pendingBytes: number[] = [];
  let pendingStart = 0;

  const single = (token: TokenLogprob, start: number, text = token.token) =>
    groups.push({ text, tokens: [token], logprob: token.logprob, start });
  // Bytes that never completed a character: each token shows as the server wrote it.
  const flushAsSent = () => {
    pending.forEach((t, k) => single(t, pendingStart + k));
    pending = [];
    pendingBytes = [];
  };

  const add = (token: TokenLogprob, index: number, bytes: number[]): void => {
    if (pending.length === 0) pendingStart = index;
    pending.push(token);
    pendingBytes.push(...bytes);
    const state = utf8State(pendingBytes);
    if (state === 'open') return;
    const text = state === 'complete' ? decodeBytes(pendingBytes) : null;
    if (text === null && pending.length > 1) {
      // The earlier tokens never finished their character: show them as sent, and try this
      // token again on its own (it may start a character of its own).
      pending.pop();
      flushAsSent();
      add(token, index, bytes);
      return;
    }
    if (text === null) single(token, index);
    else if (pending.length === 1) single(token, index, text);
    else groups.push({ text, tokens: pending, logprob: pending.reduce((sum, t) => sum + t.logprob, 0), start: pendingStart });
    pending = [];
    pendingBytes = [];
  };

  tokens.forEach((token, index) => {
    const bytes = validBytes(token);
    if (bytes !== null) return add(token, index, bytes);
    flushAsSent();
    single(token, index);
  });
  flushAsSent();
  return groups;
}

/**
 * How one token (or an alternative) reads: its bytes decoded, with the bytes that are only part
 * of a character escaped ("\\xf0\\x9f"); the token string when there are no bytes.
 */
export function tokenLabel(token: Pick<TopLogprob, 'token' | 'bytes'>): string {
  const bytes = validBytes(token);
  if (bytes === null) return token.token;
  const whole = decodeBytes(bytes);
  if (whole !== null) return whole;
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]!);
    const text = length > 0 && i + length <= bytes.length ? decodeBytes(bytes.slice(i, i + length)) : null;
    if (text !== null) {
      out += text;
      i += length;
    } else {
      out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

/** Whether the groups spell the reply text exactly (then the token view can stand in for it). */
export function groupsCoverText(groups: readonly TokenGroup[], text: string): boolean {
  let joined = '';
  for (const g of groups) joined += g.text;
  return joined === text;
}

/**
 * Whether the tokens reproduce the text exactly (then the token view can replace it), joined by
 * their bytes so a character split across tokens counts as that character.
 */
export function tokensCoverText(tokens: readonly TokenLogprob[], text: string): boolean {
  return groupsCoverText(groupTokens(tokens), text);
}
