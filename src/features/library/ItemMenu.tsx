import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { IconButton } from '../../components/ui/Button';
import { MoreIcon } from '../../components/ui/icons';

export interface MenuAction {
  label: string;
  run: () => void;
}

/** A small menu of further actions; fixed-positioned so the scrolling list never clips it. */
export function ItemMenu({ actions, label }: { actions: MenuAction[]; label: string }) {
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!at) return;
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !menu.current?.contains(e.target as Node)) setAt(null);
    };
    document.addEventListener('pointerdown', close, true);
    document.addEventListener('keydown', close, true);
    return () => {
      document.removeEventListener('pointerdown', close, true);
      document.removeEventListener('keydown', close, true);
    };
  }, [at]);

  return (
    <>
      <IconButton
        label={label}
        aria-haspopup="menu"
        aria-expanded={at !== null}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setAt(at ? null : { top: r.bottom + 2, left: Math.max(8, r.right - 200) });
        }}
      >
        <MoreIcon />
      </IconButton>
      {at
        ? createPortal(
            <div
              ref={menu}
              role="menu"
              aria-label={label}
              style={{ top: at.top, left: at.left }}
              className="fixed z-40 w-[200px] rounded-md border border-line bg-raised py-1 shadow-lg"
            >
              {actions.map((a) => (
                <button
                  key={a.label}
                  type="button"
                  role="menuitem"
                  className="block w-full px-3 py-1.5 text-left text-[13px] text-fg hover:bg-sunken focus:bg-sunken focus:outline-none"
                  onClick={() => {
                    setAt(null);
                    a.run();
                  }}
                >
                  {a.label}
                </button>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
