import { describe, expect, it } from 'vitest';
import {
  contextState,
  encodingForModel,
  imageEstimates,
  imageTokens,
  messageImages,
  messageTokenText,
  messageTokens,
  reservedOutput,
  sumPrompt,
} from './tokens';
import type { Message } from './types';
import { imageRuleFor, patchCount } from './image-tokens';
import { defaultRequestParams } from './params';

function msg(fields: Partial<Message>): Message {
  return { id: 'm', conversationId: 'c', parentId: null, role: 'user', content: [], status: 'done', createdAt: 1, updatedAt: 1, ...fields };
}

describe('image tokens (OpenAI vision pricing examples)', () => {
  it('1024×1024 high detail is 765 tokens (4 tiles)', () => {
    expect(imageTokens(1024, 1024, 'high')).toBe(765);
  });
  it('2048×4096 high detail is 1105 tokens (768×1536, 6 tiles)', () => {
    expect(imageTokens(2048, 4096, 'high')).toBe(1105);
  });
  it('4096×8192 low detail is 85 tokens', () => {
    expect(imageTokens(4096, 8192, 'low')).toBe(85);
  });
  it('does not upscale a small image: 512×512 is one tile', () => {
    expect(imageTokens(512, 512, 'high')).toBe(255);
  });
  it('auto is estimated as high', () => {
    expect(imageTokens(1024, 1024, 'auto')).toBe(765);
  });
  it('each image of a message is counted from its own size; unknown sizes are marked', () => {
    const m = msg({
      content: [
        { type: 'image', source: { kind: 'url', url: 'x' }, detail: 'high', width: 2048, height: 4096 },
        { type: 'image', source: { kind: 'url', url: 'y' }, detail: 'low' },
        { type: 'image', source: { kind: 'url', url: 'z' }, detail: 'high' },
      ],
    });
    expect(messageImages(m).map((i) => [i.tokens, i.sizeKnown])).toEqual([
      [1105, true],
      [85, true],
      [765, false],
    ]);
    expect(messageTokens(m, 0)).toBe(4 + 1105 + 85 + 765);
  });
});

describe('encoding per model family', () => {
  it.each([
    ['gpt-4o', 'o200k_base', true],
    ['gpt-4o-mini', 'o200k_base', true],
    ['gpt-4.1-nano', 'o200k_base', true],
    ['gpt-5', 'o200k_base', true],
    ['o3-mini', 'o200k_base', true],
    ['openai/gpt-4o', 'o200k_base', true],
    ['gpt-4', 'cl100k_base', true],
    ['gpt-4-turbo', 'cl100k_base', true],
    ['gpt-3.5-turbo', 'cl100k_base', true],
    ['llama-3.1-70b', 'o200k_base', false],
    ['ref-chat', 'o200k_base', false],
  ])('%s → %s (exact %s)', (model, encoding, exact) => {
    expect(encodingForModel(model)).toEqual({ encoding, exact });
  });
});

describe('prompt sum', () => {
  it('adds framing, name, priming, tools and the draft', () => {
    const b = sumPrompt({ messageTexts: [10, 20], framing: 7, imageTokens: 85, toolsTokens: 30, schemaTokens: 0, draftTokens: 5 });
    expect(b).toMatchObject({ messages: 30, images: 85, tools: 42, schema: 0, draft: 9, overhead: 10 });
    expect(b.total).toBe(30 + 85 + 42 + 9 + 10);
  });
  it('tokenizes tool calls of assistant messages with the text', () => {
    expect(
      messageTokenText(
        msg({ role: 'assistant', content: [{ type: 'text', text: 'a' }], toolCalls: [{ id: '1', name: 'f', arguments: '{}' }] }),
      ),
    ).toBe('af{}');
  });
});

describe('context window', () => {
  it('warns from 85% and flags overflow', () => {
    expect(contextState(100, 1000)).toBe('ok');
    expect(contextState(850, 1000)).toBe('warn');
    expect(contextState(1001, 1000)).toBe('over');
    expect(contextState(5, undefined)).toBe('unknown');
  });
  it('reserves the output limit the request sets, else the model’s', () => {
    const p = defaultRequestParams('gpt-4o');
    expect(reservedOutput(p.values, {}, 16384)).toBe(16384);
    expect(reservedOutput({ ...p.values, max_completion_tokens: 500 }, { max_completion_tokens: true }, 16384)).toBe(500);
  });
});

describe('image tokens per OpenAI model family (the vision guide)', () => {
  it('gpt-4o-mini: 2,833 + 5,667 per tile; a 1024×1024 high-detail image is 768×768, 4 tiles = 25,501', () => {
    expect(imageTokens(1024, 1024, 'high', 'gpt-4o-mini')).toBe(2833 + 4 * 5667);
    expect(imageTokens(1024, 1024, 'low', 'gpt-4o-mini-2024-07-18')).toBe(2833);
  });

  it('gpt-4o / 4.1 / 4.5 at 85 + 170, gpt-5 at 70 + 140, o1 / o3 at 75 + 150', () => {
    expect(imageTokens(1024, 1024, 'high', 'gpt-4.1')).toBe(765);
    expect(imageTokens(1024, 1024, 'high', 'openai/gpt-4o')).toBe(765);
    expect(imageTokens(1024, 1024, 'high', 'gpt-5')).toBe(70 + 4 * 140);
    expect(imageTokens(1024, 1024, 'high', 'o3')).toBe(75 + 4 * 150);
    expect(imageTokens(1024, 1024, 'low', 'o1')).toBe(75);
  });

  it('patch models: 32-px patches, at most 1,536, times the multiplier; detail changes nothing', () => {
    // The guide's examples: 1024×1024 is 1,024 patches; 1800×2400 is scaled down to 1,452.
    expect(patchCount(1024, 1024)).toBe(1024);
    expect(patchCount(1800, 2400)).toBe(1452);
    expect(imageTokens(1024, 1024, 'high', 'gpt-4.1-mini')).toBe(Math.ceil(1024 * 1.62));
    expect(imageTokens(1024, 1024, 'low', 'gpt-4.1-mini')).toBe(Math.ceil(1024 * 1.62));
    expect(imageTokens(1800, 2400, 'high', 'gpt-4.1-nano')).toBe(Math.ceil(1452 * 2.46));
    expect(imageTokens(1800, 2400, 'auto', 'o4-mini-2025-04-16')).toBe(Math.ceil(1452 * 1.72));
  });

  it('an unknown family is counted with GPT-4o’s rule and said to be a guess', () => {
    expect(imageRuleFor('llava:13b')).toMatchObject({ exact: false, rule: { base: 85, tile: 170 } });
    expect(imageRuleFor('gpt-4o-mini')).toMatchObject({ exact: true });
    const parts = [
      { type: 'image' as const, source: { kind: 'url' as const, url: 'x' }, detail: 'high' as const, width: 1024, height: 1024 },
    ];
    expect(imageEstimates(parts, undefined, 'llava:13b')[0]).toMatchObject({ tokens: 765, ruleKnown: false });
    expect(imageEstimates(parts, undefined, 'gpt-4o-mini')[0]).toMatchObject({ tokens: 25501, ruleKnown: true });
  });
});
