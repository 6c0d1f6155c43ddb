import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ListView } from './use-conversation-list';
import { ConversationItem } from './ConversationItem';

const HEADER = 28;
const ROW = 32;
const ROW_WITH_SNIPPET = 46;

/** Only the rows in view (plus a few) are in the DOM, so 10,000 conversations open and scroll at once. */
export function ConversationList({ view, activeId, onOpen }: { view: ListView; activeId: string | null; onOpen: (id: string) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, inText, snippetOf, terms } = view;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => {
      const r = rows[i]!;
      return r.kind === 'header' ? HEADER : inText.has(r.conversation.id) ? ROW_WITH_SNIPPET : ROW;
    },
    getItemKey: (i) => rows[i]!.key,
    overscan: 10,
    // Rows render on the first frame, before the scroll element has been measured.
    initialRect: { width: 256, height: 800 },
  });

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto px-2 pb-2" role="list" aria-label="Conversation list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const r = rows[v.index]!;
          return (
            <div
              key={v.key}
              role="listitem"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}
            >
              {r.kind === 'header' ? (
                <div className="flex h-full items-end px-2.5 pb-1 text-[11px] font-semibold tracking-wide text-faint uppercase">
                  {r.label}
                </div>
              ) : (
                <ConversationItem
                  conversation={r.conversation}
                  active={r.conversation.id === activeId}
                  terms={terms}
                  snippet={snippetOf(r.conversation.id)}
                  onOpen={onOpen}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
