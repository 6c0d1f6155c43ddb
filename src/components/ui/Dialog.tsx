import { useEffect, useRef, type ReactNode } from 'react';
import { focusedElement, wrapTab } from './focus';

/** The usual look; a dialog that passes `className` sets its own size, surface and backdrop. */
const LOOK = 'w-[min(92vw,560px)] p-0 max-h-[85vh] overflow-hidden rounded-xl border border-line bg-raised shadow-2xl backdrop:bg-black/40';

/**
 * Every modal of the app, on the native <dialog> opened with showModal(): the browser traps focus
 * inside it (Tab wraps around), makes the page behind inert, puts it in the top layer and turns Escape into a
 * `cancel`. Focus goes back to the element that had it before opening — also when the dialog is
 * unmounted while open (the browser only restores it on close()), and not when whatever closed
 * the dialog has already put focus somewhere else.
 *
 * Controlled: `open` (default true, for dialogs that are mounted only while shown) and
 * `onClose`, called for Escape, a click on the backdrop, or a `<form method="dialog">`.
 * Children render only while open; an element marked `data-autofocus` gets the focus.
 */
export function Dialog({
  open = true,
  onClose,
  label,
  labelledBy,
  testId,
  className = LOOK,
  children,
}: {
  open?: boolean;
  onClose: () => void;
  /** The accessible name, or `labelledBy` the id of a visible title. */
  label?: string;
  labelledBy?: string;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const downOnBackdrop = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || !open) return;
    const opener = focusedElement();
    if (!el.open) el.showModal();
    // Children mounted while the dialog was still closed, so their autoFocus could not take.
    el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (el.open) el.close();
      const now = document.activeElement;
      const lost = now === null || now === document.body || el.contains(now);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-label={label}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // showModal() keeps focus out of the page, but Tab past the last control still leaves
        // for the browser's own UI: wrap it around inside the dialog instead.
        wrapTab(e, e.currentTarget);
      }}
      onPointerDown={(e) => {
        downOnBackdrop.current = e.target === e.currentTarget;
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog box itself is filled by its content) closes it;
        // a text selection dragged out of the content does not.
        if (e.target === e.currentTarget && downOnBackdrop.current) onClose();
      }}
      className={`m-auto text-fg ${className}`}
    >
      {open ? children : null}
    </dialog>
  );
}
