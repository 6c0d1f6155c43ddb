import { describe, expect, it } from 'vitest';
import { MarkdownBlockSplitter, SLICE_CHARS, openFence, sliceEnd, splitMarkdownBlocks } from './markdown-blocks';

describe('markdown blocks', () => {
  it('splits paragraphs at blank lines and keeps the joined text identical', () => {
    const text = '# Title\n\nFirst para\nstill first.\n\n- a\n- b\n\nLast';
    const blocks = splitMarkdownBlocks(text);
    expect(blocks).toEqual(['# Title\n\n', 'First para\nstill first.\n\n', '- a\n- b\n\n', 'Last']);
    expect(blocks.join('')).toBe(text);
  });

  it('never splits inside a code fence, even across blank lines', () => {
    const text = 'Intro\n\n```js\nconst a = 1;\n\n\nconst b = 2;\n```\n\nAfter';
    expect(splitMarkdownBlocks(text)).toEqual(['Intro\n\n', '```js\nconst a = 1;\n\n\nconst b = 2;\n```\n\n', 'After']);
  });

  it('keeps indented continuation lines with their list item', () => {
    const text = '1. item\n\n    continued\n\n2. next';
    expect(splitMarkdownBlocks(text)).toEqual(['1. item\n\n    continued\n\n', '2. next']);
  });

  it('gives the same blocks incrementally as in one go, for every prefix', () => {
    const text = 'A\n\n```\nx\n\ny\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- l\n\n  more\n\nend\n';
    const splitter = new MarkdownBlockSplitter();
    for (let i = 0; i <= text.length; i++) {
      const { done, tail } = splitter.update(text.slice(0, i));
      expect([...done, tail].join('')).toBe(text.slice(0, i));
    }
    const { done, tail } = splitter.update(text);
    expect(tail === '' ? done : [...done, tail]).toEqual(splitMarkdownBlocks(text));
  });

  it('keeps finished blocks referentially stable while the tail grows', () => {
    const s = new MarkdownBlockSplitter();
    const a = s.update('one\n\ntwo');
    const b = s.update('one\n\ntwo and more');
    expect(b.done).toBe(a.done);
    expect(b.tail).toBe('two and more');
  });

  it('starts over when the text is replaced rather than extended', () => {
    const s = new MarkdownBlockSplitter();
    s.update('one\n\ntwo');
    expect(s.update('other\n\nthing').done).toEqual(['other\n\n']);
  });
});

describe('sliceEnd', () => {
  it('takes blocks up to the slice size, and always at least one', () => {
    const blocks = ['a'.repeat(1000), 'b'.repeat(1500), 'c'.repeat(600), 'd'.repeat(5000), 'e'];
    expect(sliceEnd(blocks, 0)).toBe(2); // 2,500 chars; the third would pass 3,000
    expect(sliceEnd(blocks, 2)).toBe(3);
    expect(sliceEnd(blocks, 3)).toBe(4); // one oversized block still goes alone
    expect(sliceEnd(blocks, 4)).toBe(5);
    expect(sliceEnd(blocks, 5)).toBe(5);
    expect(SLICE_CHARS).toBe(3000);
  });
});

describe('openFence', () => {
  it('reads the language and the code of an open fence', () => {
    expect(openFence('```ts\nconst a = 1;\nconst b')).toEqual(['ts', 'const a = 1;\nconst b']);
    expect(openFence('~~~~ python title="x"\nprint(1)\n')).toEqual(['python', 'print(1)']);
    expect(openFence('```\n')).toEqual(['', '']);
  });
  it('is null for anything that is not a fence opening at the first column', () => {
    expect(openFence('```ts')).toBeNull(); // info line not finished yet
    expect(openFence('  ```ts\ncode')).toBeNull();
    expect(openFence('Some text\n```ts\ncode')).toBeNull();
    expect(openFence('``inline``\n')).toBeNull();
  });
});
