import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from './library';
import { matchesAll, searchTerms, snippet } from './library';
import { narrows, searchConversations, type IndexedText } from './library-search';

const TOPICS = ['streaming', 'markdown', 'tokenizer', 'indexeddb', 'virtual lists', 'workers', 'budgets', 'code fences'];

function library(count: number, textChars: number): { list: ConversationSummary[]; texts: Map<string, IndexedText> } {
  const list: ConversationSummary[] = [];
  const texts = new Map<string, IndexedText>();
  const filler = 'Every choice of a response streams independently and is routed by its index. '
    .repeat(Math.ceil(textChars / 78))
    .slice(0, textChars);
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const tagged = i % 100 === 99;
    const id = `c${i}`;
    list.push({ id, title: `${topic} #${i}${i % 200 === 199 ? ' zeppelin' : ''}`, updatedAt: count - i });
    const text = `Question about ${topic}${tagged ? ' and the Zeppelin' : ''}?\nA short **answer** about ${topic}. ${filler}`;
    texts.set(id, { text, lower: text.toLowerCase() });
  }
  return { list, texts };
}

/** What the sidebar did before: lower-case every title and join it with the text, per keystroke. */
function oldSearch(list: readonly ConversationSummary[], terms: string[], texts: Map<string, IndexedText>): string[] {
  return list
    .filter((c) => {
      const title = c.title.toLowerCase();
      if (matchesAll(title, terms)) return true;
      const e = texts.get(c.id);
      if (!e || !matchesAll(`${title}\n${e.lower}`, terms)) return false;
      return (
        snippet(
          e.text,
          terms.filter((t) => e.lower.includes(t)),
        ) !== null
      );
    })
    .map((c) => c.id);
}

function time(run: () => void, reps = 5): number {
  run();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    run();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(reps / 2)]!;
}

describe('library search', () => {
  it('finds every conversation whose title or text holds every term, in list order', () => {
    const { list, texts } = library(1000, 100);
    const terms = searchTerms('Zeppelin');
    const { hits, inText } = searchConversations(list, terms, (id) => texts.get(id));
    expect(hits.map((c) => c.id)).toEqual(oldSearch(list, terms, texts));
    expect(hits).toHaveLength(10); // every 100th in its text, every 200th also in its title
    expect(inText.has('c99')).toBe(true);
    expect(inText.has('c199')).toBe(false); // its title matches: no snippet needed
    // Terms can be split between title and text.
    expect(searchConversations(list, searchTerms('markdown short'), (id) => texts.get(id)).hits.length).toBe(125);
  });

  it('knows when a longer query only narrows the previous one', () => {
    expect(narrows(['zep'], ['zeppelin'])).toBe(true);
    expect(narrows(['zep'], ['zeppelin', 'x'])).toBe(true);
    expect(narrows(['zep', 'a'], ['zeppelin'])).toBe(false);
    expect(narrows([], ['a'])).toBe(false);
  });

  // Timing is logged, not asserted (the machine is shared); the issue asks ≤ 100 ms over 10,000 conversations.
  it('10,000 conversations: logs the time of one search, before and after', () => {
    for (const chars of [100, 2000]) {
      const { list, texts } = library(10_000, chars);
      const terms = searchTerms('zeppelin');
      const before = time(() => oldSearch(list, terms, texts));
      const after = time(() => searchConversations(list, terms, (id) => texts.get(id)));
      const common = time(() => searchConversations(list, searchTerms('the answer'), (id) => texts.get(id)));
      console.info(
        `search 10k conversations, ~${chars} chars of text each: before ${before.toFixed(1)} ms, now ${after.toFixed(1)} ms (a common phrase: ${common.toFixed(1)} ms)`,
      );
      expect(searchConversations(list, terms, (id) => texts.get(id)).hits.length).toBe(100);
    }
  });
});
