import { describe, expect, it } from 'vitest';
import { createMessage } from './factories';
import { textContent } from './messages';
import { ASSUMED_OUTPUT_TOKENS, describeEstimate, estimateCells, explainEstimate, roughPromptTokens } from './grid-estimate';
import { asConversationId } from './ids';

const priced = { inputPrice: 2.5, outputPrice: 10 }; // $ per million tokens (gpt-4o)

describe('estimateCells', () => {
  it('prices prompt tokens and max tokens per cell at the column’s price', () => {
    const e = estimateCells([
      { promptTokens: 1000, maxOutputTokens: 500, facts: priced },
      { promptTokens: 2000, maxOutputTokens: 500, facts: priced },
    ]);
    // (3000 × 2.5 + 1000 × 10) / 1e6
    expect(e.usd).toBeCloseTo(0.0175, 10);
    expect(e).toMatchObject({ cells: 2, priced: 2, promptTokens: 3000, outputTokens: 1000, assumedOutput: false });
    expect(describeEstimate(e)).toBe('≈ $0.018 for 2 cells');
  });
  it('assumes a short answer when no max tokens is set, and says so', () => {
    const e = estimateCells([{ promptTokens: 100, maxOutputTokens: null, facts: priced }]);
    expect(e.outputTokens).toBe(ASSUMED_OUTPUT_TOKENS);
    expect(explainEstimate(e)).toContain(`else ${ASSUMED_OUTPUT_TOKENS} tokens a cell (an assumption)`);
  });
  it('says which cells have no price instead of counting them as free', () => {
    const e = estimateCells([
      { promptTokens: 1_000_000, maxOutputTokens: 0, facts: priced },
      { promptTokens: 10, maxOutputTokens: 10, facts: {} },
    ]);
    expect(describeEstimate(e)).toBe('≈ $2.50 for 1 of 2 cells (1 without a price)');
    expect(describeEstimate(estimateCells([{ promptTokens: 10, maxOutputTokens: 10, facts: {} }]))).toBe('1 cell · no price');
    expect(describeEstimate(estimateCells([]))).toBe('');
  });
});

describe('roughPromptTokens', () => {
  it('counts about four characters a token, plus the chat framing per message and the reply priming', () => {
    const c = asConversationId('c');
    const system = createMessage(c, null, { role: 'system', content: textContent('x'.repeat(40)) });
    const user = createMessage(c, system.id, { role: 'user', content: textContent('Capital of France?') }); // 18 chars → 5
    expect(roughPromptTokens([system, user])).toBe(3 + (10 + 4) + (5 + 4));
  });
});
