/**
 * What is known about a model: context window, output limit, prices and capabilities. Pure data
 * and merging; the catalogs (models.dev's facts and genai-prices' prices, per provider, loaded
 * lazily: see features/endpoints/model-catalog.ts), the server's `/models` listing and the
 * person's own edits are layers, the later one winning per field. The meter builds on {@link costUSD}.
 */

export interface ModelFacts {
  contextWindow?: number;
  maxOutput?: number;
  /** US dollars per 1M tokens. */
  inputPrice?: number;
  cachedInputPrice?: number;
  outputPrice?: number;
  /** Writing the prompt cache (Anthropic-style providers); OpenAI's caching has no write charge. */
  cacheWritePrice?: number;
  /**
   * Long-context prices: once a request's input tokens exceed `above`, every token of it is billed
   * at the tier's prices (genai-prices' rule, e.g. gpt-5.4 above 272k). Only from a catalog; a price
   * the person sets is flat and drops the tiers.
   */
  tiers?: PriceTier[];
  vision?: boolean;
  tools?: boolean;
  reasoning?: boolean;
}

export interface PriceTier {
  above: number;
  inputPrice?: number;
  cachedInputPrice?: number;
  cacheWritePrice?: number;
  outputPrice?: number;
}

export const NUMERIC_FACTS = ['contextWindow', 'maxOutput', 'inputPrice', 'cachedInputPrice', 'cacheWritePrice', 'outputPrice'] as const;
export const BOOLEAN_FACTS = ['vision', 'tools', 'reasoning'] as const;
export const PRICE_FACTS = ['inputPrice', 'cachedInputPrice', 'cacheWritePrice', 'outputPrice'] as const;
export type FactKey = (typeof NUMERIC_FACTS)[number] | (typeof BOOLEAN_FACTS)[number];
/**
 * Where a fact came from: `prices` genai-prices' catalog, `catalog` models.dev's (both bundled at
 * build time, see CATALOGS), `server` the server's /models listing, `person` the person's edit,
 * `local` a server on the person's machine (free), `guess` the model's name.
 */
export type FactSource = 'prices' | 'catalog' | 'server' | 'person' | 'local' | 'guess';

export interface ResolvedFacts {
  facts: ModelFacts;
  /** Where each known field came from. */
  sources: Partial<Record<FactKey, FactSource>>;
}

const FACT_KEYS: readonly FactKey[] = [...NUMERIC_FACTS, ...BOOLEAN_FACTS];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function num(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}
function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
function defined(facts: ModelFacts): ModelFacts {
  const out: ModelFacts = {};
  for (const k of FACT_KEYS) if (facts[k] !== undefined) (out as Record<FactKey, unknown>)[k] = facts[k];
  if (facts.tiers && facts.tiers.length > 0) out.tiers = facts.tiers;
  return out;
}

/**
 * Layers in increasing priority; undefined fields never hide a lower layer. A layer's prices come
 * as a set: one that sets any price replaces the lower layers' tiers (a price typed by the person,
 * or a server's listing, is flat).
 */
export function mergeFacts(layers: readonly { source: FactSource; facts: ModelFacts | undefined }[]): ResolvedFacts {
  const facts: ModelFacts = {};
  const sources: ResolvedFacts['sources'] = {};
  for (const layer of layers) {
    if (!layer.facts) continue;
    if (PRICE_FACTS.some((k) => layer.facts?.[k] !== undefined)) delete facts.tiers;
    if (layer.facts.tiers) facts.tiers = layer.facts.tiers;
    for (const k of FACT_KEYS) {
      const v = layer.facts[k];
      if (v === undefined) continue;
      (facts as Record<FactKey, unknown>)[k] = v;
      sources[k] = layer.source;
    }
  }
  return { facts, sources };
}

/**
 * One entry of a server's `/models` list. Understands OpenRouter (context_length, pricing per
 * token, architecture, supported_parameters, top_provider), vLLM (max_model_len), LM Studio
 * (max_context_length) and the reference endpoint (context_window, supports_*).
 */
