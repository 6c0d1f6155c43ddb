/**
 * One rule for what is known about a model on a provider, used by the model facts view, every
 * cost in the meter and the daily totals alike: local servers are free, then models.dev's facts,
 * then genai-prices' prices, then the server's own listing, then the person's edits (kept under
 * any of the model's names), then a reasoning guess from the name. Pure.
 */
import { mergeFacts, withReasoningGuess, PRICE_FACTS } from './model-facts';
import type { ModelFacts, ResolvedFacts } from './model-facts';
import { fineTuneBase, nameCandidates } from './model-names';
import type { ProviderId } from './providers';
import type { Message } from './types';

export interface FactsInputs {
  provider: ProviderId;
  model: string;
  /** models.dev's entry for the model on this provider. */
  catalog?: ModelFacts;
  /** genai-prices' price for the model on this provider. */
  prices?: ModelFacts;
  /** The server's /models entry, read with factsFromServerListing. */
  server?: ModelFacts;
  /** The person's edits, by model name. */
  overrides: Readonly<Record<string, ModelFacts>>;
}

function withoutPrices(facts: ModelFacts): ModelFacts {
  const out: ModelFacts = { ...facts };
  for (const k of PRICE_FACTS) delete out[k];
  delete out.tiers;
  return out;
}

/**
 * The person's edits that apply to a name: those kept under its general names first, the exact
 * name last (so a price for `gpt-4o` reaches `gpt-4o-2024-08-06` and `openai/gpt-4o`, and one for
 * the snapshot itself wins). A fine-tune never takes its base model's prices.
 */
export function personFacts(overrides: Readonly<Record<string, ModelFacts>>, model: string): ModelFacts | undefined {
  const ft = fineTuneBase(model);
  let out: ModelFacts | undefined;
  for (const name of nameCandidates(model).reverse()) {
    const mine = overrides[name];
    if (!mine) continue;
    const usable = ft && !name.startsWith('ft:') ? withoutPrices(mine) : mine;
    out = { ...(out ?? {}), ...usable };
  }
  return out;
}

/** Which name of the model the person's edits are kept under: the exact one if it has any, else the most specific that does. */
export function overrideKey(overrides: Readonly<Record<string, ModelFacts>>, model: string): string | undefined {
  return nameCandidates(model).find((n) => overrides[n] !== undefined);
}

export function resolveFacts(input: FactsInputs): ResolvedFacts {
  const hasCatalogPrice = input.prices && input.prices.inputPrice !== undefined;
  return withReasoningGuess(
    input.model,
    mergeFacts([
      { source: 'local', facts: input.provider === 'local' ? { inputPrice: 0, cachedInputPrice: 0, outputPrice: 0 } : undefined },
      // models.dev's prices only where genai-prices has none, never mixed field by field.
      { source: 'catalog', facts: input.catalog && hasCatalogPrice ? withoutPrices(input.catalog) : input.catalog },
      // genai-prices' context window only where models.dev has none (models.dev's limits come as a set).
      {
        source: 'prices',
        facts: input.prices && input.catalog?.contextWindow !== undefined ? { ...input.prices, contextWindow: undefined } : input.prices,
      },
      { source: 'server', facts: input.server },
      { source: 'person', facts: personFacts(input.overrides, input.model) },
    ]),
  );
}

/**
 * The endpoint profile a fan-out or compare lane ran against, recorded on its reply (a compared
 * configuration may use another profile than the conversation's); undefined for other replies.
 */
export function laneEndpointId(message: Message): string | undefined {
  for (const kind of ['compare', 'fanOut']) {
    const lane = message.extra?.[kind] as { endpointId?: unknown } | undefined;
    if (typeof lane?.endpointId === 'string') return lane.endpointId;
  }
  return undefined;
}
