import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { useLayoutStore } from './layout-store';
import { Dialog } from '../../components/ui/Dialog';
import { PaneLayout } from './PaneLayout';
import { ReplyAnnouncer } from './ReplyAnnouncer';
import { TopBar } from './TopBar';
import { useGlobalKeys } from './use-global-keys';

// Loaded on first use: the palette (cmdk) and the shortcuts list stay out of the initial bundle.
const CommandPalette = lazy(() => import('./CommandPalette'));
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog'));

function ShortcutsHost() {
  const open = useLayoutStore((s) => s.shortcutsOpen);
  const [used, setUsed] = useState(false);
  if (open && !used) setUsed(true);
  return used ? (
    <Suspense fallback={null}>
      <ShortcutsDialog />
    </Suspense>
  ) : null;
}

function PaletteHost() {
  const open = useLayoutStore((s) => s.paletteOpen);
  const setOpen = useLayoutStore((s) => s.setPaletteOpen);
  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      label="Command palette"
      testId="command-palette"
      className="mt-[12vh] mb-auto max-h-[85vh] p-0 w-[min(92vw,620px)] overflow-hidden rounded-xl border border-line bg-raised shadow-2xl backdrop:bg-black/40"
    >
      <Suspense fallback={<div className="px-4 py-3 text-[13px] text-muted">Loading…</div>}>
        <CommandPalette onClose={() => setOpen(false)} />
      </Suspense>
    </Dialog>
  );
}

/** The shell around every feature: top bar, three panes, palette, shortcuts and announcements. */
export function Workspace({ library, conversation, params }: { library: ReactNode; conversation: ReactNode; params: ReactNode }) {
  useGlobalKeys();

  useEffect(
    // On a phone, opening a conversation from the library drawer shows it.
    () =>
      useWorkspaceStore.subscribe((s, prev) => {
        if (s.activeConversationId !== prev.activeConversationId && useLayoutStore.getState().drawer === 'library')
          useLayoutStore.getState().setDrawer(null);
      }),
    [],
  );

  return (
    <div className="flex h-full flex-col overflow-hidden">
      <button
        type="button"
        onClick={() => document.querySelector<HTMLElement>('[data-testid="composer-input"]')?.focus()}
        className="sr-only z-50 rounded-md bg-accent px-3 py-1.5 text-[13px] font-medium text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to the message box
      </button>
      <TopBar />
      <PaneLayout library={library} center={conversation} params={params} />
      <ShortcutsHost />
      <PaletteHost />
      <ReplyAnnouncer />
    </div>
  );
}
