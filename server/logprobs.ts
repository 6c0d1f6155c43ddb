// Plausible, deterministic log probabilities: mostly near 0 with occasional
// uncertain tokens; alternatives share the remaining probability mass, so the
// numbers are consistent (the probabilities never sum above 1).
//
// One entry per real token, with the token's UTF-8 `bytes` as OpenAI documents them ("Useful in
// instances where characters are represented by multiple tokens and their byte representations
// must be combined to generate the correct text representation"; API reference,
// ChatCompletionTokenLogprob.bytes). A token that is only part of a character has no valid
// string: its `token` is the escaped bytes, as DeepSeek sends it (token '\\xf0\\x9f\\x8c' with
// bytes [240,159,140], https://github.com/standardcompletions/rfcs/issues/2) and as OpenAI wrote
// such tokens in its completions logprobs ('bytes:\\xf0\\x9f\\x98', quoted in
// https://github.com/vllm-project/vllm/pull/6626). The streamed `content` stays whole characters:
// the chunk that completes a character carries it with the logprobs of every token that made it.
import type { Rng } from './prng';

export interface TopLogprob {
  token: string;
  logprob: number;
  bytes: number[];
}

export interface TokenLogprob extends TopLogprob {
  top_logprobs: TopLogprob[];
}

const ALTERNATIVES = [
  ' the',
  ' a',
  ',',
  '.',
  ' and',
  ' to',
  ' of',
  ' is',
  ' in',
  ' it',
  '\n',
  ' that',
  ' for',
  ' this',
  ' you',
  ' with',
  ' on',
  ' as',
  ' be',
  ' can',
  ' are',
  ':',
  ' or',
  ' an',
  ' I',
  '\n\n',
  ' not',
  ' so',
  "'s",
  ' we',
];

const bytesOf = (token: string): number[] => Array.from(Buffer.from(token, 'utf8'));
const round = (x: number): number => Math.round(x * 1e8) / 1e8;
const strict = new TextDecoder('utf-8', { fatal: true });

/** The `token` string of some bytes: the text, with the bytes that are only part of a character written as \\xNN. */
export function tokenString(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    let text: string | null = null;
    if (length > 0 && i + length <= bytes.length) {
      try {
        text = strict.decode(new Uint8Array(bytes.slice(i, i + length)));
      } catch {
        text = null;
      }
    }
    if (text === null) {
      out += `\\x${lead.toString(16).padStart(2, '0')}`;
      i += 1;
    } else {
      out += text;
      i += length;
    }
  }
  return out;
}

/** The logprob entries of one streamed piece: one per token, each with its own bytes. */
export function makePieceLogprobs(tokenBytes: readonly number[][], rng: Rng, top: number): TokenLogprob[] {
  return tokenBytes.map((bytes) => makeLogprob(tokenString(bytes), rng, top, [...bytes]));
}

/** A token that continues a character (its first byte is 0x80–0xBF) competes with other continuation bytes. */
function continuationAlternatives(bytes: readonly number[]): string[] | null {
  const first = bytes[0];
  if (first === undefined || first < 0x80 || first > 0xbf) return null;
  const out: string[] = [];
  for (let b = 0x80; b <= 0xbf; b++) if (b !== first) out.push(String.fromCharCode(b));
  return out;
}

export function makeLogprob(token: string, rng: Rng, top: number, bytes: number[] = bytesOf(token)): TokenLogprob {
  const confident = rng.chance(0.85);
  const chosen = confident ? -(1e-6 + rng.next() ** 3 * 0.08) : -(0.2 + rng.next() * 2.3);
  const rest = 1 - Math.exp(chosen);
  // Continuation bytes are carried as one-char strings of their byte value until written out below.
  const continuations = continuationAlternatives(bytes);
  const alternatives = rng.sample(continuations ?? ALTERNATIVES.filter((a) => a !== token), Math.max(0, top - 1));
  const logprob = round(chosen);
  const entry: TopLogprob = { token, logprob, bytes };
  const topList: TopLogprob[] = top > 0 ? [entry] : [];
  let share = 0.55;
  for (const alt of alternatives) {
    const altBytes = continuations ? [alt.charCodeAt(0)] : bytesOf(alt);
    topList.push({ token: continuations ? tokenString(altBytes) : alt, logprob: round(Math.log(rest * share)), bytes: altBytes });
    share *= 0.45;
  }
  return { ...entry, top_logprobs: topList };
}