export function factsFromServerListing(raw: Record<string, unknown>): ModelFacts {
  const pricing = isObj(raw.pricing) ? raw.pricing : {};
  const perToken = (v: unknown): number | undefined => {
    const n = num(v);
    return n === undefined ? undefined : Math.round(n * 1e6 * 1e6) / 1e6;
  };
  const top = isObj(raw.top_provider) ? raw.top_provider : {};
  const arch = isObj(raw.architecture) ? raw.architecture : {};
  const inputs = strings(arch.input_modalities);
  const supported = strings(raw.supported_parameters);
  const caps = isObj(raw.capabilities) ? raw.capabilities : {};
  return defined({
    contextWindow: num(raw.context_window) ?? num(raw.context_length) ?? num(raw.max_model_len) ?? num(raw.max_context_length),
    maxOutput: num(raw.max_output_tokens) ?? num(top.max_completion_tokens) ?? num(raw.max_completion_tokens),
    inputPrice: perToken(pricing.prompt),
    cachedInputPrice: perToken(pricing.input_cache_read),
    outputPrice: perToken(pricing.completion),
    vision: bool(raw.supports_vision) ?? bool(caps.vision) ?? (inputs.length > 0 ? inputs.includes('image') : undefined),
    tools: bool(raw.supports_tools) ?? bool(caps.function_calling) ?? (supported.length > 0 ? supported.includes('tools') : undefined),
    reasoning:
      bool(raw.supports_reasoning) ??
      (supported.length > 0 ? supported.includes('reasoning') || supported.includes('include_reasoning') : undefined),
  });
}

/** Reasoning models by name, when nothing better is known (o1/o3/o4, GPT-5 except -chat, R1, …). */
export function looksLikeReasoningModel(modelId: string): boolean {
  const trimmed = modelId.trim().toLowerCase();
  const id = trimmed.includes('/') ? (trimmed.split('/').pop() ?? trimmed) : trimmed;
  if (/^o\d(-|$)/.test(id)) return true;
  if (/^gpt-5(?!.*-chat)/.test(id)) return true;
  return /(reasoner|-r1\b|deepseek-r1|qwq|thinking)/.test(id);
}

/** The model's facts with a name-based reasoning guess when no layer said. */
export function withReasoningGuess(modelId: string, resolved: ResolvedFacts): ResolvedFacts {
  if (resolved.facts.reasoning !== undefined || !looksLikeReasoningModel(modelId)) return resolved;
  return { facts: { ...resolved.facts, reasoning: true }, sources: { ...resolved.sources, reasoning: 'guess' } };
}

export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens?: number;
}

/** The prices that apply to a request of this many input tokens: the highest tier it exceeds, else the base. */
export function pricesAt(facts: ModelFacts, promptTokens: number): ModelFacts {
  let out: ModelFacts = facts;
  for (const tier of [...(facts.tiers ?? [])].sort((a, b) => a.above - b.above)) {
    if (promptTokens <= tier.above) break;
    const { above: _above, ...prices } = tier;
    out = { ...out, ...defined(prices) };
  }
  return out;
}

/** Cost in US dollars, or null when a needed price is unknown. Cached tokens are part of the prompt. */
export function costUSD(tokens: TokenCounts, all: ModelFacts): number | null {
  const facts = pricesAt(all, tokens.promptTokens);
  if (facts.inputPrice === undefined || facts.outputPrice === undefined) return null;
  const cached = Math.min(tokens.cachedPromptTokens ?? 0, tokens.promptTokens);
  const cachedPrice = facts.cachedInputPrice ?? facts.inputPrice;
  const usd =
    ((tokens.promptTokens - cached) * facts.inputPrice + cached * cachedPrice + tokens.completionTokens * facts.outputPrice) / 1e6;
  return usd;
}

/** Parses what a person types into a fact field: '' clears it (undefined). */
export function parseFactInput(key: FactKey, text: string): ModelFacts[FactKey] | 'invalid' {
  if ((BOOLEAN_FACTS as readonly string[]).includes(key)) {
    if (text === '') return undefined;
    return text === 'yes' ? true : text === 'no' ? false : 'invalid';
  }
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : 'invalid';
}
