import { useRef } from 'react';
import { PANE_LIMITS, clampSize, useLayoutStore, type SidePane } from './layout-store';

const STEP = 16;

/**
 * The drag handle between a side pane and the conversation: a focusable ARIA separator.
 * Arrow keys resize, Enter collapses or expands, double-click restores the default width.
 * The size is written to the store when the drag ends, so storage sees one write per drag.
 */
export function Resizer({ pane, side, label }: { pane: SidePane; side: 'left' | 'right'; label: string }) {
  const { size, collapsed } = useLayoutStore((s) => s.panes[pane]);
  const setSize = useLayoutStore((s) => s.setSize);
  const setCollapsed = useLayoutStore((s) => s.setCollapsed);
  const drag = useRef<{ x: number; start: number; el: HTMLElement | null } | null>(null);
  const limits = PANE_LIMITS[pane];
  // Dragging towards the conversation grows a left pane and shrinks a right one.
  const sign = side === 'left' ? 1 : -1;

  const paneEl = () => document.getElementById(`pane-${pane}`);

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation="vertical"
      aria-controls={`pane-${pane}`}
      aria-valuemin={collapsed ? 0 : limits.min}
      aria-valuemax={limits.max}
      aria-valuenow={collapsed ? 0 : size}
      data-testid={`resize-${pane}`}
      className="group relative z-10 -mx-1 w-2 shrink-0 cursor-col-resize touch-none select-none focus-visible:outline-none"
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, start: collapsed ? 0 : size, el: paneEl() };
        document.body.style.cursor = 'col-resize';
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d?.el) return;
        const next = d.start + sign * (e.clientX - d.x);
        // Live feedback without re-rendering the app on every move.
        d.el.style.width = `${clampSize(pane, next)}px`;
        d.el.style.display = next < limits.min / 2 ? 'none' : '';
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        drag.current = null;
        document.body.style.cursor = '';
        if (!d) return;
        const next = d.start + sign * (e.clientX - d.x);
        if (d.el) {
          d.el.style.width = '';
          d.el.style.display = '';
        }
        if (next < limits.min / 2) setCollapsed(pane, true);
        else {
          setSize(pane, next);
          setCollapsed(pane, false);
        }
      }}
      onDoubleClick={() => {
        setSize(pane, limits.initial);
        setCollapsed(pane, false);
      }}
      onKeyDown={(e) => {
        const grow = side === 'left' ? 'ArrowRight' : 'ArrowLeft';
        const shrink = side === 'left' ? 'ArrowLeft' : 'ArrowRight';
        if (e.key === grow || e.key === shrink) {
          e.preventDefault();
          const delta = (e.key === grow ? 1 : -1) * (e.shiftKey ? STEP * 4 : STEP);
          setCollapsed(pane, false);
          setSize(pane, (collapsed ? limits.min : size) + (collapsed ? 0 : delta));
        } else if (e.key === 'Enter') {
          e.preventDefault();
          setCollapsed(pane, !collapsed);
        } else if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          setCollapsed(pane, false);
          setSize(pane, e.key === 'Home' ? limits.min : limits.max);
        }
      }}
    >
      {/* The panes draw their own borders; the handle shows itself on hover and focus. */}
      <div className="mx-auto h-full w-0.5 bg-transparent transition-colors group-hover:bg-accent group-focus-visible:bg-accent" />
    </div>
  );
}
