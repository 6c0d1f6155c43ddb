import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { registerCommands } from '../../lib/commands/commands';
import type { Conversation } from '../../domain/types';

const Dialog = lazy(() => import('./CompareConfigsDialog'));

/** Header button: the same conversation sent to up to four configurations side by side. */
export function CompareButton({ conversation, running }: { conversation: Conversation | null | undefined; running: boolean }) {
  const [open, setOpen] = useState(false);
  const usable = useRef(false);
  useEffect(() => {
    usable.current = !!conversation && !running;
  }, [conversation, running]);
  useEffect(
    () =>
      registerCommands([
        {
          id: 'compare.configurations',
          title: 'Compare configurations side by side…',
          group: 'Reply',
          keywords: ['models', 'side by side', 'a/b'],
          enabled: () => usable.current,
          run: () => setOpen(true),
        },
      ]),
    [],
  );
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
