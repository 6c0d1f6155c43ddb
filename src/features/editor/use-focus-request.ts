import type { MessageId } from '../../domain/types';
import { useEffect, useRef, type RefObject } from 'react';
import { useEditorStore, type FocusTarget } from './editor-store';

/**
 * The element that answers focus requests for `target` of a message (or of the editor bar, with a
 * null message): attach the returned ref. When a request names it, it is focused as soon as it is
 * rendered and enabled, and the request is cleared.
 */
export function useFocusRequest<T extends HTMLElement>(
  messageId: MessageId | null,
  target: FocusTarget,
  disabled = false,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  const request = useEditorStore((s) =>
    s.focusRequest !== null && s.focusRequest.messageId === messageId && s.focusRequest.target === target ? s.focusRequest : null,
  );
  useEffect(() => {
    const el = ref.current;
    if (!request || disabled || !el) return;
    el.focus();
    useEditorStore.getState().focusDone(request);
  }, [request, disabled]);
  return ref;
}
