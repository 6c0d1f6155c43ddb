/**
 * How services tell the person something outside the screen they act on (saved, copied, failed,
 * Undo). Services call `notify`; the composition root connects it to the app's toasts
 * (`setNotifier` in app/main.tsx), so no service imports a component and tests can listen in.
 */
export type NoticeKind = 'info' | 'success' | 'error';

export interface NoticeOptions {
  /** How long it shows (default: a few seconds, errors longer). */
  ms?: number;
  /** One action offered with it, e.g. Undo. */
  action?: { label: string; run: () => void };
}

export type Notifier = (message: string, kind?: NoticeKind, options?: NoticeOptions) => void;

let sink: Notifier = (message, kind) => (kind === 'error' ? console.error(message) : console.info(message));

export function setNotifier(next: Notifier): void {
  sink = next;
}

export const notify: Notifier = (message, kind, options) => sink(message, kind, options);
