import { useEffect, useRef, type ReactNode } from 'react';
import { IconButton } from '../../components/ui/Button';

/** A modal on the native <dialog>: focus trap, Escape and the top layer come from the browser. */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
  label,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  label?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) ref.current.close();
      }}
      className={`m-auto max-h-[85vh] w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-line bg-panel p-0 text-fg shadow-2xl backdrop:bg-black/40 ${wide ? 'max-w-4xl' : 'max-w-xl'}`}
    >
      <div className="flex max-h-[85vh] flex-col">
        <header className="flex h-11 shrink-0 items-center gap-2 border-b border-line px-4">
          <h2 className="min-w-0 flex-1 truncate text-[13px] font-semibold">{title}</h2>
          <IconButton label="Close" onClick={() => ref.current?.close()}>
            <span aria-hidden="true" className="text-[16px] leading-none">
              ×
            </span>
          </IconButton>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto p-4">{children}</div>
      </div>
    </dialog>
  );
}
