/**
 * Inline reasoning: models such as DeepSeek-R1, QwQ and Qwen3, served without a reasoning parser
 * (Ollama, LM Studio, vLLM without `--reasoning-parser`, llama.cpp with `--reasoning-format none`),
 * write their thinking into `content` between tags. This splits that text, as it grows, into the
 * thinking and the answer. Pure: every step returns a new state.
 *
 * The rule:
 * - Opening form. After optional leading whitespace, the content starts with `<think>`,
 *   `<thinking>` or `<reasoning>` (any letter case). Until the matching closing tag
 *   (`</think>`, `</thinking>`, `</reasoning>`) arrives, everything after the opening tag is
 *   reasoning and the visible content is empty. After it, the rest is the content.
 * - Closing-only form (chat templates that put `<think>` in the prompt: Qwen3, DeepSeek-R1):
 *   the content has `</think>` before any opening tag, starting within its first
 *   {@link CLOSE_ONLY_WINDOW} characters and not right after a backtick (`` `</think>` `` is
 *   someone writing about the tag). Everything before it is reasoning. Until it arrives the text
 *   cannot be told from an answer, so it shows as content and moves to reasoning when it comes.
 *   The first tag found decides: an opening tag anywhere first means plain content.
 * - Leading newlines of the reasoning and of the content after the closing tag are dropped, and
 *   trailing whitespace of a closed reasoning.
 * - A possible tag cut at a chunk boundary (`<thi`, `</thin`) is held back: never shown as
 *   content, never lost; {@link endInlineSplit} releases it when the reply ends.
 * - A reply that ends with no closing tag keeps its text as reasoning and is marked `unclosed`.
 * - A `<think>` later in the content (not at the start) is content.
 */

/** The closing-only form counts only when `</think>` starts within this many characters (about 5,000 tokens). */
export const CLOSE_ONLY_WINDOW = 20_000;

/** Keys of a choice's / message's `extra` (the raw view and the UI read them). */
export const INLINE_RAW_CONTENT_KEY = 'rawContent';
export const INLINE_UNCLOSED_KEY = 'reasoningUnclosed';

export type InlinePhase =
  /** Only whitespace or the start of an opening tag so far. */
  | 'start'
  /** No opening tag at the start; a closing-only `</think>` may still come. */
  | 'maybe'
  /** Inside thinking that has not closed yet. */
  | 'open'
  /** The thinking closed; the rest is content. */
  | 'closed'
  /** Plain content: no inline reasoning. */
  | 'none';

export interface InlineSplit {
  readonly phase: InlinePhase;
  /** The closing tag looked for in `open` (lower case). */
  readonly close: string;
  readonly reasoning: string;
  readonly content: string;
  /** Text held back: leading whitespace or a possible tag cut at the end. */
  readonly held: string;
  /** The reply ended while the thinking was still open. */
  readonly unclosed: boolean;
}

const OPEN_NAMES = ['think', 'thinking', 'reasoning'] as const;
const OPEN_TAGS = OPEN_NAMES.map((n) => `<${n}>`);
const CLOSE_ONLY_TAG = '</think>';
const OPEN_AT_START = /^<(think|thinking|reasoning)>/i;
// No `u` flag: then `i` matches ASCII letters only (no Kelvin sign for k, no long s for s).
const OPEN_ANYWHERE = /<(?:think|thinking|reasoning)>/i;
const CLOSE_ONLY_ANYWHERE = /<\/think>/i;
const MAYBE_TAGS = [...OPEN_TAGS, CLOSE_ONLY_TAG];

export const initialInlineSplit: InlineSplit = { phase: 'start', close: '', reasoning: '', content: '', held: '', unclosed: false };

/** True once the text is known to hold inline reasoning. */
export function hasInlineReasoning(s: InlineSplit): boolean {
  return s.phase === 'open' || s.phase === 'closed';
}

const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Length of the longest end of `text` that could be the start of one of `tags`. */
function partialTagAtEnd(text: string, tags: readonly string[]): number {
  const longest = Math.max(...tags.map((t) => t.length));
  for (let k = Math.min(text.length, longest - 1); k > 0; k--) {
    const end = asciiLower(text.slice(-k));
    if (tags.some((t) => t.startsWith(end))) return k;
  }
  return 0;
}

