import { describe, expect, it } from 'vitest';
import { decodeBytes, groupTokens, groupsCoverText, tokenLabel } from './token-groups';
import type { TokenLogprob } from './types';

const utf8 = (s: string) => Array.from(new TextEncoder().encode(s));
const tok = (token: string, logprob: number, bytes: number[] | null = utf8(token)): TokenLogprob => ({
  token,
  logprob,
  bytes,
  topLogprobs: [],
});
const texts = (tokens: TokenLogprob[]) => groupTokens(tokens).map((g) => g.text);

describe('groupTokens', () => {
  // o200k_base (gpt-4o) cuts " 🦜" into [32,240,159] [166] [156]; the token strings are escaped
  // bytes, as OpenAI and DeepSeek send them.
  const parrot = [tok('Hi', -0.01), tok(' \\xf0\\x9f', -0.2, [32, 240, 159]), tok('\\xa6', -0.3, [166]), tok('\\x9c', -0.1, [156])];

  it('joins an emoji split over three tokens into one group carrying all three logprobs', () => {
    const groups = groupTokens([...parrot, tok('!', -0.5)]);
    expect(groups.map((g) => g.text)).toEqual(['Hi', ' 🦜', '!']);
    const emoji = groups[1]!;
    expect(emoji.tokens).toHaveLength(3);
    expect(emoji.start).toBe(1);
    expect(emoji.logprob).toBeCloseTo(-0.6); // joint: the probabilities multiply
    expect(groups[2]!.start).toBe(4);
  });

  it('joins a CJK character split over two tokens (龘 = [233,190] [152])', () => {
    const groups = groupTokens([tok('\\xe9\\xbe', -1.5, [233, 190]), tok('\\x98', -0.25, [152]), tok('你好', -0.1)]);
    expect(groups.map((g) => g.text)).toEqual(['龘', '你好']);
    expect(groups[0]!.logprob).toBeCloseTo(-1.75);
    expect(groups[1]!.tokens).toHaveLength(1);
  });

  it('shows tokens whose bytes never form valid UTF-8 as the server wrote them', () => {
    // A lone continuation byte, a 0xff byte, and a lead byte followed by ASCII.
    expect(texts([tok('\\x9c', -1, [156]), tok('A', -1)])).toEqual(['\\x9c', 'A']);
    expect(texts([tok('\\xff', -1, [255])])).toEqual(['\\xff']);
    expect(texts([tok('\\xf0\\x9f', -1, [240, 159]), tok('ok', -1)])).toEqual(['\\xf0\\x9f', 'ok']);
    // An unfinished character restarts: the second token begins a character of its own.
    expect(texts([tok('\\xf0', -1, [240]), tok('😊', -1, utf8('😊'))])).toEqual(['\\xf0', '😊']);
    // Encoded surrogates pass the length check but are not UTF-8.
    expect(texts([tok('?', -1, [0xed, 0xa0, 0x80])])).toEqual(['?']);
  });

  it('keeps a character still open at the end of the reply as the tokens sent', () => {
    expect(texts([tok('a', -1), tok('\\xf0\\x9f', -1, [240, 159])])).toEqual(['a', '\\xf0\\x9f']);
  });

  it('uses the token strings as they are when bytes are missing or not byte values', () => {
    const missing = { token: 'x', logprob: -1, topLogprobs: [] } as unknown as TokenLogprob;
    expect(texts([tok('Hel', -1, null), tok('lo', -1, null), missing])).toEqual(['Hel', 'lo', 'x']);
    expect(texts([tok('a', -1, [97, 300]), tok('b', -1, [98.5]), tok('c', -1, 'nope' as unknown as number[])])).toEqual(['a', 'b', 'c']);
    // A token without bytes inside a split character ends it: the broken half shows as sent.
    expect(texts([tok('\\xf0\\x9f', -1, [240, 159]), tok('?', -1, null), tok('\\xa6', -1, [166])])).toEqual(['\\xf0\\x9f', '?', '\\xa6']);
  });

  it('decodes bytes over a broken token string (vLLM sends "�" but real bytes when it has them)', () => {
    expect(texts([tok('�', -1, [195]), tok('�', -1, [169])])).toEqual(['é']);
  });

  it('is empty for no tokens', () => {
    expect(groupTokens([])).toEqual([]);
  });
});

describe('tokenLabel', () => {
  it('decodes whole characters and escapes the bytes that are part of one', () => {
    expect(tokenLabel({ token: ' the', bytes: utf8(' the') })).toBe(' the');
    expect(tokenLabel({ token: ' \\xf0\\x9f', bytes: [32, 240, 159] })).toBe(' \\xf0\\x9f');
    expect(tokenLabel({ token: '\\xa6', bytes: [166] })).toBe('\\xa6');
    expect(tokenLabel({ token: 'as sent', bytes: null })).toBe('as sent');
  });
});

describe('decodeBytes and groupsCoverText', () => {
  it('decodes only valid UTF-8', () => {
    expect(decodeBytes(utf8('饕餮'))).toBe('饕餮');
    expect(decodeBytes([240, 159])).toBeNull();
    expect(decodeBytes([0xc0, 0x80])).toBeNull(); // overlong
  });
  it('checks that the groups spell the text', () => {
    const groups = groupTokens([tok('Hi', -1), tok(' \\xf0\\x9f', -1, [32, 240, 159]), tok('\\xa6', -1, [166]), tok('\\x9c', -1, [156])]);
    expect(groupsCoverText(groups, 'Hi 🦜')).toBe(true);
    expect(groupsCoverText(groups, 'Hi')).toBe(false);
  });
});
