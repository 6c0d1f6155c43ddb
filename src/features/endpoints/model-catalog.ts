import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { factsFromServerListing } from '../../domain/model-facts';
import type { ResolvedFacts } from '../../domain/model-facts';
import { laneEndpointId, resolveFacts } from '../../domain/price-book';
import type { Message } from '../../domain/types';
import { providerOf, type ProviderId } from '../../domain/providers';
import { genaiPrice, loadFactsCatalog, loadPricesModule, type CatalogLookup } from './catalog-loaders';
import { keyHeaderFor } from '../../domain/endpoints';
import { useActiveEndpoint, useEndpointsStore } from './endpoints-store';
import { useModelFactsStore } from './model-facts-store';
import { useModels } from './models-query';

/** genai-prices, loaded only while a profile of a hosted provider is in use (local servers need no catalog price). */
export function usePricesModule(needed: boolean) {
  return useQuery({
    queryKey: ['catalog', 'genai-prices'],
    queryFn: loadPricesModule,
    staleTime: Infinity,
    gcTime: Infinity,
    enabled: needed,
  });
}

/** models.dev lookups for these providers (each module loads once; one query per set of providers). */
export function useFactsCatalogs(providers: readonly ProviderId[]): ReadonlyMap<ProviderId, CatalogLookup> | undefined {
  const unique = [...new Set(providers)].sort();
  return useQuery({
    queryKey: ['catalog', 'models.dev', ...unique],
    queryFn: async () => new Map(await Promise.all(unique.map(async (p) => [p, await loadFactsCatalog(p)] as const))),
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
}

export type FactsResolver = (model: string, provider?: ProviderId) => ResolvedFacts;

/**
 * Everything known about any model, for the active profile's provider by default: local price,
 * catalogs, the active server's listing, the person's edits. `extraProviders` loads the catalogs
 * of other providers too (daily totals span profiles).
 */
export function useFactsResolver(extraProviders: readonly ProviderId[] = []): FactsResolver {
  const endpoint = useActiveEndpoint();
  const active = providerOf(endpoint);
  const apiKey = useEndpointsStore((s) => s.apiKeys[endpoint.id] ?? '');
  const models = useModels(endpoint.baseURL, apiKey, endpoint.headers, keyHeaderFor(endpoint));
  const prices = usePricesModule([active, ...extraProviders].some((p) => p !== 'local'));
  const catalogs = useFactsCatalogs([active, ...extraProviders]);
  const overrides = useModelFactsStore((s) => s.overrides);
  return useCallback(
    (model: string, provider: ProviderId = active) => {
      const listed = provider === active ? models.data?.find((m) => m.id === model) : undefined;
      return resolveFacts({
        provider,
        model,
        catalog: catalogs?.get(provider)?.(model),
        prices: prices.data ? genaiPrice(prices.data, provider, model) : undefined,
        server: listed ? factsFromServerListing(listed.raw) : undefined,
        overrides,
      });
    },
    [active, models.data, catalogs, prices.data, overrides],
  );
}

/**
 * Facts for a reply: on the provider of the profile its lane ran against when it records one (a
 * compared configuration), else the active profile's (the open conversation's own).
 */
export function useReplyFacts(): (model: string, message?: Message) => ResolvedFacts {
  const endpoints = useEndpointsStore((s) => s.endpoints);
  const providers = endpoints.map(providerOf);
  const resolve = useFactsResolver(providers);
  return useCallback(
    (model: string, message?: Message) => {
      const laneId = message ? laneEndpointId(message) : undefined;
      const lane = laneId ? endpoints.find((e) => e.id === laneId) : undefined;
      return resolve(model, lane ? providerOf(lane) : undefined);
    },
    [endpoints, resolve],
  );
}

/** Everything known about a model on the active profile's provider. */
export function useModelFacts(modelId: string): ResolvedFacts {
  return useFactsResolver()(modelId);
}
