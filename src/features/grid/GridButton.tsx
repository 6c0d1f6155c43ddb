import { lazy, Suspense, useState } from 'react';
import type { Conversation, Message } from '../../domain/types';
import type { ColumnSource } from './grid-actions';
import type * as GridDialogModule from './GridDialog';

// The grid, its parser and its runner are not in the first screen's code (its budget): they load
// in idle time after start-up (`preloadGrid`), or when a grid is opened first.
// Once loaded, the dialog renders directly: through `lazy` it would suspend for a moment on its
// first render, and React holds a revealed Suspense boundary back for 300 ms (its fallback
// throttle) — the whole of the grid's first-open time once its code was preloaded.
let Loaded: typeof GridDialogModule.default | null = null;
const loadGridDialog = () =>
  import('./GridDialog').then((m) => {
    Loaded = m.default;
    return m;
  });
const GridDialog = lazy(loadGridDialog);

export function preloadGrid(): void {
  void loadGridDialog().catch(() => {}); // opening the grid tries again and says so
}

/** Header button: the open conversation run over test cases × configurations. */
export function GridButton({
  conversation,
  path,
  configs,
}: {
  conversation: Conversation | null | undefined;
  path: Message[];
  configs: ColumnSource[];
}) {
  const [open, setOpen] = useState(false);
  if (!conversation) return null;
  return (
    <>
      <button
        type="button"
        data-testid="grid-open-button"
        onClick={() => setOpen(true)}
        title="Run this conversation over test cases and configurations"
        className="shrink-0 rounded-md border border-line px-2 py-0.5 text-[12px] text-muted hover:border-accent hover:text-accent"
      >
        Grid
      </button>
      {open ? (
        Loaded ? (
          <Loaded conversation={conversation} path={path} configs={configs} onClose={() => setOpen(false)} />
        ) : (
          <Suspense fallback={null}>
            <GridDialog conversation={conversation} path={path} configs={configs} onClose={() => setOpen(false)} />
          </Suspense>
        )
      ) : null}
    </>
  );
}
