import { create } from 'zustand';

/** What the sidebar shows: a search query and a tag filter (not persisted: a reload shows everything). */
interface LibraryState {
  query: string;
  tag: string | null;
  setQuery(query: string): void;
  setTag(tag: string | null): void;
}

export const useLibraryStore = create<LibraryState>()((set) => ({
  query: '',
  tag: null,
  setQuery: (query) => set({ query }),
  setTag: (tag) => set({ tag }),
}));
