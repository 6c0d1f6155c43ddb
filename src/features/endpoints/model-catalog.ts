import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { factsFromServerListing } from '../../domain/model-facts';
import type { ModelFacts, ResolvedFacts } from '../../domain/model-facts';
import { providerRulesFor, type ProviderRules } from '../../domain/provider-rules';
import { laneEndpointId, resolveFacts } from '../../domain/price-book';
import type { Endpoint, Message } from '../../domain/types';
import { providerOf, type ProviderId } from '../../domain/providers';
import type { CatalogLookup } from './catalog-loaders';
import { keyHeaderFor } from '../../domain/endpoints';
import { useActiveEndpoint, useEndpointsStore } from './endpoints-store';
import { useModelFactsStore } from './model-facts-store';
import { modelsQueryOptions, useModels } from './models-query';
import { queryClient } from './query-client';

const PRICES_KEY = ['catalog', 'genai-prices'];

/** A price lookup over genai-prices; the loaders themselves load with it, not with the first screen. */
type PriceLookup = (provider: ProviderId, model: string) => ModelFacts | undefined;
async function loadPriceLookup(): Promise<PriceLookup> {
  const loaders = await import('./catalog-loaders');
  const mod = await loaders.loadPricesModule();
  return (provider, model) => loaders.genaiPrice(mod, provider, model);
}
const factsCatalogsKey = (providers: readonly ProviderId[]) => ['catalog', 'models.dev', ...providers];

/** genai-prices, loaded only while a profile of a hosted provider is in use (local servers need no catalog price). */
export function usePricesModule(needed: boolean) {
  return useQuery({
    queryKey: PRICES_KEY,
    queryFn: loadPriceLookup,
    staleTime: Infinity,
    gcTime: Infinity,
    enabled: needed,
  });
}

/** models.dev lookups for these providers (each module loads once; one query per set of providers). */
export function useFactsCatalogs(providers: readonly ProviderId[]): ReadonlyMap<ProviderId, CatalogLookup> | undefined {
  const unique = [...new Set(providers)].sort();
  return useQuery({
    queryKey: factsCatalogsKey(unique),
    queryFn: async () => {
      const { loadFactsCatalog } = await import('./catalog-loaders');
      return new Map(await Promise.all(unique.map(async (p) => [p, await loadFactsCatalog(p)] as const)));
    },
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
  const models = useModels(endpoint.baseURL, apiKey, endpoint.headers, keyHeaderFor(endpoint), endpoint.secretHeaders);
  const prices = usePricesModule([active, ...extraProviders].some((p) => p !== 'local')).data;
  const catalogs = useFactsCatalogs([active, ...extraProviders]);
  const overrides = useModelFactsStore((s) => s.overrides);
  return useCallback(
    (model: string, provider: ProviderId = active) => {
      const listed = provider === active ? models.data?.find((m) => m.id === model) : undefined;
      return resolveFacts({
        provider,
        model,
        catalog: catalogs?.get(provider)?.(model),
        prices: prices?.(provider, model),
        server: listed ? factsFromServerListing(listed.raw) : undefined,
        overrides,
      });
    },
    [active, models.data, catalogs, prices, overrides],
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

/**
 * The same facts as {@link useModelFacts}, read now (outside React, when a request is built) from
 * what the query cache and the facts store hold: what the preview showed is what is sent.
 */
export function modelFactsNow(endpoint: Endpoint, apiKey: string, modelId: string): ModelFacts {
  const provider = providerOf(endpoint);
  const listing = queryClient.getQueryData(
    modelsQueryOptions(endpoint.baseURL, apiKey, endpoint.headers, keyHeaderFor(endpoint), endpoint.secretHeaders).queryKey,
  );
  const listed = listing?.find((m) => m.id === modelId);
  const catalogs = queryClient.getQueryData<ReadonlyMap<ProviderId, CatalogLookup>>(factsCatalogsKey([provider]));
  const prices = queryClient.getQueryData<PriceLookup>(PRICES_KEY);
  return resolveFacts({
    provider,
    model: modelId,
    catalog: catalogs?.get(provider)?.(modelId),
    prices: prices?.(provider, modelId),
    server: listed ? factsFromServerListing(listed.raw) : undefined,
    overrides: useModelFactsStore.getState().overrides,
  }).facts;
}

/** The rules a request to `endpoint` for `modelId` is built with (provider rules, refused fields). */
export function providerRulesNow(endpoint: Endpoint, apiKey: string, modelId: string): ProviderRules {
  return providerRulesFor(endpoint, modelFactsNow(endpoint, apiKey, modelId));
}

/** The rules the next request on the active endpoint is built with, for the preview and the code view. */
export function useProviderRules(modelId: string): ProviderRules {
  const endpoint = useActiveEndpoint();
  // Only whether it is a reasoning model matters; keyed on that, the rules stay one object between renders.
  const reasoning = useModelFacts(modelId).facts.reasoning;
  return useMemo(() => providerRulesFor(endpoint, { reasoning }), [endpoint, reasoning]);
}
