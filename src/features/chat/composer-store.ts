import { create } from 'zustand';
import type { ContentPart } from '../../domain/types';

/** The text being composed; shared so the request preview can show the next request exactly. */
export const useComposerStore = create<{ text: string; setText: (text: string) => void; parts: ContentPart[]; setParts: (parts: ContentPart[]) => void }>()((set) => ({
  text: '',
  setText: (text) => set({ text }),
  /** Files attached to the next user message (stored as blobs already). */
  parts: [],
  setParts: (parts) => set({ parts }),
}));
