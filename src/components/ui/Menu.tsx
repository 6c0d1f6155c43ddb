import {
  createContext,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';

/** Runs an item's action after the menu has closed and focus is back on its button. */
const SelectContext = createContext<(run: () => void) => void>((run) => run());

const ITEMS = '[role="menuitem"]:not([disabled])';

/**
 * A menu button (WAI-ARIA APG "menu button"): the button opens a `role=menu` whose items take the
 * focus one at a time. ↓/↑ move (wrapping), Home/End jump, a letter moves to the next item that
 * starts with it, Enter or Space activates, Escape closes and puts focus back on the button, Tab
 * closes and moves on. ↓ or ↑ on the closed button opens it on the first or last item. A click
 * outside closes it.
 *
 * `portal` renders the menu in <body> at fixed coordinates under the button (right-aligned, above
 * it when there is no room below), for buttons inside a scrolling or transformed list; otherwise
 * it renders next to the button and `menuClassName` places it.
 */
export function Menu({
  label,
  menuLabel = label,
  button,
  buttonClassName,
  menuClassName,
  portal = false,
  className = 'relative',
  children,
}: {
  /** The button's accessible name (and title). */
  label: string;
  /** The menu's accessible name. */
  menuLabel?: string;
  button: ReactNode;
  buttonClassName: string;
  menuClassName: string;
  portal?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  // Place a portalled menu, then focus its first (or last) item.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    const btn = buttonRef.current;
    if (!open || !menu || !btn) return;
    if (portal) {
      const r = btn.getBoundingClientRect();
      const { offsetWidth: w, offsetHeight: h } = menu;
      const below = r.bottom + 2 + h <= window.innerHeight;
      menu.style.top = `${below ? r.bottom + 2 : Math.max(8, r.top - 2 - h)}px`;
      menu.style.left = `${Math.max(8, Math.min(r.right - w, window.innerWidth - w - 8))}px`;
    }
    const all = items();
    (open === 'last' ? all.at(-1) : all[0])?.focus();
  }, [open, portal]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menuRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      e.preventDefault();
      all[(i + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at < 0 ? -1 : at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(-1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab')
      close(true); // focus is on the button when the browser moves it on
    else if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const k = e.key.toLowerCase();
      const next = [...all.slice(at + 1), ...all.slice(0, at + 1)].find((el) => el.textContent?.trim().toLowerCase().startsWith(k));
      if (next) {
        e.preventDefault();
        next.focus();
      }
    }
  };

  const menu = open ? (
    <div
      ref={menuRef}
      id={id}
      role="menu"
      aria-label={menuLabel}
      tabIndex={-1}
      onKeyDown={onMenuKey}
      className={portal ? `fixed ${menuClassName}` : menuClassName}
    >
      <SelectContext.Provider
        value={(run) => {
          close(true);
          run();
        }}
      >
        {children}
      </SelectContext.Provider>
    </div>
  ) : null;

  return (
    <div className={className}>
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? id : undefined}
        className={buttonClassName}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {button}
      </button>
      {portal && menu ? createPortal(menu, document.body) : menu}
    </div>
  );
}

/** One entry of a Menu: a button with `role=menuitem` that closes the menu, then runs `onSelect`. */
export function MenuItem({ onSelect, ...props }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> & { onSelect: () => void }) {
  const select = useContext(SelectContext);
  return <button type="button" role="menuitem" tabIndex={-1} {...props} onClick={() => select(onSelect)} />;
}

/** A labelled group of items; the label is shown but read through `aria-label`. */
export function MenuGroup({ label, labelClassName, children }: { label: string; labelClassName: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <div aria-hidden="true" className={labelClassName}>
        {label}
      </div>
      {children}
    </div>
  );
}

export function MenuSeparator({ className }: { className: string }) {
  return <div role="separator" className={className} />;
}
