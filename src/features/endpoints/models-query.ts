import { queryOptions, useQuery } from '@tanstack/react-query';

/** One query per endpoint and key: the model list is server state, cached and refetchable. */
export function modelsQueryOptions(baseURL: string, apiKey: string, headers: Record<string, string>) {
  return queryOptions({
    queryKey: ['models', baseURL, apiKey.length > 0 ? apiKey.slice(-4) : '', headers] as const,
    // The client loads beside the first screen, not in it.
    queryFn: async ({ signal }) => (await import('../../lib/openai/client')).listModels({ baseURL, apiKey, headers }, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useModels(baseURL: string, apiKey: string, headers: Record<string, string>) {
  return useQuery(modelsQueryOptions(baseURL, apiKey, headers));
}
