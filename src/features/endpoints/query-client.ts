import { QueryClient } from '@tanstack/react-query';

/**
 * The app's one query cache. Also read outside React: a request is built with the same model facts
 * (catalog, the server's model list) the preview shows (`modelFactsNow` in model-catalog.ts).
 */
export const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
