import { describe, expect, it } from 'vitest';
import type { Grid } from '../../domain/grid';
import { createMessage, newConversation } from '../../domain/factories';
import { textContent } from '../../domain/messages';
import { params, testDeps } from '../generation/run-test-support';
import { estimateRun } from './grid-estimate';

describe('estimateRun', () => {
  it("prices each row's substituted prompt at its column's price; a row without a value costs nothing", () => {
    const conversation = newConversation(
      params((p) => {
        p.enabled.max_tokens = true;
        p.values.max_tokens = 100;
      }),
      null,
    );
    const user = createMessage(conversation.id, null, { role: 'user', content: textContent('Say {{word}}') });
    const grid: Grid = {
      conversationId: conversation.id,
      rows: [
        { id: 'r1', values: { word: 'x'.repeat(400) } },
        { id: 'r2', values: {} },
      ],
      configs: [
        { id: 'a', endpointId: 'one', model: 'priced', overrides: '' },
        { id: 'b', endpointId: 'two', model: 'unpriced', overrides: '' },
      ],
      concurrency: 4,
      updatedAt: 0,
    };
    const targets = grid.rows.flatMap((r) => grid.configs.map((c) => [r, c] as const));
    const deps = testDeps(async () => {
      throw new Error('nothing is sent');
    });
    const e = estimateRun(conversation, [user], grid, targets, {
      endpointFor: deps.endpointFor,
      modelFacts: (_endpoint, _key, model) => (model === 'priced' ? { inputPrice: 2, outputPrice: 8 } : {}),
    });
    // "Say " + 400 characters = 404 → 101 tokens, + 4 framing + 3 priming = 108; 100 output tokens.
    expect(e).toMatchObject({ cells: 2, priced: 1, promptTokens: 216, outputTokens: 200 });
    expect(e!.usd).toBeCloseTo((108 * 2 + 100 * 8) / 1e6, 12);
  });
});
