import { decode } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { longMarkdown } from './longform';
import { Rng } from './prng';
import { encodeText, joinPieces, tokenize } from './tokens';
import { extractTriggers } from './triggers';
import { parseDataUrl } from './context';
import { composeReasoning } from './reply';
import { validateChatRequest } from './validate';

describe('tokenize', () => {
  const text = 'Emoji 🎉👩‍👩‍👧, CJK 日本語の文章, math 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, accents ñé, <|endoftext|> and **markdown**.';

  it('never splits a character and accounts for every token', () => {
    const pieces = tokenize(text);
    expect(joinPieces(pieces)).toBe(text);
    expect(pieces.every((p) => p.text.length > 0 && !p.text.includes('\uFFFD'))).toBe(true);
    expect(pieces.reduce((sum, p) => sum + p.tokens, 0)).toBe(encodeText(text).length);
    expect(pieces.some((p) => p.tokens > 1)).toBe(true);
  });

  it('recovers when the shared decoder was left holding partial bytes', () => {
    const partial = encodeText('🎉').slice(0, 1);
    decode(partial);
    expect(joinPieces(tokenize(text))).toBe(text);
  });
});

describe('triggers', () => {
  it('extracts triggers and strips them from the text', () => {
    const { triggers, cleaned } = extractTriggers('Hi [[rate:0]] there [[reply:a ] b\nc]] [[fault:429-once]] [[unknown:x]]');
    expect(triggers).toEqual({ rate: 0, reply: 'a ] b\nc', fault: '429-once' });
    expect(cleaned).toBe('Hi there [[unknown:x]]');
  });
});

describe('helpers', () => {
  it('measures data URLs', () => {
    expect(parseDataUrl('data:image/png;base64,AAAA')).toEqual({ mime: 'image/png', bytes: 3 });
    expect(parseDataUrl('data:text/plain,hello%20world')).toEqual({ mime: 'text/plain', bytes: 11 });
    expect(parseDataUrl('https://example.com')).toBeNull();
  });

  it('long markdown is at least the requested size and deterministic', () => {
    const a = longMarkdown(3000, new Rng(1));
    expect(encodeText(a).length).toBeGreaterThanOrEqual(3000);
    expect(longMarkdown(3000, new Rng(1))).toBe(a);
    expect(longMarkdown(3000, new Rng(2))).not.toBe(a);
  });
});

describe('reasoning', () => {
  it('stays between 20 and 60 tokens', () => {
    for (let seed = 0; seed < 30; seed++) {
      const request = validateChatRequest({
        model: 'ref-reasoner',
        seed,
        messages: [{ role: 'user', content: `A long question number ${seed} `.repeat(seed) }],
      });
      const text = composeReasoning(
        { request, userText: `A long question number ${seed} `.repeat(seed), prefill: null },
        new Rng(seed),
        seed % 2 ? ['get_weather'] : [],
      );
      expect(encodeText(text).length).toBeGreaterThanOrEqual(20);
      expect(encodeText(text).length).toBeLessThanOrEqual(60);
    }
  });
});
