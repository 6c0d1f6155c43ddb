import { useCallback } from 'react';
import { catalogFacts, useCatalog } from '../endpoints/model-catalog';
import { useActiveEndpoint, useEndpointsStore } from '../endpoints/endpoints-store';
import { useModelFactsStore } from '../endpoints/model-facts-store';
import { useModels } from '../endpoints/models-query';
import { factsFromServerListing, mergeFacts } from '../../domain/model-facts';
import type { ModelFacts } from '../../domain/model-facts';
import { keyHeaderFor } from '../../domain/endpoints';

/**
 * Facts of any model (a conversation can mix models): the same layers as useModelFacts
 * (catalog, then the server's listing, then the person's edits) as a lookup function.
 */
export function useFactsFor(): (model: string) => ModelFacts {
  const endpoint = useActiveEndpoint();
  const apiKey = useEndpointsStore((s) => s.apiKeys[endpoint.id] ?? '');
  const models = useModels(endpoint.baseURL, apiKey, endpoint.headers, keyHeaderFor(endpoint), endpoint.secretHeaders);
  const cat = useCatalog();
  const overrides = useModelFactsStore((s) => s.overrides);
  return useCallback(
    (model: string) => {
      const listed = models.data?.find((m) => m.id === model);
      return mergeFacts([
        { source: 'catalog', facts: catalogFacts(cat.data, model) },
        { source: 'server', facts: listed ? factsFromServerListing(listed.raw) : undefined },
        { source: 'person', facts: overrides[model] },
      ]).facts;
    },
    [models.data, cat.data, overrides],
  );
}
