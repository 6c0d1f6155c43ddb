// One notification channel for background events (saved, copied, exported, failed). Any feature
// calls toast(); the single <Toaster/> in the app shell renders them politely for screen readers.
import { create } from 'zustand';

export type ToastKind = 'info' | 'success' | 'error';
export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** Optional action, e.g. Undo. */
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  dismiss: (id: number) => void;
}

let nextId = 1;
const useToasts = create<ToastState>((set) => ({
  toasts: [],
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Shows a toast for `ms` (errors stay twice as long); returns its id. */
export function toast(message: string, kind: ToastKind = 'info', opts: { action?: Toast['action']; ms?: number } = {}): number {
  const id = nextId++;
  const entry: Toast = { id, kind, message, ...(opts.action ? { action: opts.action } : {}) };
  useToasts.setState((s) => ({ toasts: [...s.toasts.slice(-4), entry] }));
  const ms = opts.ms ?? (kind === 'error' ? 8000 : 4000);
  setTimeout(() => useToasts.getState().dismiss(id), ms);
  return id;
}

const tone: Record<ToastKind, string> = {
  info: 'border-line',
  success: 'border-ok/50',
  error: 'border-danger/60 text-danger',
};

export function Toaster() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    // Kept usable while a drawer makes the rest of the page inert (KEEP_LIVE in ./focus): Undo after a delete.
    <div
      data-keep-live
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 flex-col items-center gap-2"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          data-testid="toast"
          data-kind={t.kind}
          className={`pointer-events-auto flex items-center gap-3 rounded-md border bg-raised px-3 py-2 text-[13px] shadow-lg ${tone[t.kind]}`}
        >
          <span>{t.message}</span>
          {t.action && (
            <button
              type="button"
              className="font-medium text-accent hover:underline"
              onClick={() => {
                t.action?.run();
                dismiss(t.id);
              }}
            >
              {t.action.label}
            </button>
          )}
          <button type="button" aria-label="Dismiss" className="text-faint hover:text-fg" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
