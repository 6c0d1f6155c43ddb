import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { libraryRows, matchesAll, searchTerms, type ConversationSummary, type LibraryRow } from '../../domain/library';
import { libraryList, subscribeLibraryList } from './library-list';
import { ensureSearchIndex, messageMatch, searchIndexReady, searchIndexVersion, subscribeSearchIndex } from './search-index';

/** Every conversation newest first, live across tabs (see library-list). */
export function useConversations(): ConversationSummary[] | undefined {
  return useSyncExternalStore(subscribeLibraryList, libraryList);
}

export interface ListView {
  rows: LibraryRow[];
  /** Message-text excerpts of search hits, by conversation id. */
  snippets: Map<string, string>;
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

  const { rows, snippets } = useMemo(() => {
    void indexVersion; // re-filter when more message text is indexed
    let shown = list ?? [];
    if (tag !== null) shown = shown.filter((c) => c.tags?.includes(tag));
    const snippets = new Map<string, string>();
    if (terms.length > 0) {
      shown = shown.filter((c) => {
        const title = c.title.toLowerCase();
        if (matchesAll(title, terms)) return true;
        const hit = messageMatch(c.id, title, terms);
        if (hit === null) return false;
        snippets.set(c.id, hit);
        return true;
      });
    }
    return { rows: libraryRows(shown, now), snippets };
  }, [list, tag, terms, now, indexVersion]);

  return { rows, snippets, terms, tags, total: list?.length ?? 0, loading: list === undefined, indexing: searching && !searchIndexReady() };
}
