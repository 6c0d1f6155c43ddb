import { queryOptions, useQuery } from '@tanstack/react-query';
import type { KeyHeader } from '../../domain/endpoints';

/** One query per endpoint and key: the model list is server state, cached and refetchable. */
export function modelsQueryOptions(
  baseURL: string,
  apiKey: string,
  headers: Record<string, string>,
  keyHeader: KeyHeader = 'authorization',
) {
  return queryOptions({
    queryKey: ['models', baseURL, apiKey.length > 0 ? apiKey.slice(-4) : '', headers, keyHeader] as const,
    // The client loads beside the first screen, not in it.
    queryFn: async ({ signal }) => (await import('../../lib/openai/client')).listModels({ baseURL, apiKey, headers, keyHeader }, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useModels(baseURL: string, apiKey: string, headers: Record<string, string>, keyHeader: KeyHeader = 'authorization') {
  return useQuery(modelsQueryOptions(baseURL, apiKey, headers, keyHeader));
}
