import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOSE_ONLY_WINDOW,
  endInlineSplit,
  feedInlineSplit,
  hasInlineReasoning,
  initialInlineSplit,
  splitInlineReasoning,
  type InlineSplit,
} from './inline-reasoning';

/** Feeds the pieces one by one, checking what a viewer would see after each, then ends. */
function feed(pieces: readonly string[], seen?: (s: InlineSplit) => void): InlineSplit {
  let s = initialInlineSplit;
  for (const p of pieces) {
    s = feedInlineSplit(s, p);
    seen?.(s);
  }
  return endInlineSplit(s);
}

const view = (s: InlineSplit) => ({ reasoning: hasInlineReasoning(s) ? s.reasoning : null, content: s.content, unclosed: s.unclosed });

/** Input → what the finished reply shows. */
const CASES: [string, { reasoning: string | null; content: string; unclosed: boolean }][] = [
  ['<think>\nI should greet.\n</think>\n\nHello!', { reasoning: 'I should greet.', content: 'Hello!', unclosed: false }],
  ['  \n<think>a < b</think>Answer', { reasoning: 'a < b', content: 'Answer', unclosed: false }],
  ['<THINK>Upper</Think>\nDone', { reasoning: 'Upper', content: 'Done', unclosed: false }],
  ['<thinking>Long form</thinking>\n\nYes', { reasoning: 'Long form', content: 'Yes', unclosed: false }],
  ['<reasoning>Why</reasoning>Because', { reasoning: 'Why', content: 'Because', unclosed: false }],
  ['<thinking>not closed by </think> this', { reasoning: 'not closed by </think> this', content: '', unclosed: true }],
  ['<think>\nStill thinking about it', { reasoning: 'Still thinking about it', content: '', unclosed: true }],
  ['<think></think>\n\nQuick', { reasoning: '', content: 'Quick', unclosed: false }],
  [
    'Okay, the user wants a greeting.\n</think>\n\nHello!',
    { reasoning: 'Okay, the user wants a greeting.', content: 'Hello!', unclosed: false },
  ],
  ['Sure. Here is <think>x</think> inline', { reasoning: null, content: 'Sure. Here is <think>x</think> inline', unclosed: false }],
  ['Use <think> first, then </think>.', { reasoning: null, content: 'Use <think> first, then </think>.', unclosed: false }],
  ['Close it with `</think>` in the template.', { reasoning: null, content: 'Close it with `</think>` in the template.', unclosed: false }],
  ['Hello world', { reasoning: null, content: 'Hello world', unclosed: false }],
  ['  <thi', { reasoning: null, content: '  <thi', unclosed: false }],
  ['a <b> c </thin', { reasoning: null, content: 'a <b> c </thin', unclosed: false }],
  ['<think>cut </thi', { reasoning: 'cut </thi', content: '', unclosed: true }],
  ['<thinker>no</thinker>', { reasoning: null, content: '<thinker>no</thinker>', unclosed: false }],
  ['', { reasoning: null, content: '', unclosed: false }],
];

describe('inline reasoning, whole text', () => {
  it.each(CASES)('%j', (input, expected) => {
    expect(view(splitInlineReasoning(input))).toEqual(expected);
  });

  it('only counts a closing-only </think> within the first part of the reply', () => {
    const near = 'x'.repeat(CLOSE_ONLY_WINDOW - 1) + '</think>answer';
    expect(view(splitInlineReasoning(near)).content).toBe('answer');
    const far = 'x'.repeat(CLOSE_ONLY_WINDOW) + '</think>answer';
    expect(view(splitInlineReasoning(far))).toEqual({ reasoning: null, content: far, unclosed: false });
  });
});

describe('inline reasoning, streamed', () => {
  it.each(CASES)('one character at a time and at every split point: %j', (input, expected) => {
    expect(view(feed([...input]))).toEqual(expected);
    for (let i = 0; i <= input.length; i++) expect(view(feed([input.slice(0, i), input.slice(i)]))).toEqual(expected);
  });

  it('shows a reply that is still thinking as reasoning with empty content, and never a tag as content', () => {
    const input = '<think>\nI should greet.\n</think>\n\nHello!';
    const shown: { reasoning: string | null; content: string }[] = [];
    feed([...input], (s) => shown.push(view(s)));
    for (const v of shown) {
      expect('Hello!'.startsWith(v.content)).toBe(true);
      if (v.reasoning !== null) expect('I should greet.'.startsWith(v.reasoning.trimEnd())).toBe(true);
    }
    // While the closing tag has not fully arrived, nothing is content.
    const closed = input.indexOf('</think>') + '</think>'.length;
    expect(shown.slice(0, closed).every((v) => v.content === '')).toBe(true);
    expect(shown[8]).toEqual({ reasoning: 'I', content: '', unclosed: false });
  });

  it('holds back a tag cut at a chunk boundary and loses nothing', () => {
    let s = feedInlineSplit(initialInlineSplit, '<thi');
    expect([s.content, s.reasoning, s.held]).toEqual(['', '', '<thi']);
    s = feedInlineSplit(s, 'nk>abc</thi');
    expect([s.phase, s.reasoning, s.held]).toEqual(['open', 'abc', '</thi']);
    s = feedInlineSplit(s, 'nk>Hi');
    expect([s.phase, s.reasoning, s.content]).toEqual(['closed', 'abc', 'Hi']);
    // A plain reply ending in what looks like the start of a tag keeps it.
    s = feedInlineSplit(initialInlineSplit, 'a < b and c </');
    expect(s.content).toBe('a < b and c ');
    expect(endInlineSplit(s).content).toBe('a < b and c </');
  });

  it('any chunking of any input gives the same result as the whole text', () => {
    const parts = fc.constantFrom(
      '<think>',
      '</think>',
      '<THINKING>',
      '</thinking>',
      '<reasoning>',
      '</reasoning>',
      '\n',
      ' ',
      '`',
      '<',
      '/',
      'a',
      'Hi',
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 14 }), fc.array(fc.nat(60), { maxLength: 8 }), (tokens, cuts) => {
        const input = tokens.join('');
        const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...points].map((p, i, all) => input.slice(p, all[i + 1] ?? input.length));
        expect(view(feed(pieces))).toEqual(view(splitInlineReasoning(input)));
        // Nothing is lost: the visible parts and tags account for every non-space character.
        const whole = splitInlineReasoning(input);
        expect(whole.held).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('random chunkings of the recorded-style replies', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        ([input, expected], sizes) => {
          const pieces: string[] = [];
          for (let at = 0, i = 0; at < input.length; i++) {
            const size = sizes[i % sizes.length]!;
            pieces.push(input.slice(at, at + size));
            at += size;
          }
          expect(view(feed(pieces))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
