// The toggles of the message view control and the palette, apart from the store: only the
// lazily loaded control and the palette use them, so they stay out of the first screen's code.
import { useMessageViewStore, type DefaultTextView, type TextView } from './message-view-store';

/** Shows a message in `view`; a message shown in the default view has no entry. */
export function showView(messageId: string, view: TextView): void {
  useMessageViewStore.setState(({ chosen, defaultView }) => {
    const next = { ...chosen };
    if (view === defaultView) delete next[messageId];
    else next[messageId] = view;
    return { chosen: next };
  });
}

export function textViewOf(messageId: string): TextView {
  const s = useMessageViewStore.getState();
  return s.chosen[messageId] ?? s.defaultView;
}

/** Raw ↔ rendered: raw goes back to rendered, any other view to raw. */
export function toggleRaw(messageId: string): void {
  showView(messageId, textViewOf(messageId) === 'raw' ? 'rendered' : 'raw');
}

/** Tokens on, or off again to the default view. */
export function toggleTokens(messageId: string): void {
  const s = useMessageViewStore.getState();
  showView(messageId, textViewOf(messageId) === 'tokens' ? s.defaultView : 'tokens');
}

/** A new default applies to every message: the choices made under the old one are dropped. */
export function setDefaultView(defaultView: DefaultTextView): void {
  useMessageViewStore.setState({ defaultView, chosen: {} });
}
