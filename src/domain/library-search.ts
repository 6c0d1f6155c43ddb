/**
 * Search over the library in memory: every term must occur in the title or the message text of a
 * conversation. Per keystroke nothing is allocated per conversation: lower-cased titles are cached
 * per summary object (the list's objects live until it changes) and message text is lower-cased
 * once when indexed; snippets are cut only for the rows that are shown (see snippetOf).
 */
import type { ConversationSummary } from './library';

export interface IndexedText {
  /** The message text as written (for snippets). */
  text: string;
  /** `text` lower-cased once, when indexed. */
  lower: string;
}

const titleCache = new WeakMap<ConversationSummary, string>();

export function titleLower(c: ConversationSummary): string {
  let lower = titleCache.get(c);
  if (lower === undefined) {
    lower = c.title.toLowerCase();
    titleCache.set(c, lower);
  }
  return lower;
}

export interface SearchResult {
  hits: ConversationSummary[];
  /** Hits found only through their message text (they show a snippet). */
  inText: Set<string>;
}

/** Filters `list` (kept in order) to the conversations where every term occurs. */
export function searchConversations(
  list: readonly ConversationSummary[],
  terms: readonly string[],
  textOf: (id: string) => IndexedText | undefined,
): SearchResult {
  const hits: ConversationSummary[] = [];
  const inText = new Set<string>();
  if (terms.length === 0) return { hits: [...list], inText };
  const n = terms.length;
  outer: for (const c of list) {
    const title = titleLower(c);
    let inTitle = true;
    for (let i = 0; i < n; i++) {
      if (!title.includes(terms[i]!)) {
        inTitle = false;
        break;
      }
    }
    if (inTitle) {
      hits.push(c);
      continue;
    }
    const e = textOf(c.id);
    if (!e) continue;
    for (let i = 0; i < n; i++) {
      const t = terms[i]!;
      if (!title.includes(t) && !e.lower.includes(t)) continue outer;
    }
    hits.push(c);
    inText.add(c.id);
  }
  return { hits, inText };
}

/**
 * True when every conversation matching `next` also matches `previous` (each earlier term occurs
 * inside some new one, e.g. "zep" → "zeppelin"): the new search only needs the earlier hits.
 */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.length > 0 && previous.every((p) => next.some((t) => t.includes(p)));
}
