import { create } from 'zustand';

/** What the sidebar shows: a search query and a tag filter (not persisted: a reload shows everything); a pending rename. */
interface LibraryState {
  query: string;
  tag: string | null;
  /** A conversation whose title field should open for editing (the palette's Rename). */
  renaming: string | null;
  setQuery(query: string): void;
  setTag(tag: string | null): void;
  requestRename(id: string | null): void;
}

export const useLibraryStore = create<LibraryState>()((set) => ({
  query: '',
  tag: null,
  setQuery: (query) => set({ query }),
  renaming: null,
  setTag: (tag) => set({ tag }),
  requestRename: (renaming) => set({ renaming }),
}));
