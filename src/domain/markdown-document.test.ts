import { describe, expect, it } from 'vitest';
import { MarkdownBlockSplitter } from './markdown-blocks';
import { scanDefinitions, scanReferences } from './markdown-definitions';
import { blockContext, ReplyDefinitionIndex, type ReplyDefinitions } from './markdown-document';

const REPLY = [
  'See [the spec][CM] and [Example] too[^1].',
  '',
  '- a list item citing [cm][]',
  '',
  'More prose[^note] and again[^1].',
  '',
  '[cm]: https://spec.commonmark.org "CommonMark"',
  '[example]: <https://example.com>',
  '',
  '[^1]: The first note, with a [link][cm].',
  '[^note]: Second note',
  '    continued on an indented line.',
  '',
].join('\n');

/** Streams `text` through a splitter and an index in pieces of `step` characters, like the app does. */
function stream(text: string, step: number): { definitions: ReplyDefinitions; contexts: string[]; blocks: string[] } {
  const splitter = new MarkdownBlockSplitter();
  const index = new ReplyDefinitionIndex();
  let result = { definitions: index.update([], '', true), contexts: [] as string[], blocks: [] as string[] };
  for (let end = step; ; end += step) {
    const streaming = end < text.length;
    const { done, tail } = splitter.update(text.slice(0, Math.min(end, text.length)));
    const definitions = index.update(done, tail, streaming);
    const blocks = [...done, tail];
    result = { definitions, contexts: blocks.map((_, i) => index.contextFor(i)), blocks };
    if (!streaming) return result;
  }
}

describe('definitions across blocks', () => {
  it('finds link and footnote definitions, CommonMark-normalized, and skips code and paragraph lines', () => {
    const defs = scanDefinitions('[A  B]: /x\n\n```\n[c]: /no\n```\nText\n[d]: /no-para\n\n[^Z]: note\n  lazy\n\n    more');
    expect(defs.links).toEqual([['A B', '[A  B]: /x']]);
    expect(defs.notes).toEqual([['Z', 'note\n  lazy\n\nmore']]);
  });

  it('finds references but not definitions, and footnote calls in order', () => {
    const refs = scanReferences('[x][Y] [^b] [^a] [^b]\n[def]: /url [t]');
    expect(refs.links).toEqual(['X', 'Y', 'DEF', 'T']);
    expect(refs.notes).toEqual(['B', 'A', 'B']);
  });

  it.each([1, 3, 17])('resolves every reference fed %i characters at a time, as in one go', (step) => {
    const { definitions, contexts, blocks } = stream(REPLY, step);
    expect([...definitions.links.keys()]).toEqual(['CM', 'EXAMPLE']);
    expect(definitions.noteOrder).toEqual(['1', 'NOTE']);
    expect(definitions.notes.get('NOTE')).toBe('Second note\ncontinued on an indented line.');
    expect(definitions.firstCall.get('NOTE')).toBe(2);
    expect(blocks[0]).toContain('[the spec][CM]');
    // The first block gets both link definitions and a placeholder for footnote 1.
    expect(contexts[0]).toBe('\n\n[cm]: https://spec.commonmark.org "CommonMark"\n[example]: <https://example.com>\n[^1]: -\n');
    expect(contexts[1]).toBe('\n\n[cm]: https://spec.commonmark.org "CommonMark"\n');
    expect(contexts[2]).toBe('\n\n[^note]: -\n[^1]: -\n');
    // The block holding the definitions needs none from elsewhere.
    expect(contexts[3]).toBe('');
  });

  it('does not take a definition whose line is still arriving', () => {
    const index = new ReplyDefinitionIndex();
    const partial = index.update(['Read [this][r].\n\n'], '[r]: https://exa', true);
    expect(partial.links.size).toBe(0);
    expect(index.contextFor(0)).toBe('');
    const whole = index.update(['Read [this][r].\n\n'], '[r]: https://example.com', false);
    expect(whole.links.get('R')).toBe('[r]: https://example.com');
    expect(index.contextFor(0)).toBe('\n\n[r]: https://example.com\n');
  });

  it('changes its version only when a definition or the numbering changes (blocks re-render only then)', () => {
    const index = new ReplyDefinitionIndex();
    const a = index.update(['One[^x].\n\n'], 'Two', true);
    const b = index.update(['One[^x].\n\n'], 'Two more words', true);
    expect(b.version).toBe(a.version);
    const c = index.update(['One[^x].\n\n', 'Two more words\n\n'], '[^x]: note\n', true);
    expect(c.version).toBeGreaterThan(b.version);
    expect(c.noteOrder).toEqual(['X']);
  });

  it('gives a new definition only to the blocks that use it (the others keep their memoized render)', () => {
    const index = new ReplyDefinitionIndex();
    const done = ['Uses [a].\n\n', 'Uses [b].\n\n', '[a]: /a\n\n'];
    index.update(done, '', true);
    const before = done.map((_, i) => index.contextFor(i));
    index.update(done, '[b]: /b\n', true);
    const after = done.map((_, i) => index.contextFor(i));
    expect(after[0]).toBe(before[0]);
    expect(before[1]).toBe('');
    expect(after[1]).toBe('\n\n[b]: /b\n');
  });

  it('keeps the first definition of a label, as CommonMark does', () => {
    const index = new ReplyDefinitionIndex();
    const defs = index.update(['[r]: /first\n\n', '[R]: /second\n\n'], 'x [r]', false);
    expect(defs.links.get('R')).toBe('[r]: /first');
    expect(blockContext('[r] here', defs)).toBe('\n\n[r]: /first\n');
  });

  it('starts over when the reply is replaced', () => {
    const index = new ReplyDefinitionIndex();
    index.update(['[r]: /a\n\n'], '', false);
    expect(index.update(['Other\n\n'], '[r]', false).links.size).toBe(0);
  });
});
