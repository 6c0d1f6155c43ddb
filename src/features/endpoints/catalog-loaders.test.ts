/**
 * Known figures against the bundled catalogs themselves (not a copy of them): OpenAI's published
 * prices on the catalog's date (https://openai.com/api/pricing), and the rules of the price book.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATALOGS } from '../../domain/catalog-facts';
import { dayTotal, replyCost, totalCost } from '../../domain/meter-stats';
import { factsFromServerListing } from '../../domain/model-facts';
import { resolveFacts } from '../../domain/price-book';
import type { ProviderId } from '../../domain/providers';
import type { Message, Usage } from '../../domain/types';
import { genaiPrice, loadFactsCatalog, loadPricesModule } from './catalog-loaders';

const usage = (p: number, c: number, cached = 0): Usage => ({
  promptTokens: p,
  completionTokens: c,
  totalTokens: p + c,
  cachedPromptTokens: cached,
  raw: {},
});
function reply(id: string, fields: Partial<Message>): Message {
  return { id, conversationId: 'c', parentId: null, role: 'assistant', content: [], status: 'done', createdAt: 1, updatedAt: 1, ...fields };
}

async function factsOf(provider: ProviderId, model: string, overrides = {}, server?: Record<string, unknown>) {
  const mod = await loadPricesModule();
  const catalog = (await loadFactsCatalog(provider))(model);
  return resolveFacts({
    provider,
    model,
    catalog,
    prices: genaiPrice(mod, provider, model),
    server: server ? factsFromServerListing(server) : undefined,
    overrides,
  });
}

describe('prices from the catalog, for names as servers return them', () => {
  it('gpt-4o-2024-08-06: 1,000 in + 1,000 out = $0.0125; with 500 cached = $0.011875', async () => {
    const { facts, sources } = await factsOf('openai', 'gpt-4o-2024-08-06');
    expect(sources.inputPrice).toBe('prices');
    expect(replyCost(reply('a', { usage: usage(1000, 1000) }), facts)).toBeCloseTo(0.0125, 10);
    expect(replyCost(reply('a', { usage: usage(1000, 1000, 500) }), facts)).toBeCloseTo(0.011875, 10);
  });

  it("OpenAI's list prices for the models the old table got wrong or lacked", async () => {
    const list: Record<string, [number, number]> = {
      'gpt-4o': [2.5, 10],
      'gpt-4.1': [2, 8],
      'gpt-5': [1.25, 10],
      'gpt-4-turbo': [10, 30],
      'gpt-4o-mini': [0.15, 0.6],
      'gpt-4.1-mini': [0.4, 1.6],
      'gpt-5-mini': [0.25, 2],
      'o4-mini': [1.1, 4.4],
    };
    for (const [model, [input, output]] of Object.entries(list)) {
      const { facts } = await factsOf('openai', model);
      expect([facts.inputPrice, facts.outputPrice], model).toEqual([input, output]);
    }
  });

  it('a vendor prefix, a fine-tune and an Azure reply find their price; an unknown name has none', async () => {
    expect((await factsOf('openai', 'openai/gpt-4o')).facts.inputPrice).toBe(2.5);
    expect((await factsOf('openrouter', 'openai/gpt-4o')).facts.inputPrice).toBe(2.5);
    // OpenAI bills fine-tuned gpt-4o-mini at $0.30/$1.20, twice the base model.
    expect((await factsOf('openai', 'ft:gpt-4o-mini-2024-07-18:org::abc')).facts).toMatchObject({ inputPrice: 0.3, outputPrice: 1.2 });
    expect((await factsOf('openai', 'ft:gpt-4o-mini:org::abc')).facts).toMatchObject({ inputPrice: 0.3, outputPrice: 1.2 });
    expect((await factsOf('azure', 'gpt-4o-2024-08-06')).facts).toMatchObject({ inputPrice: 2.5, outputPrice: 10 });
    const none = await factsOf('azure', 'my-prod-deployment');
    expect(none.facts.inputPrice).toBeUndefined();
    expect(replyCost(reply('a', { usage: usage(1000, 1000) }), none.facts)).toBeNull();
  });

  it("every preset's provider has catalog prices for a model it serves", async () => {
    const served: [ProviderId, string][] = [
      ['groq', 'llama-3.3-70b-versatile'],
      ['together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'],
      ['mistral', 'mistral-large-latest'],
      ['deepseek', 'deepseek-chat'],
      ['fireworks', 'accounts/fireworks/models/llama-v3p1-8b-instruct'],
      ['xai', 'grok-3-mini'],
    ];
    for (const [provider, model] of served) {
      const { facts } = await factsOf(provider, model);
      expect(facts.inputPrice, `${provider} ${model}`).toBeGreaterThan(0);
    }
  });

  it("an OpenRouter listing's price is used as given (per token → per 1M)", async () => {
    const listing = { id: 'openai/gpt-4o', pricing: { prompt: '0.000003', completion: '0.000012' }, context_length: 128000 };
    const { facts, sources } = await factsOf('openrouter', 'openai/gpt-4o', {}, listing);
    expect([facts.inputPrice, facts.outputPrice, sources.inputPrice]).toEqual([3, 12, 'server']);
  });

  it('local servers cost nothing unless the person sets a price', async () => {
    expect((await factsOf('local', 'llama3.1:8b')).facts).toMatchObject({ inputPrice: 0, outputPrice: 0 });
    const mine = await factsOf('local', 'llama3.1:8b', { 'llama3.1:8b': { inputPrice: 0.1, outputPrice: 0.2 } });
    expect([mine.facts.inputPrice, mine.sources.inputPrice]).toEqual([0.1, 'person']);
  });

  it("the person's price for gpt-4o reaches gpt-4o-2024-08-06 and openai/gpt-4o; one for the snapshot wins", async () => {
    const overrides = { 'gpt-4o': { inputPrice: 5, outputPrice: 20 } };
    expect((await factsOf('openai', 'gpt-4o-2024-08-06', overrides)).facts).toMatchObject({ inputPrice: 5, outputPrice: 20 });
    expect((await factsOf('openrouter', 'openai/gpt-4o', overrides)).facts.inputPrice).toBe(5);
    const both = { ...overrides, 'gpt-4o-2024-08-06': { inputPrice: 3 } };
    expect((await factsOf('openai', 'gpt-4o-2024-08-06', both)).facts).toMatchObject({ inputPrice: 3, outputPrice: 20 });
    // A fine-tune is not its base model: the base's price does not reach it.
    expect((await factsOf('openai', 'ft:gpt-4o-mini-2024-07-18:o::x', { 'gpt-4o-mini': { inputPrice: 9 } })).facts.inputPrice).toBe(0.3);
  });
});

describe('every request billed once, every lane billed', () => {
  it('a fan-out of 3 lanes costs 3× one lane; n=3 choices of one request share one charge', async () => {
    const { facts } = await factsOf('openai', 'gpt-4o-2024-08-06');
    const lane = (i: number) =>
      reply(`l${i}`, {
        requestId: 'run-1' as Message['requestId'],
        model: 'gpt-4o-2024-08-06',
        usage: usage(1000, 1000),
        extra: { fanOut: i },
      });
    const one = totalCost([lane(0)], () => facts, 'x').usd;
    expect(totalCost([lane(0), lane(1), lane(2)], () => facts, 'x').usd).toBeCloseTo(3 * one, 12);
    const choices = [0, 1, 2].map((i) =>
      reply(`c${i}`, { requestId: 'req-1' as Message['requestId'], choiceIndex: i, usage: usage(1000, 3000) }),
    );
    expect(dayTotal(choices, () => facts)).toMatchObject({ replies: 1, tokens: 4000 });
    expect(dayTotal(choices, () => facts).usd).toBeCloseTo((1000 * 2.5 + 3000 * 10) / 1e6, 12);
  });
});

describe('the catalogs are what the app says they are', () => {
  it('the versions shown beside every figure are the installed ones', () => {
    for (const info of Object.values(CATALOGS)) {
      const pkg = JSON.parse(readFileSync(`node_modules/${info.package}/package.json`, 'utf8')) as { version: string };
      expect(pkg.version, info.package).toBe(info.version);
    }
  });
});
