import { Fragment, Suspense, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { choiceGroup } from '../../domain/choices';
import { siblingsByMessage } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { useCompareStore } from '../../features/compare/compare-store';
import { LazyChoiceColumns } from '../../features/compare/lazy';
import { ReplyMeter } from '../../features/meter/ReplyMeter';
import { MessageBoundary } from './MessageBoundary';
import { MessageView } from './MessageView';
import { VirtualMessageRows } from './VirtualMessageRows';

/**
 * Up to this many messages every one is in the DOM (find-in-page works, nothing is measured);
 * longer conversations are virtualized so they open at once.
 */
const VIRTUALIZE_FROM = 60;

/** The meter fills compare's slot: compare and meter are widgets that never import each other. */
const renderReplyMeter = (message: Message, sameRequest: readonly Message[]) => <ReplyMeter message={message} sameRequest={sameRequest} />;

/** Within this distance of the bottom the view follows the stream; scrolled further up it stays put. */
const STICK_PX = 48;

export function MessageList({ path, messages, running }: { path: Message[]; messages: Message[]; running: boolean }) {
  const siblings = useMemo(() => siblingsByMessage(messages, path), [path, messages]);
  const last = path.at(-1);
  const jumpToEnd = last !== undefined && (last.role === 'user' || last.status === 'streaming');
  const decided = useCompareStore((s) => (last?.requestId ? s.decided.includes(last.requestId) : false));
  const choices = useMemo(() => (decided ? [] : choiceGroup(messages, last)), [decided, messages, last]);
  const renderRow = (m: Message) => <MessageBoundary message={m}>{renderMessage(m)}</MessageBoundary>;
  const renderMessage = (m: Message) =>
    m === last && choices.length > 1 ? (
      <Suspense fallback={<MessageView message={m} siblings={siblings.get(m.id) ?? [m]} running={running} />}>
        <LazyChoiceColumns choices={choices} leafId={m.id} renderMeter={renderReplyMeter} />
      </Suspense>
    ) : (
      <MessageView message={m} siblings={siblings.get(m.id) ?? [m]} running={running} last={m === last} />
    );
  if (path.length >= VIRTUALIZE_FROM)
    return <VirtualMessageRows path={path} renderRow={renderRow} running={running} jumpToEnd={jumpToEnd} />;
  return <AllMessageRows path={path} renderRow={renderRow} running={running} jumpToEnd={jumpToEnd} />;
}

function AllMessageRows({
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
  const content = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    const onScroll = () => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    };
    const follow = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    el.addEventListener('scroll', onScroll, { passive: true });
    follow.observe(inner);
    return () => {
      el.removeEventListener('scroll', onScroll);
      follow.disconnect();
    };
  }, []);

  // Sending (a new user message or a reply starting) shows the end, wherever the reader was.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (jumpToEnd) atBottom.current = true;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [path.length, jumpToEnd]);

  return (
    <div ref={scroller} className="@container min-h-0 flex-1 overflow-y-auto" aria-live="polite" aria-busy={running}>
      <div ref={content} className="mx-auto max-w-3xl space-y-1 px-4 py-6">
        {path.map((m) => (
          <Fragment key={m.id}>{renderRow(m)}</Fragment>
        ))}
      </div>
    </div>
  );
}
