import { create } from 'zustand';
import type { ContentPart } from '../../domain/types';

/** The text being composed; shared so the request preview can show the next request exactly. */
export const useComposerStore = create<{
  text: string;
  setText: (text: string) => void;
  parts: ContentPart[];
  setParts: (parts: ContentPart[]) => void;
}>()((set) => ({
  text: '',
  setText: (text) => set({ text }),
  /** Files attached to the next user message (stored as blobs already). */
  parts: [],
  setParts: (parts) => set({ parts }),
}));

/** Puts a message that was never stored back where it was typed, unless something new is there. */
export function giveBackToComposer(text: string, parts: ContentPart[]): void {
  const composer = useComposerStore.getState();
  if (composer.text === '') composer.setText(text);
  if (composer.parts.length === 0 && parts.length > 0) composer.setParts(parts);
}
