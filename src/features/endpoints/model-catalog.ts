import { useQuery } from '@tanstack/react-query';
import { catalogCandidates, factsFromCatalogSpec, factsFromServerListing, mergeFacts, withReasoningGuess } from '../../domain/model-facts';
import type { ModelFacts, ResolvedFacts } from '../../domain/model-facts';
import { useActiveEndpoint, useEndpointsStore } from './endpoints-store';
import { useModelFactsStore } from './model-facts-store';
import { useModels } from './models-query';
import { keyHeaderFor } from '../../domain/endpoints';

export type Catalog = ReadonlyMap<string, ModelFacts>;

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
  return useQuery({ queryKey: ['openai-model-catalog'], queryFn: loadCatalog, staleTime: Infinity, gcTime: Infinity });
}

/** Everything known about a model: catalog, then the active server's listing, then the person's edits. */
export function useModelFacts(modelId: string): ResolvedFacts {
  const endpoint = useActiveEndpoint();
  const apiKey = useEndpointsStore((s) => s.apiKeys[endpoint.id] ?? '');
  const models = useModels(endpoint.baseURL, apiKey, endpoint.headers, keyHeaderFor(endpoint), endpoint.secretHeaders);
  const cat = useCatalog();
  const override = useModelFactsStore((s) => s.overrides[modelId]);
  const listed = models.data?.find((m) => m.id === modelId);
  return withReasoningGuess(
    modelId,
    mergeFacts([
      { source: 'catalog', facts: catalogFacts(cat.data, modelId) },
      { source: 'server', facts: listed ? factsFromServerListing(listed.raw) : undefined },
      { source: 'person', facts: override },
    ]),
  );
}
