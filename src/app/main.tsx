import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadMarkdown } from '../components/markdown/Markdown';
import { openDatabase } from '../lib/db/health';
import { recoverInterruptedStreams } from '../lib/db/recovery';
import { flushParams } from '../features/conversations/params-writer';
import { prefetchActiveConversation } from '../features/conversations/use-active-conversation';
import { preloadEditor } from '../features/editor/lazy';
import { preloadChoiceColumns } from '../features/compare/lazy';
import { preloadRuns } from '../features/chat/runs';
import { startLibraryList } from '../features/library/library-list';
import { registerServiceWorker } from '../features/workspace/sw-register';
import { startTheme } from '../features/workspace/theme';
import { App } from './App';
import { registerAppCommands } from './commands';
import { applyUrlConfig } from './url-config';
import './styles.css';

startTheme();
registerAppCommands();
registerServiceWorker();

applyUrlConfig();
// The sidebar's first screen and the open conversation paint with the app; the whole list
// follows from the indexes.
const opened = openDatabase().then(() =>
  Promise.all([
    startLibraryList(),
    prefetchActiveConversation().catch((err: unknown) => console.error('Reading the open conversation failed', err)),
  ]),
);
void opened.then(async () => {
  // Parameter edits made just before the last page close are still in the write-ahead record.
  await flushParams().catch((err: unknown) => console.error('Saving parameters failed', err));
  await recoverInterruptedStreams().catch((err: unknown) => console.error('Recovering interrupted replies failed', err));
});

const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
idle(() => {
  preloadMarkdown();
  preloadEditor();
  preloadChoiceColumns();
  preloadRuns().catch((err: unknown) => console.error('Loading the request code failed', err));
});

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

// Render once the database is open (a few ms), or after 1 s at most: a blocked upgrade shows its notice.
await Promise.race([opened, new Promise((r) => setTimeout(r, 1000))]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
