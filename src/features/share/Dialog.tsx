import type { ReactNode } from 'react';
import { IconButton } from '../../components/ui/Button';
import { Dialog as Modal } from '../../components/ui/Dialog';

/** The share feature's dialogs: a title bar with Close over scrolling content, on the app's one Dialog. */
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
  return (
    <Modal
      onClose={onClose}
      label={label}
      className={`max-h-[85vh] p-0 w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-line bg-panel shadow-2xl backdrop:bg-black/40 ${wide ? 'max-w-4xl' : 'max-w-xl'}`}
    >
      <div className="flex max-h-[85vh] flex-col">
        <header className="flex h-11 shrink-0 items-center gap-2 border-b border-line px-4">
          <h2 className="min-w-0 flex-1 truncate text-[13px] font-semibold">{title}</h2>
          <IconButton label="Close" onClick={onClose}>
            <span aria-hidden="true" className="text-[16px] leading-none">
              ×
            </span>
          </IconButton>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto p-4">{children}</div>
      </div>
    </Modal>
  );
}
