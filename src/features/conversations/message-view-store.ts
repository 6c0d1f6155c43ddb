// How a message's (or a compare choice's) text is shown: rendered markdown, its raw text, or its
// tokens. The default (rendered or raw) is a setting and persists. A choice made on one message is
// kept in memory only: it is a glance ("what did the model really write here?"), ids of messages
// long deleted would pile up in storage, and after a reload the default is one click away. Kept
// outside the rows, so the choice survives the message list unmounting rows that scroll away.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as v from 'valibot';
import { persisted } from '../../lib/storage/persisted';

export type TextView = 'rendered' | 'raw' | 'tokens';
export type DefaultTextView = 'rendered' | 'raw';

interface MessageViewState {
  defaultView: DefaultTextView;
  /** Messages whose view differs from the default (never persisted). */
  chosen: Record<string, TextView>;
}

export const useMessageViewStore = create<MessageViewState>()(
  persist(
    // Its actions are in message-view-actions.ts: only lazily loaded code changes the view.
    (): MessageViewState => ({ defaultView: 'rendered', chosen: {} }),
    persisted({
      store: 'messageView',
      version: 1,
      schema: v.partial(v.object({ defaultView: v.picklist(['rendered', 'raw']) })),
      partialize: (s) => ({ defaultView: s.defaultView }),
    }),
  ),
);

/** The view a message shows: its own choice, else the default. */
export function useTextView(messageId: string): TextView {
  return useMessageViewStore((s) => s.chosen[messageId] ?? s.defaultView);
}
