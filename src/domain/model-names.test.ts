import { describe, expect, it } from 'vitest';
import { fineTuneBase, nameCandidates, priceNameCandidates, withoutDate } from './model-names';

describe('model names as servers return them', () => {
  it('strips snapshot dates in the styles providers use', () => {
    expect(withoutDate('gpt-4o-2024-08-06')).toBe('gpt-4o');
    expect(withoutDate('claude-3-5-sonnet-20241022')).toBe('claude-3-5-sonnet');
    expect(withoutDate('gpt-4-0613')).toBe('gpt-4');
    expect(withoutDate('gpt-4o')).toBe('gpt-4o');
  });

  it('lists the exact name first, then without the vendor prefix, then without the date', () => {
    expect(nameCandidates('openai/gpt-4o-2024-08-06')).toEqual([
      'openai/gpt-4o-2024-08-06',
      'gpt-4o-2024-08-06',
      'openai/gpt-4o',
      'gpt-4o',
    ]);
    expect(nameCandidates('gpt-4o')).toEqual(['gpt-4o']);
    expect(nameCandidates('  ')).toEqual([]);
  });

  it("prices a fine-tune at fine-tune rates, never at its base model's", () => {
    expect(fineTuneBase('ft:gpt-4o-mini-2024-07-18:org::abc')).toBe('gpt-4o-mini-2024-07-18');
    expect(fineTuneBase('gpt-4o-mini')).toBeNull();
    expect(nameCandidates('ft:gpt-4o-mini:org::id')).toEqual(['ft:gpt-4o-mini:org::id', 'ft:gpt-4o-mini', 'gpt-4o-mini']);
    expect(priceNameCandidates('ft:gpt-4o-mini:org::id')).toEqual(['ft:gpt-4o-mini:org::id', 'ft:gpt-4o-mini']);
  });
});
