import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

type CloseReason = 'escape' | 'outside' | 'button';

/**
 * A button that shows a non-modal panel (`role=dialog`) next to it — the app's one popover.
 * The button carries `aria-expanded`, `aria-controls` and `aria-haspopup="dialog"`. Opening moves
 * focus into the panel (an element marked `data-autofocus`, else the panel itself); Escape closes
 * it and puts focus back on the button; a press anywhere outside closes it (focus goes where the
 * press went); the button toggles it. Tab may leave the panel, which stays open.
 *
 * It stays out of the way of the layers above it: an Escape meant for a dialog, a menu or a drawer
 * (or already handled, `defaultPrevented`) is not its own, and presses inside a modal dialog opened
 * over it do not count as outside, so the panel is still there when that dialog closes.
 *
 * Not the native `popover` attribute, though React 19 supports it: showModal() hides every open
 * `popover=auto`, and a shown popover sits in the top layer, above the phone drawers and the toasts.
 * The panel renders in place (the caller's `panelClassName` positions it) and its children only
 * while open. Controlled with `open` + `onOpenChange`, or on its own.
 */
export function Popover({
  open: controlled,
  onOpenChange,
  label,
  button,
  buttonLabel,
  buttonClassName,
  buttonTestId,
  panelClassName,
  panelTestId,
  className = 'relative',
  children,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The panel's accessible name. */
  label: string;
  /** What the button shows. */
  button: ReactNode;
  /** The button's accessible name, when its content does not say it. */
  buttonLabel?: string;
  buttonClassName: string;
  buttonTestId?: string;
  panelClassName: string;
  panelTestId?: string;
  /** The wrapper of button and panel (`contents` lets the panel position against an outer box). */
  className?: string;
  children: ReactNode;
}) {
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const reason = useRef<CloseReason | null>(null);
  const id = useId();

  const setOpen = (next: boolean, why?: CloseReason) => {
    reason.current = next ? null : (why ?? 'button');
    if (controlled === undefined) setOwn(next);
    onOpenChange?.(next);
  };
  // The listeners below outlive a render: they call the latest setOpen.
  const setOpenRef = useRef(setOpen);
  useLayoutEffect(() => {
    setOpenRef.current = setOpen;
  });

  useLayoutEffect(() => {
    const panel = panelRef.current;
    const btn = buttonRef.current;
    if (!open || !panel) return;
    (panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel).focus({ preventScroll: true });
    return () => {
      // Focus that was inside the panel would be lost with it: back to the button, unless the
      // panel closed because of a press elsewhere (focus follows that press).
      const now = document.activeElement;
      const lost = now === null || now === document.body || panel.contains(now);
      if (lost && reason.current !== 'outside') btn?.focus();
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const panel = panelRef.current;
    const btn = buttonRef.current;
    if (!panel || !btn) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
      const t = e.target instanceof Element ? e.target : null;
      const ours =
        t === btn ||
        (t !== null && panel.contains(t) && t.closest('dialog, [role="dialog"], [role="menu"]') === panel) ||
        ((t === null || t === document.body) && !document.querySelector('dialog:modal, [aria-modal="true"]:not([hidden])'));
      if (!ours) return;
      e.preventDefault(); // one Escape, one action: the editor's "Esc stops the reply" waits for the next
      setOpenRef.current(false, 'escape');
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target instanceof Element ? e.target : null;
      if (!t || panel.contains(t) || btn.contains(t)) return;
      const layer = t.closest('dialog[open]');
      if (layer && !layer.contains(panel)) return; // a dialog over the panel: not a press outside
      setOpenRef.current(false, 'outside');
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [open]);

  return (
    <div className={className}>
      <button
        ref={buttonRef}
        type="button"
        data-testid={buttonTestId}
        aria-label={buttonLabel}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        className={buttonClassName}
        onClick={() => setOpen(!open)}
      >
        {button}
      </button>
      {open ? (
        <div ref={panelRef} id={id} role="dialog" aria-label={label} tabIndex={-1} data-testid={panelTestId} className={panelClassName}>
          {children}
        </div>
      ) : null}
    </div>
  );
}
