import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { KATEX_OPTIONS } from './math';

/** KaTeX as the app runs it on model output (rehype-katex passes these options through). */
const render = (tex: string) => katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: false });

describe('KaTeX options for untrusted text', () => {
  it.each([
    ['\\href{javascript:alert(1)}{click}', /href=/],
    ['\\url{javascript:alert(1)}', /href=/],
    ['\\htmlData{foo=bar}{x}', /data-foo/],
    ['\\htmlClass{evil}{x}', /class="evil"/],
    ['\\htmlId{root}{x}', /id="root"/],
    ['\\htmlStyle{position:fixed}{x}', /style="[^"]*position:\s*fixed/],
    ['\\includegraphics{https://example.com/a.png}', /<img/],
  ])('refuses %s (trust off): its source shows as an error, no link or attribute', (tex, forbidden) => {
    const html = render(tex);
    expect(html).not.toMatch(forbidden);
    expect(html).toContain('color:#cc0000');
  });

  it('stops a macro that expands without end instead of hanging', () => {
    const started = performance.now();
    const html = render('\\def\\a{\\a\\a}\\a');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(html).toContain('katex-error');
  });

  it('caps sizes, so a formula cannot cover the page', () => {
    // The TeX source stays in the MathML annotation; the drawn sizes are capped at maxSize.
    const html = render('\\rule{500em}{500em}');
    expect(html).not.toMatch(/style="[^"]*500em/);
    expect(html).toMatch(/style="[^"]*20em/);
  });
});
