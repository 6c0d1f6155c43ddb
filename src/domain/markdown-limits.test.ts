import { describe, expect, it } from 'vitest';
import { MAX_DELIMITER_RUNS, MAX_BRACKETS, MAX_NESTING, markdownTooComplex } from './markdown-limits';

const nestedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');

describe('markdownTooComplex', () => {
  it('lets ordinary markdown through', () => {
    const ordinary = [
      '# Title',
      'Some **bold**, _italic_, ~~struck~~ and `code`, a [link](https://example.com) and ![img](x.png).',
      '> a quote\n> > nested once\n>',
      nestedList(8),
      '1. one\n2. two\n   - inner',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '```python\ndef f(x):\n    return x * 2 ** 3\n```',
      '* * *',
    ].join('\n\n');
    expect(markdownTooComplex(ordinary)).toBeNull();
    expect(markdownTooComplex('')).toBeNull();
    expect(markdownTooComplex(nestedList(MAX_NESTING))).toBeNull();
    expect(markdownTooComplex('[a](b) '.repeat(MAX_BRACKETS / 2))).toBeNull();
  });

  it('stops deep nesting of quotes and lists, however it is written', () => {
    expect(markdownTooComplex(`${'>'.repeat(5000)} deep`)).toBe('nesting');
    expect(markdownTooComplex(`${'> '.repeat(40)}deep`)).toBe('nesting');
    expect(markdownTooComplex(`intro\n${'>'.repeat(MAX_NESTING + 1)} deep`)).toBe('nesting');
    expect(markdownTooComplex(nestedList(MAX_NESTING + 2))).toBe('nesting');
    expect(markdownTooComplex(`${'- '.repeat(100)}x`)).toBe('nesting');
    expect(markdownTooComplex(`${'1. '.repeat(100)}x`)).toBe('nesting');
  });

  it('does not count indentation or markers inside fenced code', () => {
    const deepCode = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}{`).join('\n');
    expect(markdownTooComplex(`\`\`\`json\n${deepCode}\n\`\`\``)).toBeNull();
    expect(markdownTooComplex(`\`\`\`\n${'>'.repeat(100)}\n${'*x '.repeat(3000)}\n\`\`\``)).toBeNull();
    // …but the fence must close: text after it is markdown again.
    expect(markdownTooComplex(`\`\`\`\ncode\n\`\`\`\n${'>'.repeat(100)}`)).toBe('nesting');
  });

  it('stops runs of unclosed link openers and emphasis delimiters', () => {
    expect(markdownTooComplex('['.repeat(20_000))).toBe('links');
    expect(markdownTooComplex('[a]('.repeat(MAX_BRACKETS / 2 + 1))).toBe('links');
    expect(markdownTooComplex('a](b '.repeat(20_000))).toBe('links');
    expect(markdownTooComplex('*a '.repeat(MAX_DELIMITER_RUNS + 1))).toBe('delimiters');
    expect(markdownTooComplex('_a '.repeat(MAX_DELIMITER_RUNS + 1))).toBe('delimiters');
    // A long run of one character is one delimiter run.
    expect(markdownTooComplex('*'.repeat(50_000))).toBeNull();
  });

  it('scans a megabyte in a few milliseconds', () => {
    const normal = 'Some **bold** text with a [link](https://x.y) and `code`.\n\n'.repeat(500);
    const start = performance.now();
    for (let i = 0; i < 30; i++) expect(markdownTooComplex(normal)).toBeNull();
    const plainMb = 'plain words in a long line of text, nothing to parse. '.repeat(20_000);
    expect(markdownTooComplex(plainMb)).toBeNull();
    expect(performance.now() - start).toBeLessThan(200);
  });
});
