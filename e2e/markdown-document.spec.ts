import type { Page } from '@playwright/test';
import { expect, test } from './support/app';

/**
 * Markdown that reaches across the whole reply: link reference definitions and footnotes written
 * further down than where they are used (each block is rendered alone, see ADR 0002), and math in
 * the four delimiter styles models use, rendered by KaTeX loaded on demand.
 */

/** A reply of exactly `text`, streamed at `rate` tokens a second (0: as fast as possible). */
const exactly = (marker: string, text: string, rate = 0) => `${marker} [[rate:${rate}]] [[reply:${text}]]`;

/** Whether any stylesheet of the page holds KaTeX's rules (its fonts). */
const katexStylesLoaded = (page: Page) =>
  page.evaluate(() =>
    [...document.styleSheets].some((sheet) => {
      try {
        return [...sheet.cssRules].some((rule) => rule.cssText.includes('KaTeX_Main'));
      } catch {
        return false;
      }
    }),
  );

test('reference links and footnotes defined at the end of a reply resolve, while streaming and after', async ({ app }) => {
  const reply = [
    'Read [the CommonMark spec][cm] first[^1].',
    '',
    '- Then [Example] and a second claim[^why].',
    '',
    'Some more prose, so that the definitions arrive well after their use.',
    '',
    '[cm]: https://spec.commonmark.org/ "CommonMark"',
    '[example]: https://example.com/',
    '',
    '[^1]: Version 0.31, [see the spec][cm].',
    '[^why]: Because the second block is rendered alone.',
  ].join('\n');
  await app.open();
  await app.send(exactly('REFS-STREAM', reply, 40));
  const message = app.assistant();
  const content = message.getByTestId('message-content');
  // While the reply is still streaming, the link in the first block resolves once its definition has arrived.
  await expect(content.getByRole('link', { name: 'the CommonMark spec' })).toHaveAttribute('href', 'https://spec.commonmark.org/', {
    timeout: 20_000,
  });
  await expect(message).toHaveAttribute('data-status', 'done', { timeout: 20_000 });

  await expect(content.getByRole('link', { name: 'Example', exact: true })).toHaveAttribute('href', 'https://example.com/');
  await expect(content).not.toContainText('[cm]');
  await expect(content).not.toContainText('[^');
  // Calls are numbered in the reply's order, and the notes are listed once, at the end.
  const calls = content.locator('a[data-footnote-ref]');
  await expect(calls).toHaveText(['1', '2']);
  const notes = content.getByTestId('footnotes').locator('li');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0)).toContainText('Version 0.31, see the spec.');
  await expect(notes.nth(0).getByRole('link', { name: 'see the spec' })).toHaveAttribute('href', 'https://spec.commonmark.org/');
  await expect(notes.nth(1)).toContainText('Because the second block is rendered alone.');

  // A call leads to its note, and the note's back link to the call.
  await calls.nth(1).click();
  await expect(notes.nth(1)).toBeFocused();
  await notes.nth(1).getByRole('link', { name: 'Back to reference 2' }).click();
  await expect(calls.nth(1)).toBeFocused();
});

test('math in all four delimiter styles renders with KaTeX, loaded only for a reply with math', async ({ app, page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await app.open();
  await app.send(exactly('MATH-NONE', 'A **plain** reply. It costs $5 and $10.'));
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await expect(app.assistant().locator('strong')).toHaveText('plain');
  await expect(app.assistant().getByTestId('message-content')).toContainText('It costs $5 and $10.');
  expect(await katexStylesLoaded(page)).toBe(false);

  const reply = [
    'Inline $e^{i\\pi}+1=0$ and \\(x^2\\), prices $5 and $10 stay text.',
    '',
    '$$\\frac{a}{b}$$',
    '',
    '\\[',
    '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
    '\\]',
    '',
    'A link in TeX: $\\href{javascript:alert(1)}{click}$ and `$code$`.',
  ].join('\n');
  await app.send(exactly('MATH-ALL', reply));
  const content = app.assistant().getByTestId('message-content');
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await expect(content.locator('.katex')).toHaveCount(5);
  await expect(content.locator('.katex-display')).toHaveCount(2);
  await expect(content.locator('.katex-display').first().locator('.mfrac')).toHaveCount(1);
  await expect(content).toContainText('prices $5 and $10 stay text.');
  await expect(content.locator('code').filter({ hasText: '$code$' })).toHaveCount(1);
  // `\href` is refused (trust off): its source shows in the error colour, and nothing is a link.
  await expect(content.locator('.katex a')).toHaveCount(0);
  await expect(content.getByRole('link')).toHaveCount(0);
  await expect(content.locator('.katex')).toContainText(['e', 'x', 'a', 'n', '\\href']);
  // KaTeX's styles and fonts came with it, and nothing was refused by the page's CSP.
  expect(await katexStylesLoaded(page)).toBe(true);
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main') && document.fonts.status === 'loaded')).toBe(true);
  expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded'))).toBe(true);
  expect(problems.filter((p) => /Content Security Policy|KaTeX|font/i.test(p))).toEqual([]);
});

test('a formula that never closes shows as text', async ({ app }) => {
  await app.open();
  await app.send(exactly('MATH-OPEN', 'Half $x$ done, then\n\n$$\n\\frac{1}{2'));
  const content = app.assistant().getByTestId('message-content');
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await expect(content.locator('.katex')).toHaveCount(1);
  await expect(content).toContainText('$$');
  await expect(content).toContainText('\\frac{1}{2');
});
