import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { useLayoutStore } from './layout-store';
import { Modal } from './Modal';
import { PaneLayout } from './PaneLayout';
import { ReplyAnnouncer } from './ReplyAnnouncer';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TopBar } from './TopBar';
import { useGlobalKeys } from './use-global-keys';
import { Welcome } from './Welcome';

const CommandPalette = lazy(() => import('./CommandPalette'));

function PaletteHost() {
  const open = useLayoutStore((s) => s.paletteOpen);
  const setOpen = useLayoutStore((s) => s.setPaletteOpen);
  return (
    <Modal open={open} onClose={() => setOpen(false)} label="Command palette" testId="command-palette" className="mt-[12vh] mb-auto w-[min(92vw,620px)]">
      <Suspense fallback={<div className="px-4 py-3 text-[13px] text-muted">Loading…</div>}>
        <CommandPalette onClose={() => setOpen(false)} />
      </Suspense>
    </Modal>
  );
}

/** The shell around every feature: top bar, three panes, palette, shortcuts and announcements. */
export function Workspace({ library, conversation, params }: { library: ReactNode; conversation: ReactNode; params: ReactNode }) {
  useGlobalKeys();

  useEffect(
    // On a phone, opening a conversation from the library drawer shows it.
    () =>
      useWorkspaceStore.subscribe((s, prev) => {
        if (s.activeConversationId !== prev.activeConversationId && useLayoutStore.getState().drawer === 'library') useLayoutStore.getState().setDrawer(null);
      }),
    [],
  );

  return (
    <div className="flex h-full flex-col overflow-hidden">
      <TopBar />
      <PaneLayout
        library={library}
        center={
          <>
            <Welcome />
            {conversation}
          </>
        }
        params={params}
      />
      <ShortcutsDialog />
      <PaletteHost />
      <ReplyAnnouncer />
    </div>
  );
}
