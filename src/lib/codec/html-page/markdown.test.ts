import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { markdownToHast } from './markdown';

const render = (markdown: string) => toHtml(markdownToHast(markdown, 'm0-'));

describe('markdown in the exported page', () => {
  it('resolves footnotes and link definitions across blocks, as one document', () => {
    const html = render('See the docs[^1] and [the site][site].\n\nMore text.\n\n[site]: https://example.com/\n\n[^1]: The note.');
    expect(html).toContain('<a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow"');
    expect(html).toContain('<sup><a href="#m0-r0-fn-1" id="m0-r0-fnref-1">1</a></sup>');
    expect(html).toMatch(/<section data-footnotes class="footnotes">[\s\S]*The note\./);
  });

  it('shows a block the parser would choke on as plain text, and formats the blocks around it', () => {
    const html = render(`**before**\n\n${'>'.repeat(5000)} deep\n\n**after**`);
    expect(html).toContain('<strong>before</strong>');
    expect(html).toContain('Shown as plain text: nested too deeply to format.');
    expect(html).toContain('<strong>after</strong>');
    expect(html).not.toContain('<blockquote>');
  });

  it('shows a message of over a megabyte as plain text', () => {
    const html = render(`**x** ${'word '.repeat(210_000)}`);
    expect(html).toContain('Shown as plain text: too long to format (1,050,006 characters).');
    expect(html).not.toContain('<strong>');
  });

  it('applies the app’s link and image rules', () => {
    const html = render(
      '[bad](javascript:alert(1)) [https://bank.example](https://evil.example/) ![dot](data:image/png;base64,AAAA) ![svg](data:image/svg+xml;base64,AAAA) ![r](https://img.example/a.png)',
    );
    expect(html).toContain('<span class="blocked-link" title="javascript: links are not opened.">bad</span>');
    expect(html).toContain('<span class="real-host" title="Where this link really goes">→ evil.example</span>');
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="dot">');
    expect(html).toContain('[image: “svg”]');
    expect(html).toContain('Image “r” from img.example (not loaded)');
    expect(html).not.toMatch(/src="(?!data:image\/png)/);
  });

  it('shows raw HTML as the text it is', () => {
    expect(render('<b>bold?</b> <!-- c --> <script>x</script>')).toBe(
      '<p>&#x3C;b>bold?&#x3C;/b> &#x3C;!-- c --> &#x3C;script>x&#x3C;/script></p>',
    );
  });
});
