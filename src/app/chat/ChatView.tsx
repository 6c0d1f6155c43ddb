import { lazy, Suspense, useEffect } from 'react';
import { followConversationEndpoint } from '../../features/generation/conversation-endpoint';
import type { ActiveConversation } from '../../features/conversations/use-active-conversation';
import { EditorBar } from '../../features/editor/EditorBar';
import { PathSync } from '../../features/editor/path-store';
import { useActiveEndpoint } from '../../features/endpoints/endpoints-store';
import { CompareButton } from '../../features/compare/CompareButton';
import { useCompareStore } from '../../features/compare/compare-store';
import { GridButton } from '../../features/grid/GridButton';
import { FanOutNotice } from '../../features/compare/FanOutNotice';
import { LazyMeterStrip } from '../../features/meter/LazyMeterStrip';
import { ShareToolbar } from '../../features/share/ShareToolbar';
import { Composer } from './Composer';
import { EmptyState } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { useLiveRuns } from '../../features/generation/live-run-store';
import { MessageList } from './MessageList';
import { UsageSummary } from './UsageSummary';
import { TitleText } from '../../components/ui/TitleText';

// Said only when the open conversation was deleted in another tab: loaded then.
const DeletedElsewhereNotice = lazy(() => import('./DeletedElsewhereNotice').then((m) => ({ default: m.DeletedElsewhereNotice })));

export function ChatView({ active, model }: { active: ActiveConversation; model: string }) {
  const { conversation, path, messages } = active;
  const id = conversation?.id ?? null;
  const running = useLiveRuns((s) => (id ? s.runs[id] !== undefined : false));
  const endpoint = useActiveEndpoint();
  // The grid's columns are the saved compare configurations (composed here: widgets never import each other).
  const compareConfigs = useCompareStore((s) => s.configs);
  const endpointId = conversation?.endpointId ?? null;
  // Opening a conversation runs it against its own profile: the panel shows that one.
  useEffect(() => {
    if (id) followConversationEndpoint({ id, endpointId });
  }, [id, endpointId]);

  return (
    <main className="flex min-w-0 flex-1 flex-col bg-bg" aria-label="Conversation">
      <header className="flex h-12 shrink-0 items-center gap-2 border-b border-line bg-panel px-3 sm:gap-3 sm:px-4">
        {/* On a phone the title and the share tools come first; model and usage show from sm/md up. */}
        <h1 className="min-w-0 flex-1 truncate text-[14px] font-semibold sm:flex-initial">
          <TitleText title={conversation?.title ?? 'New conversation'} />
        </h1>
        <span className="hidden shrink-0 whitespace-nowrap rounded-md border border-line bg-sunken px-2 py-0.5 font-mono text-[11px] text-muted sm:inline">
          {model}
        </span>
        <span className="hidden min-w-0 truncate text-[12px] text-faint xl:inline">{endpoint.name}</span>
        <div className="ml-auto hidden shrink-0 md:block">
          <UsageSummary path={path} />
        </div>
        <GridButton conversation={conversation} path={path} configs={compareConfigs} />
        <CompareButton conversation={conversation} running={running} />
        <ShareToolbar active={active} />
      </header>
      <PathSync path={path} />
      {active.deletedElsewhere ? (
        <Suspense fallback={null}>
          <DeletedElsewhereNotice />
        </Suspense>
      ) : path.length === 0 ? (
        <EmptyState />
      ) : (
        <MessageList key={id ?? 'new'} path={path} messages={messages} running={running} />
      )}
      <EditorBar conversationId={id} path={path} model={model} running={running} />
      <div className="px-4">
        <FanOutNotice conversation={conversation} path={path} messages={messages} running={running} />
        <ErrorBanner conversation={conversation} path={path} />
      </div>
      <Composer
        conversationId={id}
        running={running}
        meter={<LazyMeterStrip conversation={conversation} path={path} messages={messages} />}
      />
    </main>
  );
}
