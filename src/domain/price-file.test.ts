import { describe, expect, it } from 'vitest';
import { parsePriceFile, priceFileJSON } from './price-file';

describe('the price file', () => {
  it('reads back what it wrote', () => {
    const models = { 'gpt-4o': { inputPrice: 2.5, outputPrice: 10, vision: true }, 'llama3.1:8b': { contextWindow: 8192 } };
    expect(parsePriceFile(priceFileJSON(models))).toEqual({ ok: true, models, skipped: [] });
  });

  it('refuses a file that is not one, and skips values that are not facts', () => {
    expect(parsePriceFile('nope')).toMatchObject({ ok: false });
    expect(parsePriceFile('{"models":{}}')).toMatchObject({ ok: false });
    const text = JSON.stringify({
      format: 'chat-playground/model-facts',
      version: 1,
      models: { a: { inputPrice: -1, outputPrice: '3', cachedInputPrice: 0.5, evil: 1 }, b: 7 },
    });
    expect(parsePriceFile(text)).toEqual({
      ok: true,
      models: { a: { cachedInputPrice: 0.5 } },
      skipped: ['a.inputPrice', 'a.outputPrice', 'a.evil', 'b'],
    });
  });
});
