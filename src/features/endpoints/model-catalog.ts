import { useQuery } from '@tanstack/react-query';
import { catalogCandidates, factsFromCatalogSpec, factsFromServerListing, mergeFacts, withReasoningGuess } from '../../domain/model-facts';
import type { ModelFacts, ResolvedFacts } from '../../domain/model-facts';
import { useActiveEndpoint, useEndpointsStore } from './endpoints-store';
import { useModelFactsStore } from './model-facts-store';
import { modelsQueryOptions, useModels } from './models-query';
import { queryClient } from './query-client';
import { providerRulesFor } from '../../domain/provider-rules';
import type { ProviderRules } from '../../domain/provider-rules';
import type { Endpoint } from '../../domain/types';
import { useMemo } from 'react';
import { keyHeaderFor } from '../../domain/endpoints';

export type Catalog = ReadonlyMap<string, ModelFacts>;
const CATALOG_KEY = ['openai-model-catalog'];

let catalog: Promise<Catalog> | null = null;

/**
 * gpt-tokenizer's OpenAI model data (context, output limit, prices, features), imported on first
 * use so it stays out of the initial bundle.
 */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= import('gpt-tokenizer/models').then((mod) => {
    const map = new Map<string, ModelFacts>();
    for (const [id, spec] of Object.entries(mod)) map.set(id.toLowerCase(), factsFromCatalogSpec(spec));
    return map;
  });
  return catalog;
}

export function catalogFacts(cat: Catalog | undefined, modelId: string): ModelFacts | undefined {
  if (!cat) return undefined;
  for (const id of catalogCandidates(modelId)) {
    const hit = cat.get(id);
    if (hit) return hit;
  }
  return undefined;
}

export function useCatalog() {
  return useQuery({ queryKey: CATALOG_KEY, queryFn: loadCatalog, staleTime: Infinity, gcTime: Infinity });
}

type Listing = readonly { id: string; raw: Record<string, unknown> }[] | undefined;

function resolveFacts(modelId: string, cat: Catalog | undefined, models: Listing, override: ModelFacts | undefined): ResolvedFacts {
  const listed = models?.find((m) => m.id === modelId);
  return withReasoningGuess(
    modelId,
    mergeFacts([
      { source: 'catalog', facts: catalogFacts(cat, modelId) },
      { source: 'server', facts: listed ? factsFromServerListing(listed.raw) : undefined },
      { source: 'person', facts: override },
    ]),
  );
}

/** Everything known about a model: catalog, then the active server's listing, then the person's edits. */
export function useModelFacts(modelId: string): ResolvedFacts {
  const endpoint = useActiveEndpoint();
  const apiKey = useEndpointsStore((s) => s.apiKeys[endpoint.id] ?? '');
  const models = useModels(endpoint.baseURL, apiKey, endpoint.headers, keyHeaderFor(endpoint), endpoint.secretHeaders);
  const cat = useCatalog();
  const override = useModelFactsStore((s) => s.overrides[modelId]);
  return resolveFacts(modelId, cat.data, models.data, override);
}

/** The same facts as {@link useModelFacts}, read now (outside React) from the query cache and the facts store. */
export function modelFactsNow(endpoint: Endpoint, apiKey: string, modelId: string): ModelFacts {
  const models = queryClient.getQueryData(modelsQueryOptions(endpoint.baseURL, apiKey, endpoint.headers, keyHeaderFor(endpoint)).queryKey);
  const cat = queryClient.getQueryData<Catalog>(CATALOG_KEY);
  return resolveFacts(modelId, cat, models, useModelFactsStore.getState().overrides[modelId]).facts;
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
