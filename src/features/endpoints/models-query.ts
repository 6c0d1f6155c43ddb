import { queryOptions, useQuery } from '@tanstack/react-query';
import { isSecretHeader, type KeyHeader } from '../../domain/endpoints';

/** One query per endpoint and key: the model list is server state, cached and refetchable. */
export function modelsQueryOptions(
  baseURL: string,
  apiKey: string,
  headers: Record<string, string>,
  keyHeader: KeyHeader = 'authorization',
  secretHeaders: string[] = [],
) {
  // The cache key holds what tells requests apart, never a secret whole: its last 4 characters, like the key's.
  const headersKey = Object.entries(headers).map(([n, v]) => [n, isSecretHeader(n, secretHeaders) ? v.slice(-4) : v]);
  return queryOptions({
    queryKey: ['models', baseURL, apiKey.length > 0 ? apiKey.slice(-4) : '', headersKey, keyHeader, secretHeaders] as const,
    // The client loads beside the first screen, not in it.
    queryFn: async ({ signal }) =>
      (await import('../../lib/openai/client')).listModels({ baseURL, apiKey, headers, keyHeader, secretHeaders }, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useModels(
  baseURL: string,
  apiKey: string,
  headers: Record<string, string>,
  keyHeader: KeyHeader = 'authorization',
  secretHeaders: string[] = [],
) {
  return useQuery(modelsQueryOptions(baseURL, apiKey, headers, keyHeader, secretHeaders));
}
