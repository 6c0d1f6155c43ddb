import { describe, expect, it } from 'vitest';
import { markdownForExport } from '../../components/markdown/export-tools';
import { markdownToHast } from '../../lib/codec/html-page/markdown';
import { toHtml } from '../../lib/codec/html-page/serialize';

const render = async (markdown: string) => toHtml(markdownToHast(markdown, 'm0-', await markdownForExport([markdown])));

describe('markdown in the exported page', () => {
  it('resolves footnotes and link definitions across blocks, as one document', async () => {
    const html = await render('See the docs[^1] and [the site][site].\n\nMore text.\n\n[site]: https://example.com/\n\n[^1]: The note.');
    expect(html).toContain('<a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow"');
    expect(html).toContain('<sup><a href="#m0-r0-user-content-fn-1" id="m0-r0-user-content-fnref-1">1</a></sup>');
    expect(html).toContain('<li id="m0-r0-user-content-fn-1">');
    expect(html).toMatch(/<section data-footnotes class="footnotes">[\s\S]*The note\./);
  });

  it('shows a block the parser would choke on as plain text, and formats the blocks around it', async () => {
    const html = await render(`**before**\n\n${'>'.repeat(5000)} deep\n\n**after**`);
    expect(html).toContain('<strong>before</strong>');
    expect(html).toContain('Shown as plain text: nested too deeply to format.');
    expect(html).toContain('<strong>after</strong>');
    expect(html).not.toContain('<blockquote>');
  });

  it('shows a message of over a megabyte as plain text', async () => {
    const html = await render(`**x** ${'word '.repeat(210_000)}`);
    expect(html).toContain('Shown as plain text: too long to format (1,050,006 characters).');
    expect(html).not.toContain('<strong>');
  });

  it('applies the app’s link and image rules', async () => {
    const html = await render(
      '[bad](javascript:alert(1)) [https://bank.example](https://evil.example/) ![dot](data:image/png;base64,AAAA) ![svg](data:image/svg+xml;base64,AAAA) ![r](https://img.example/a.png)',
    );
    expect(html).toContain(
      '<span class="blocked-link" title="The address was removed: it could run code or load hidden content.">bad</span>',
    );
    expect(html).toContain('<span class="real-host" title="Where this link really goes">→ evil.example</span>');
    // As in the app, an image in markdown is never inline bytes (only attached images are).
    expect(html).toContain('[image: “dot”]');
    expect(html).toContain('[image: “svg”]');
    expect(html).toContain('Image “r” from img.example (not loaded)');
    expect(html).not.toContain('src=');
  });

  it('shows raw HTML as the text it is', async () => {
    expect(await render('<b>bold?</b> <!-- c --> <script>x</script>')).toBe(
      '<p>&lt;b&gt;bold?&lt;/b&gt; &lt;!-- c --&gt; &lt;script&gt;x&lt;/script&gt;</p>',
    );
  });

  it('typesets formulas as MathML, which the browser draws with no script and no web font', async () => {
    const html = await render('Inline $x^2$ and\n\n$$\\frac{a}{b}$$');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup>');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(html).not.toContain('katex-html');
    expect(html).not.toContain('style=');
  });
});
