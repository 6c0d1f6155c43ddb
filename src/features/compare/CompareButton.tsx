import { lazy, Suspense, useState } from 'react';
import type { Conversation } from '../../domain/types';

const Dialog = lazy(() => import('./CompareConfigsDialog'));

/** Header button: the same conversation sent to up to four configurations side by side. */
export function CompareButton({ conversation, running }: { conversation: Conversation | null | undefined; running: boolean }) {
  const [open, setOpen] = useState(false);
  if (!conversation) return null;
  return (
    <>
      <button
        type="button"
        data-testid="compare-configs-button"
        disabled={running}
        onClick={() => setOpen(true)}
        title="Compare configurations side by side"
        className="shrink-0 rounded-md border border-line px-2 py-0.5 text-[12px] text-muted hover:border-accent hover:text-accent disabled:opacity-40"
      >
        Compare
      </button>
      {open ? (
        <Suspense fallback={null}>
          <Dialog conversation={conversation} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
