import { lazy } from 'react';

// Editing UI is needed only once a person edits: kept out of the first load.
export const LazyMessageEditor = lazy(() => import('./MessageEditor').then((m) => ({ default: m.MessageEditor })));
export const LazyMessageRawJson = lazy(() => import('./RawJsonPanels').then((m) => ({ default: m.MessageRawJson })));
export const LazyConversationRawJson = lazy(() => import('./RawJsonPanels').then((m) => ({ default: m.ConversationRawJson })));

/** Starts loading the editor (on hover or focus of an edit control), so opening it feels instant. */
export function preloadEditor(): void {
  void import('./MessageEditor');
}
