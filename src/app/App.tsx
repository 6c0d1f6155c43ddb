import { Toaster } from '../components/ui/toast';
import { ChatView } from './chat/ChatView';
import { useActiveConversation, useActiveParams } from '../features/conversations/use-active-conversation';
import { Sidebar } from '../features/library/Sidebar';
import { StorageBanner } from '../features/library/StorageBanner';
import { EndpointPanel } from '../features/endpoints/EndpointPanel';
import { ParamsPanel } from '../features/parameters/ParamsPanel';
import { RequestPreview } from '../features/parameters/RequestPreview';
import { VariablesGate } from '../features/parameters/VariablesGate';
import { ShareLinkGate } from '../features/share/ShareLinkGate';
import { Workspace } from '../features/workspace/Workspace';
import { lazy, memo, Suspense, useCallback } from 'react';

// The palette's conversation, reply, endpoint and model commands register after the first screen.
const PaletteCommands = lazy(() => import('./palette-commands'));
// Retries, timeout and how messages show: below the request settings, not needed for the first screen.
const GeneralSettings = memo(lazy(() => import('../features/parameters/GeneralSettings')));

// The panels around the conversation re-render only when their own inputs change, not on each save
// of a streaming reply (which gives the app a new `active`).
const SidebarSlot = memo(Sidebar);
const EndpointSlot = memo(EndpointPanel);
const ParamsSlot = memo(ParamsPanel);

export function App() {
  const active = useActiveConversation();
  const { params, setParams } = useActiveParams(active.conversation);
  const setModel = useCallback((model: string) => setParams({ ...params, model }), [params, setParams]);

  return (
    <>
      <Workspace
        library={<SidebarSlot />}
        conversation={<ChatView active={active} model={params.model} />}
        params={
          <aside aria-label="Settings" className="flex flex-col overflow-y-auto border-l border-line bg-panel">
            <div className="flex h-12 shrink-0 items-center border-b border-line px-4 text-[13px] font-semibold">Settings</div>
            <div className="space-y-4 p-3">
              <EndpointSlot model={params.model} onModel={setModel} />
              <ParamsSlot params={params} onChange={setParams} />
              <Suspense fallback={null}>
                <GeneralSettings />
              </Suspense>
              <VariablesGate path={active.path} />
              <RequestPreview path={active.path} params={params} />
            </div>
          </aside>
        }
      />
      <Suspense fallback={null}>
        <PaletteCommands active={active} />
      </Suspense>
      <ShareLinkGate />
      <StorageBanner exportEverything={() => void import('../features/share/share-actions').then((m) => m.backupEverything())} />
      <Toaster />
    </>
  );
}