const dropLeadingNewlines = (s: string): string => s.replace(/^[\r\n]+/, '');

const CLOSE_RE: Record<string, RegExp> = Object.fromEntries(OPEN_NAMES.map((n) => [`</${n}>`, new RegExp(`</${n}>`, 'i')]));

/** Feeds the next piece of content text. */
export function feedInlineSplit(state: InlineSplit, text: string): InlineSplit {
  // The common steady states: nothing held back, the text is content.
  if (state.held === '' && (state.phase === 'none' || (state.phase === 'closed' && state.content !== '')))
    return { ...state, content: state.content + text };
  let s: InlineSplit = { ...state, held: '' };
  let buf = state.held + text;
  for (;;) {
    switch (s.phase) {
      case 'start': {
        const rest = buf.trimStart();
        const open = OPEN_AT_START.exec(rest);
        if (open) {
          s = { ...s, phase: 'open', close: `</${open[1]!.toLowerCase()}>` };
          buf = rest.slice(open[0].length);
          continue;
        }
        const lower = asciiLower(rest);
        if (OPEN_TAGS.some((t) => t.startsWith(lower))) return { ...s, held: buf };
        s = { ...s, phase: 'maybe' };
        continue;
      }
      case 'open': {
        const at = CLOSE_RE[s.close]?.exec(buf)?.index ?? -1;
        if (at >= 0) {
          const reasoning = dropLeadingNewlines(s.reasoning + buf.slice(0, at)).trimEnd();
          s = { ...s, phase: 'closed', reasoning };
          buf = buf.slice(at + s.close.length);
          continue;
        }
        const keep = partialTagAtEnd(buf, [s.close]);
        const more = buf.slice(0, buf.length - keep);
        // Only the start is trimmed: never re-read the whole reasoning on every chunk.
        const reasoning = s.reasoning === '' ? dropLeadingNewlines(more) : s.reasoning + more;
        return { ...s, reasoning, held: buf.slice(buf.length - keep) };
      }
      case 'maybe': {
        const open = OPEN_ANYWHERE.exec(buf)?.index ?? -1;
        const close = CLOSE_ONLY_ANYWHERE.exec(buf)?.index ?? -1;
        if (close >= 0 && (open < 0 || close < open)) {
          const before = close > 0 ? buf[close - 1] : s.content.slice(-1);
          if (before === '`' || s.content.length + close >= CLOSE_ONLY_WINDOW) return { ...s, phase: 'none', content: s.content + buf };
          const reasoning = dropLeadingNewlines(s.content + buf.slice(0, close)).trimEnd();
          s = { ...s, phase: 'closed', reasoning, content: '' };
          buf = buf.slice(close + CLOSE_ONLY_TAG.length);
          continue;
        }
        if (open >= 0 || s.content.length + buf.length >= CLOSE_ONLY_WINDOW + CLOSE_ONLY_TAG.length)
          return { ...s, phase: 'none', content: s.content + buf };
        const keep = partialTagAtEnd(buf, MAYBE_TAGS);
        return { ...s, content: s.content + buf.slice(0, buf.length - keep), held: buf.slice(buf.length - keep) };
      }
      case 'closed': {
        const content = s.content === '' ? dropLeadingNewlines(buf) : s.content + buf;
        return { ...s, content };
      }
      case 'none':
        return { ...s, content: s.content + buf };
    }
  }
}

/** The reply ended: releases what was held back and marks thinking that never closed. */
export function endInlineSplit(s: InlineSplit): InlineSplit {
  switch (s.phase) {
    case 'start':
    case 'maybe':
      return { ...s, phase: 'none', content: s.content + s.held, held: '' };
    case 'open':
      return { ...s, reasoning: dropLeadingNewlines(s.reasoning + s.held), held: '', unclosed: true };
    case 'closed':
    case 'none':
      return s.held === '' ? s : { ...s, content: s.content + s.held, held: '' };
  }
}

/** The whole text at once (a non-streamed reply, a stored one). */
export function splitInlineReasoning(text: string): InlineSplit {
  return endInlineSplit(feedInlineSplit(initialInlineSplit, text));
}
