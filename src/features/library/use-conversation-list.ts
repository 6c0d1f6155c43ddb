import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { libraryRows, searchTerms, snippet, type ConversationSummary, type LibraryRow } from '../../domain/library';
import { narrows, searchConversations, type SearchResult } from '../../domain/library-search';
import { libraryList, subscribeLibraryList } from './library-list';
import { ensureSearchIndex, indexedText, searchIndexReady, searchIndexVersion, subscribeSearchIndex } from './search-index';

/** Every conversation newest first, live across tabs (see library-list). */
export function useConversations(): ConversationSummary[] | undefined {
  return useSyncExternalStore(subscribeLibraryList, libraryList);
}

export interface ListView {
  rows: LibraryRow[];
  /** Hits found through their message text: they show an excerpt (see snippetOf). */
  inText: ReadonlySet<string>;
  /** The message-text excerpt of a hit, cut when its row is shown. */
  snippetOf: (id: string) => string | undefined;
  terms: string[];
  tags: string[];
  total: number;
  loading: boolean;
  /** True while message text is still being indexed (title matches already show). */
  indexing: boolean;
}

export function useLibraryView(query: string, tag: string | null): ListView {
  const list = useConversations();
  const terms = useMemo(() => searchTerms(query), [query]);
  const searching = terms.length > 0;
  useEffect(() => {
    if (!searching) return;
    // After the title matches are painted: reading every message must not delay that frame.
    const t = setTimeout(() => void ensureSearchIndex(), 250);
    return () => clearTimeout(t);
  }, [searching]);
  const indexVersion = useSyncExternalStore(subscribeSearchIndex, searchIndexVersion);
  const [now] = useState(() => Date.now());

  const tags = useMemo(() => [...new Set((list ?? []).flatMap((c) => c.tags ?? []))].sort((a, b) => a.localeCompare(b)), [list]);

  // The previous search, reused when the query only grew ("zep" → "zeppelin"): fewer candidates.
  const last = useRef<{ base: readonly ConversationSummary[]; indexVersion: number; terms: string[]; result: SearchResult } | null>(null);
  const { rows, inText } = useMemo(() => {
    let shown = list ?? [];
    if (tag !== null) shown = shown.filter((c) => c.tags?.includes(tag));
    let inText: ReadonlySet<string> = new Set();
    if (terms.length > 0) {
      const prev = last.current;
      const base = list ?? [];
      const candidates =
        prev && prev.base === base && prev.indexVersion === indexVersion && narrows(prev.terms, terms) ? prev.result.hits : base;
      const result = searchConversations(candidates, terms, indexedText);
      last.current = { base, indexVersion, terms, result };
      const hits = tag === null ? result.hits : result.hits.filter((c) => c.tags?.includes(tag));
      shown = hits;
      inText = result.inText;
    } else last.current = null;
    return { rows: libraryRows(shown, now), inText };
  }, [list, tag, terms, now, indexVersion]);
  const snippetOf = useMemo(() => {
    const cache = new Map<string, string | undefined>();
    return (id: string) => {
      if (!inText.has(id)) return undefined;
      if (!cache.has(id)) {
        const e = indexedText(id);
        cache.set(
          id,
          e
            ? (snippet(
                e.text,
                terms.filter((t) => e.lower.includes(t)),
              ) ?? undefined)
            : undefined,
        );
      }
      return cache.get(id);
    };
  }, [inText, terms]);

  return {
    rows,
    inText,
    snippetOf,
    terms,
    tags,
    total: list?.length ?? 0,
    loading: list === undefined,
    indexing: searching && !searchIndexReady(),
  };
}
