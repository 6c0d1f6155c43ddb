import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FOCUS_REQUEST_MS, useEditorStore } from './editor-store';

beforeEach(() => {
  vi.useFakeTimers();
  useEditorStore.setState({ focusRequest: null });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('focus requests in the editor store', () => {
  it('holds the element to focus until it is taken', () => {
    useEditorStore.getState().requestFocus('m1', 'role-select');
    const request = useEditorStore.getState().focusRequest;
    expect(request).toEqual({ messageId: 'm1', target: 'role-select' });
    useEditorStore.getState().focusDone(request!);
    expect(useEditorStore.getState().focusRequest).toBeNull();
  });

  it('the newest request wins, and taking an older one leaves it', () => {
    const store = useEditorStore.getState();
    store.requestFocus('m1', 'edit-button');
    const older = useEditorStore.getState().focusRequest!;
    store.requestFocus(null, 'add-message');
    useEditorStore.getState().focusDone(older);
    expect(useEditorStore.getState().focusRequest).toEqual({ messageId: null, target: 'add-message' });
  });

  it('drops a request nothing took in time', () => {
    useEditorStore.getState().requestFocus('m1', 'text-input');
    vi.advanceTimersByTime(FOCUS_REQUEST_MS - 1);
    expect(useEditorStore.getState().focusRequest).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(useEditorStore.getState().focusRequest).toBeNull();
  });

  it('the expiry of an older request does not drop a newer one', () => {
    useEditorStore.getState().requestFocus('m1', 'move-up');
    vi.advanceTimersByTime(FOCUS_REQUEST_MS / 2);
    useEditorStore.getState().requestFocus('m1', 'move-down');
    vi.advanceTimersByTime(FOCUS_REQUEST_MS / 2);
    expect(useEditorStore.getState().focusRequest).toEqual({ messageId: 'm1', target: 'move-down' });
  });
});
