import { useCallback } from 'react';
import { useFactsResolver } from '../endpoints/model-catalog';
import type { ModelFacts } from '../../domain/model-facts';

/**
 * Facts of any model (a conversation can mix models) on the active profile's provider, as a
 * lookup function: the same layers as useModelFacts (see domain/price-book.ts).
 */
export function useFactsFor(): (model: string) => ModelFacts {
  const resolve = useFactsResolver();
  return useCallback((model: string) => resolve(model).facts, [resolve]);
}
