// Long conversations render only the messages near the viewport. End-anchored (TanStack Virtual's
// chat mode): opens at the newest message, follows a growing reply only while the reader is at the
// end, and keeps the visible message still when rows above are measured.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { MarkdownTimingContext } from '../../components/markdown/Markdown';
import type { Message } from '../../domain/types';

const STICK_PX = 48;

export function VirtualMessageRows({
  path,
  renderRow,
  running,
  jumpToEnd,
}: {
  path: Message[];
  renderRow: (m: Message) => ReactNode;
  running: boolean;
  jumpToEnd: boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: path.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 220,
    getItemKey: (i) => path[i]?.id ?? i,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: STICK_PX,
    overscan: 2,
    paddingStart: 24,
    paddingEnd: 24,
  });

  useLayoutEffect(() => pinToEnd(virtualizer), [virtualizer]);

  // Sending (a new user message or a reply starting) shows the end, wherever the reader was.
  useLayoutEffect(() => (jumpToEnd ? pinToEnd(virtualizer) : undefined), [virtualizer, path.length, jumpToEnd]);

  // A fling (a scroll step longer than the viewport) mounts rows that pass by in a frame or two:
  // those wait for their markdown until it ends. Reading or slow scrolling keeps it at once.
  const flingFrom = useRef({ offset: 0, on: false });
  const offset = virtualizer.scrollOffset ?? 0;
  const step = Math.abs(offset - flingFrom.current.offset);
  const flinging = virtualizer.isScrolling && (flingFrom.current.on || step > (virtualizer.scrollRect?.height ?? Infinity));
  flingFrom.current = { offset, on: flinging };

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scroller} data-bench-scroller="" className="@container min-h-0 flex-1 overflow-y-auto" aria-busy={running}>
      <div className="relative mx-auto w-full max-w-3xl" style={{ height: virtualizer.getTotalSize() }}>
        <div className="absolute inset-x-0 top-0 px-4" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const m = path[item.index];
            if (!m) return null;
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="pb-1">
                <Row scrolling={virtualizer.isScrolling} flinging={flinging && m.status !== 'streaming'}>
                  {renderRow(m)}
                </Row>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * Rows far from the viewport have only estimated heights, so one jump to the end lands short once
 * the rows there are measured. Jump again each frame until the end holds still (a few frames).
 */
function pinToEnd(virtualizer: { scrollToEnd: () => void; isAtEnd: (threshold?: number) => boolean }): () => void {
  let frame = 0;
  let settled = 0;
  let id = 0;
  const step = () => {
    virtualizer.scrollToEnd();
    settled = virtualizer.isAtEnd(2) ? settled + 1 : 0;
    if (settled < 3 && ++frame < 30) id = requestAnimationFrame(step);
  };
  step();
  return () => cancelAnimationFrame(id);
}

/** How long a row that mounted mid-fling may stay plain text while the fling goes on. */
const HOLD_MS = 1000;

/**
 * A row that mounts mid-scroll paints plain text first and its markdown in a background render, so
 * no frame of the scroll waits for a parse. One that mounts mid-fling stays plain text until the
 * fling ends (most rows pass by without being parsed), for a second at most. A streaming row is
 * never held.
 */
function Row({ scrolling, flinging, children }: { scrolling: boolean; flinging: boolean; children: React.ReactNode }) {
  const [mounted] = useState({ scrolling, flinging });
  const [held, setHeld] = useState(mounted.flinging);
  useEffect(() => {
    if (!mounted.flinging) return;
    const t = setTimeout(() => setHeld(false), HOLD_MS);
    return () => clearTimeout(t);
  }, [mounted.flinging]);
  const timing = !mounted.scrolling ? 'now' : mounted.flinging && flinging && held ? 'later' : 'background';
  return <MarkdownTimingContext value={timing}>{children}</MarkdownTimingContext>;
}
