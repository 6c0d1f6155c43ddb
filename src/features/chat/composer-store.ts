import { create } from 'zustand';

/** The text being composed; shared so the request preview can show the next request exactly. */
export const useComposerStore = create<{ text: string; setText: (text: string) => void }>()((set) => ({
  text: '',
  setText: (text) => set({ text }),
}));
