import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadMarkdown } from '../components/markdown/Markdown';
import { readBoot } from '../lib/db/boot-read';
import { recoverInterruptedStreams, retryDelayMs, storage } from '../lib/db/repo';
import { addProblem, clearProblem, onDatabaseRecreated } from '../lib/db/storage-health';
import { flushParams } from '../features/conversations/params-writer';
import { queryClient } from '../features/endpoints/query-client';
import { prefetchActiveConversation, showPrefetchedConversation } from '../features/conversations/use-active-conversation';
import { useWorkspaceStore } from '../features/conversations/workspace-store';
import { preloadEditor } from '../features/editor/lazy';
import { preloadChoiceColumns } from '../features/compare/lazy';
import { preloadRuns, provideGenerationHooks } from '../features/generation/runs';
import { preloadGrid } from '../features/grid/GridButton';
import { startEndpointBinding } from '../features/generation/conversation-endpoint';
import { scheduleUnusedFileCollection } from '../features/library/blob-collector';
import { toast } from '../components/ui/toast';
import { setNotifier } from '../lib/notify/notify';
import { restoreAfterDeletion } from '../features/library/library-actions';
import { followLibraryList, showFirstRows, startLibraryList } from '../features/library/library-list';
import { registerServiceWorker } from '../features/workspace/sw-register';
import { startTheme } from '../features/workspace/theme';
import { App } from './App';
import { registerAppCommands } from './commands';
import { applyUrlConfig } from './url-config';
import './styles.css';
import { errorMessage } from '../domain/errors';

startTheme();
// Services tell the person things through the app's toasts; the run engine has the meter count
// replies (its code loads with the engine's, on idle or at the first run).
setNotifier((message, kind, options) => void toast(message, kind, options));
provideGenerationHooks({
  countReplies: (path, replies, params) =>
    import('../features/meter/reply-estimate').then((m) => m.recordReplyEstimates(path, replies, params)),
});
registerAppCommands();
registerServiceWorker();

applyUrlConfig();
// A conversation keeps its endpoint profile: one chosen while it is open becomes its own.
startEndpointBinding();
// Images and audio no message or draft uses any more are freed on idle.
scheduleUnusedFileCollection();
// Site data cleared while the app is open: the database is recreated and what this tab shows is saved again.
onDatabaseRecreated(restoreAfterDeletion);
// The database code loads and opens the database in the background while the sidebar's first
// screen and the open conversation are read straight from IndexedDB (boot-read), so the app paints
// stored data without waiting for it. When that read cannot answer (first start of a new schema,
// newer data, storage faults), the first screen waits for the database as it opens.
const activeId = useWorkspaceStore.getState().activeConversationId;
const firstScreen = readBoot(activeId)
  .then(async (boot) => {
    if (boot) {
      showFirstRows(boot.summaries);
      if (boot.active) showPrefetchedConversation(boot.active.id, boot.active);
      followLibraryList();
      return;
    }
    // Both wait for the database to open; the list keeps trying if its code fails to load.
    await Promise.all([
      startLibraryList(),
      prefetchActiveConversation().catch((err: unknown) => console.error('Reading the open conversation failed', err)),
    ]);
  })
  .catch((err: unknown) => console.error('Reading the first screen failed', err));

/**
 * Loads the database code and opens the database, then catches up. A failed load is tried again,
 * less and less often; after a few failures a notice says changes are not being saved.
 */
function openStorage(attempt = 0): Promise<unknown> {
  return storage().then(
    async () => {
      clearProblem('code');
      // Parameter edits made just before the last page close are still in the write-ahead record.
      await flushParams().catch((err: unknown) => console.error('Saving parameters failed', err));
      await recoverInterruptedStreams().catch((err: unknown) => console.error('Recovering interrupted replies failed', err));
    },
    (err: unknown) => {
      console.error('Loading the database code failed; changes are saved once it loads', err);
      if (attempt >= 2) addProblem({ kind: 'code', detail: errorMessage(err) });
      setTimeout(() => void openStorage(attempt + 1), retryDelayMs(attempt, 2000));
    },
  );
}
void openStorage();

const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
idle(() => {
  preloadMarkdown();
  preloadEditor();
  preloadChoiceColumns();
  preloadRuns().catch((err: unknown) => console.error('Loading the request code failed', err));
  // Last, in a later idle period: a 200-row grid then opens in a frame or two, not after its code.
  idle(preloadGrid);
});

// Render once the first screen is read (a few ms), or after 1 s at most: a blocked upgrade shows its notice.
await Promise.race([firstScreen, new Promise((r) => setTimeout(r, 1000))]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
