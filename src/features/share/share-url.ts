import { sharePayload } from '../../lib/codec/share-fragment';

/**
 * The page's address, where a share link brings its conversation (in the fragment, `#share=…`).
 * Light on purpose: the first screen asks whether the address carries a conversation before the
 * codec loads.
 */
export function pageAddress(): string {
  return window.location.href;
}

/** Whether the address carries a shared conversation. */
export function hasShareLink(): boolean {
  return sharePayload(window.location.hash) !== null;
}

/** Calls `listener` when the fragment changes (a share link pasted into the address bar); returns the unsubscribe. */
export function subscribeAddress(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** Drops the fragment from the address (without a history entry), so a reload does not open the link again. */
export function clearShareLink(): void {
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
