import { describe, expect, it } from 'vitest';
import { costUSD, factsFromServerListing, looksLikeReasoningModel, mergeFacts, parseFactInput, withReasoningGuess } from './model-facts';

describe('model facts', () => {
  it('reads OpenRouter, vLLM and reference listings', () => {
    expect(
      factsFromServerListing({
        id: 'openai/gpt-4o',
        context_length: 128000,
        pricing: { prompt: '0.0000025', completion: '0.00001', input_cache_read: '0.00000125' },
        architecture: { input_modalities: ['text', 'image'] },
        supported_parameters: ['tools', 'temperature'],
        top_provider: { max_completion_tokens: 16384 },
      }),
    ).toEqual({
      contextWindow: 128000,
      maxOutput: 16384,
      inputPrice: 2.5,
      cachedInputPrice: 1.25,
      outputPrice: 10,
      vision: true,
      tools: true,
      reasoning: false,
    });
    expect(factsFromServerListing({ id: 'llama', max_model_len: 32768 })).toEqual({ contextWindow: 32768 });
    expect(
      factsFromServerListing({
        id: 'ref-reasoner',
        context_window: 128000,
        max_output_tokens: 16384,
        supports_reasoning: true,
        supports_tools: true,
      }),
    ).toEqual({
      contextWindow: 128000,
      maxOutput: 16384,
      tools: true,
      reasoning: true,
    });
    expect(factsFromServerListing({ id: 'x', context_length: 'lots', pricing: { prompt: -1 } })).toEqual({});
  });

  it('merges layers, later wins per field, and remembers the source', () => {
    const r = mergeFacts([
      { source: 'catalog', facts: { contextWindow: 8000, inputPrice: 1, outputPrice: 2 } },
      { source: 'server', facts: { contextWindow: 16000 } },
      { source: 'person', facts: { outputPrice: 3 } },
      { source: 'server', facts: undefined },
    ]);
    expect(r.facts).toEqual({ contextWindow: 16000, inputPrice: 1, outputPrice: 3 });
    expect(r.sources).toEqual({ contextWindow: 'server', inputPrice: 'catalog', outputPrice: 'person' });
  });

  it('guesses reasoning models by name', () => {
    for (const id of [
      'o1',
      'o3-mini',
      'o4-mini-2025-04-16',
      'gpt-5',
      'gpt-5-mini',
      'openai/o3',
      'deepseek-reasoner',
      'deepseek-r1-distill',
    ])
      expect(looksLikeReasoningModel(id), id).toBe(true);
    for (const id of ['gpt-4o', 'gpt-5-chat-latest', 'llama3.1', 'omni-moderation', 'ref-chat'])
      expect(looksLikeReasoningModel(id), id).toBe(false);
    expect(withReasoningGuess('o3', { facts: {}, sources: {} })).toEqual({ facts: { reasoning: true }, sources: { reasoning: 'guess' } });
    expect(withReasoningGuess('o3', { facts: { reasoning: false }, sources: { reasoning: 'person' } }).facts.reasoning).toBe(false);
  });

  it('prices tokens per million, cached prompt tokens at the cached price', () => {
    expect(costUSD({ promptTokens: 1_000_000, completionTokens: 500_000 }, { inputPrice: 2, outputPrice: 8 })).toBeCloseTo(6);
    expect(
      costUSD(
        { promptTokens: 1000, completionTokens: 0, cachedPromptTokens: 400 },
        { inputPrice: 2, cachedInputPrice: 0.5, outputPrice: 8 },
      ),
    ).toBeCloseTo((600 * 2 + 400 * 0.5) / 1e6);
    expect(costUSD({ promptTokens: 1, completionTokens: 1 }, { inputPrice: 2 })).toBeNull();
  });

  it("bills the whole request at a tier's prices once its input exceeds the tier (genai-prices' rule)", () => {
    const facts = { inputPrice: 2.5, outputPrice: 15, tiers: [{ above: 272_000, inputPrice: 5, outputPrice: 22.5 }] };
    expect(costUSD({ promptTokens: 272_000, completionTokens: 1000 }, facts)).toBeCloseTo((272_000 * 2.5 + 1000 * 15) / 1e6);
    expect(costUSD({ promptTokens: 272_001, completionTokens: 1000 }, facts)).toBeCloseTo((272_001 * 5 + 1000 * 22.5) / 1e6);
  });

  it("drops a lower layer's tiers when a higher one sets a price (the person's price is flat)", () => {
    const catalog = { inputPrice: 2.5, outputPrice: 15, tiers: [{ above: 10, inputPrice: 5 }] };
    expect(mergeFacts([{ source: 'prices', facts: catalog }]).facts.tiers).toHaveLength(1);
    expect(
      mergeFacts([
        { source: 'prices', facts: catalog },
        { source: 'person', facts: { contextWindow: 5 } },
      ]).facts.tiers,
    ).toHaveLength(1);
    expect(
      mergeFacts([
        { source: 'prices', facts: catalog },
        { source: 'person', facts: { inputPrice: 1 } },
      ]).facts.tiers,
    ).toBeUndefined();
  });

  it('parses what a person types', () => {
    expect(parseFactInput('contextWindow', '8192')).toBe(8192);
    expect(parseFactInput('contextWindow', '')).toBeUndefined();
    expect(parseFactInput('inputPrice', '-1')).toBe('invalid');
    expect(parseFactInput('vision', 'yes')).toBe(true);
    expect(parseFactInput('vision', 'no')).toBe(false);
    expect(parseFactInput('vision', '')).toBeUndefined();
  });
});
