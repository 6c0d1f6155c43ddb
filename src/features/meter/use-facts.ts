import { useCallback } from 'react';
import { useReplyFacts } from '../endpoints/model-catalog';
import type { Message } from '../../domain/types';
import type { ModelFacts } from '../../domain/model-facts';

/**
 * Facts of any model (a conversation can mix models) on the active profile's provider, or a
 * compare lane's own, as a lookup function: the same layers as useModelFacts (see domain/price-book.ts).
 */
export function useFactsFor(): (model: string, message?: Message) => ModelFacts {
  const resolve = useReplyFacts();
  return useCallback((model: string, message?: Message) => resolve(model, message).facts, [resolve]);
}
