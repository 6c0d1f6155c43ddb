// Which replies show their tokens instead of formatted text. Kept outside the row so the choice
// survives the message list unmounting rows that scroll out of view; not persisted (the
// logprobs are, so the view is one click away after a reload).
import { create } from 'zustand';

interface TokenViewState {
  shown: Record<string, true>;
  toggle: (messageId: string) => void;
}

export const useTokenView = create<TokenViewState>()((set) => ({
  shown: {},
  toggle: (messageId) =>
    set(({ shown }) => {
      const next = { ...shown };
      if (next[messageId]) delete next[messageId];
      else next[messageId] = true;
      return { shown: next };
    }),
}));
