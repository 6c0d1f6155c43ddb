import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadMarkdown } from '../components/markdown/Markdown';
import { recoverInterruptedStreams } from '../lib/db/recovery';
import { flushParams } from '../features/conversations/params-writer';
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
// Parameter edits made just before the last page close are still in the write-ahead record.
void flushParams().catch((err: unknown) => console.error('Saving parameters failed', err));
void recoverInterruptedStreams().catch((err: unknown) => console.error('Recovering interrupted replies failed', err));

const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
idle(() => preloadMarkdown());

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
