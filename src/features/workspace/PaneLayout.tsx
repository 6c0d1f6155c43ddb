import { useEffect, useRef, type ReactNode } from 'react';
import { focusedElement, inertOutside, wrapTab } from '../../components/ui/focus';
import { NARROW_QUERY, useLayoutStore, type SidePane } from './layout-store';
import { Resizer } from './Resizer';
import { useMediaQuery } from './use-media';

// Written out whole so Tailwind sees the class names.
const SIDE = {
  left: 'left-0 motion-safe:animate-[pg-drawer-left_160ms_ease-out]',
  right: 'right-0 motion-safe:animate-[pg-drawer-right_160ms_ease-out]',
};
const TITLES: Record<SidePane, string> = { library: 'Library', params: 'Settings' };

/**
 * library | conversation | settings. On a wide screen the side panes are resizable, collapsible
 * columns whose sizes persist; on a narrow one they are modal drawers over the conversation.
 */
export function PaneLayout({ library, center, params }: { library: ReactNode; center: ReactNode; params: ReactNode }) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const drawer = useLayoutStore((s) => s.drawer);
  const setDrawer = useLayoutStore((s) => s.setDrawer);

  useEffect(() => {
    if (!narrow && drawer) setDrawer(null);
  }, [narrow, drawer, setDrawer]);

  if (narrow) {
    return (
      <div className="relative flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col *:min-h-0">{center}</div>
        <Drawer pane="library" side="left" open={drawer === 'library'} onClose={() => setDrawer(null)}>
          {library}
        </Drawer>
        <Drawer pane="params" side="right" open={drawer === 'params'} onClose={() => setDrawer(null)}>
          {params}
        </Drawer>
      </div>
    );
  }

  return (
    <div className="flex min-h-0 flex-1">
      <Column pane="library">{library}</Column>
      <Resizer pane="library" side="left" label="Resize library" />
      <div className="flex min-w-0 flex-1 flex-col *:min-h-0">{center}</div>
      <Resizer pane="params" side="right" label="Resize settings" />
      <Column pane="params">{params}</Column>
    </div>
  );
}

function Column({ pane, children }: { pane: SidePane; children: ReactNode }) {
  const { size, collapsed } = useLayoutStore((s) => s.panes[pane]);
  // Collapsed panes stay mounted (search text, scroll position survive) but leave the layout and tab order.
  return (
    <div
      id={`pane-${pane}`}
      data-testid={`pane-${pane}`}
      data-collapsed={collapsed}
      hidden={collapsed}
      style={{ width: size }}
      className="min-h-0 shrink-0 *:h-full *:w-full *:min-w-0 [&:not([hidden])]:flex"
    >
      {children}
    </div>
  );
}

/**
 * A side pane as a modal drawer: while open, everything else on the page is inert except the
 * toasts (an Undo after deleting from the library must stay clickable) and dialogs opened from
 * here; Tab wraps inside, Escape or a click on the backdrop closes it, and focus goes back to
 * whatever opened it. Not a showModal() <dialog>: that would make the toasts inert too.
 */
function Drawer({
  pane,
  side,
  open,
  onClose,
  children,
}: {
  pane: SidePane;
  side: 'left' | 'right';
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const el = ref.current;
    if (!open || !el) return;
    const opener = focusedElement();
    const undo = inertOutside([el, ...(backdrop.current ? [backdrop.current] : [])]);
    el.querySelector<HTMLElement>('input, button, textarea, select, [tabindex]:not([tabindex="-1"])')?.focus();
    // Focus lost to the body (the row whose Delete was pressed is gone): Escape still closes.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && e.target === document.body && !document.querySelector('dialog:modal'))
        close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      undo();
      // Back to the opener, unless whatever closed the drawer has put focus elsewhere (a conversation opened).
      const now = document.activeElement;
      if ((now === null || now === document.body || el.contains(now)) && opener?.isConnected) opener.focus();
    };
  }, [open]);
  // Keys from a dialog or menu opened inside the drawer are theirs.
  const mine = (target: EventTarget) => target instanceof Element && target.closest('dialog, [role="dialog"]') === ref.current;
  return (
    <>
      {open ? <div ref={backdrop} className="fixed inset-0 z-30 bg-black/40" aria-hidden="true" onClick={onClose} /> : null}
      <div
        ref={ref}
        id={`pane-${pane}`}
        data-testid={`pane-${pane}`}
        data-collapsed={!open}
        role="dialog"
        aria-modal="true"
        aria-label={TITLES[pane]}
        hidden={!open}
        onKeyDown={(e) => {
          if (!mine(e.target)) return;
          if (e.key === 'Escape' && !e.defaultPrevented) {
            e.stopPropagation();
            onClose();
          } else wrapTab(e, e.currentTarget);
        }}
        className={`fixed inset-y-0 z-40 w-[min(88vw,340px)] shadow-2xl *:h-full *:w-full *:min-w-0 [&:not([hidden])]:flex ${SIDE[side]}`}
      >
        {children}
      </div>
    </>
  );
}
