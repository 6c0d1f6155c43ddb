import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, test } from './support/app';

// A whole round trip: two replies, export, open the page, wipe, import, export again.
test.describe.configure({ timeout: 90_000 });

const HOSTILE = '<img src=x onerror=alert(1)> </textarea> --> </template>';

function withoutExportTime(text: string): unknown {
  const doc = JSON.parse(text) as { exportedAt?: string };
  delete doc.exportedAt;
  return doc;
}

test('the web page export is the formatted conversation, runs nothing, loads nothing and imports back', async ({ app, page }, testInfo) => {
  const marker = `html-export-${Date.now()}`;
  const reply = [
    `# Export heading ${marker}`,
    'Some **bold words** and a table:',
    '| name | value |\n|---|---|\n| alpha | 1 |',
    '```python\ndef greet(name):\n    return f"hi {name}"\n```',
    'Euler: $e^{i\\pi} + 1 = 0$',
    `Hostile: ${HOSTILE}`,
    '![remote pic](https://images.example.net/cat.png)',
  ].join('\n\n');
  await app.open('?model=ref-reasoner');
  // A real 120×80 PNG drawn by the browser.
  const png = await page.evaluate(() => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 120, height: 80 });
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#0f766e';
    g.fillRect(0, 0, 120, 80);
    g.fillStyle = '#fbbf24';
    g.beginPath();
    g.arc(60, 40, 24, 0, Math.PI * 2);
    g.fill();
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  await page.getByTestId('image-file-input').setInputFiles({ name: 'sun.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  await app.send(`${marker} describe [[reply:${reply}]]`);
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await app.send(`${marker} call a tool [[replay:openai-tool-call-split-args-usage.sse]]`);
  await expect(app.assistant()).toHaveAttribute('data-finish-reason', 'tool_calls');
  await expect(app.assistant().getByTestId('tool-call')).toBeVisible();
  expect((await app.receivedWith(marker)).body.model).toBe('ref-reasoner');

  const original = withoutExportTime((await app.share.exportJSON()).text);
  const exported = await app.share.exportMenu(/Web page/);
  expect(exported.name).toMatch(/\.html$/);
  const file = testInfo.outputPath('conversation.html');
  writeFileSync(file, exported.text);

  // The page opened as a person opens a downloaded file.
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  await page.goto(url);

  await expect(page).toHaveTitle(new RegExp(marker));
  const reasonerReply = page.locator('article.assistant').first();
  await expect(reasonerReply.locator('h1')).toHaveText(`Export heading ${marker}`);
  await expect(reasonerReply.locator('strong')).toHaveText('bold words');
  await expect(reasonerReply.locator('table th').first()).toHaveText('name');
  await expect(reasonerReply.locator('table td').first()).toHaveText('alpha');
  await expect(reasonerReply.locator('code.language-python .hljs-keyword').first()).toHaveText('def');
  await expect(reasonerReply.locator('code.language-python .hljs-string').first()).toContainText('hi {name}');
  // A formula as MathML, drawn by the browser with its own fonts: no web font to fetch.
  await expect(reasonerReply.locator('math msup')).toBeVisible();
  await expect(reasonerReply.locator('.katex-html')).toHaveCount(0);
  // Hostile text is shown as written and made no element.
  await expect(reasonerReply.getByText(`Hostile: ${HOSTILE}`)).toBeVisible();
  await expect(page.locator('img[src="x"], textarea')).toHaveCount(0);
  // A remote image is a link naming its host, never loaded; the attached one is inline bytes.
  await expect(reasonerReply.locator('a.remote-image')).toHaveText('Image “remote pic” from images.example.net (not loaded)');
  await expect(page.locator('article.user img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  expect(await page.locator('article.user img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  // Reasoning is folded until opened.
  const reasoning = reasonerReply.locator('details.reasoning');
  await expect(reasoning.locator('.reasoning-text')).toBeHidden();
  await reasoning.locator('summary').click();
  await expect(reasoning.locator('.reasoning-text')).toBeVisible();
  // The tool call, its arguments as formatted JSON, and usage per reply.
  const toolReply = page.locator('article.assistant').last();
  await expect(toolReply.locator('.tool-call .tool-head strong')).toHaveText(/^ƒ \w+/);
  await expect(toolReply.locator('.tool-call code.language-json .hljs-attr').first()).toBeVisible();
  await expect(reasonerReply.locator('.usage')).toContainText(/\d+ prompt/);
  await expect(reasonerReply.locator('.usage')).toContainText(/\d+ reasoning/);
  await expect(toolReply.locator('.usage')).toContainText('finish: tool_calls');

  // No script at all, nothing fetched: the only request was the file itself.
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
  expect(problems).toEqual([]);
  // The page's own CSP holds: even an image added to it later is refused, never fetched.
  const refused = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        setTimeout(() => resolve('not refused'), 3000);
        const img = Object.assign(document.createElement('img'), { src: 'https://images.example.net/probe.png' });
        document.body.append(img);
        img.remove();
      }),
  );
  expect(refused).toBe('img-src');

  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.screenshot({ path: testInfo.outputPath('export-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('export-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Back into the app: the same conversation, as it was.
  await app.wipeStorage();
  await app.share.importFile(exported.name, exported.text);
  await expect(app.conversations).toHaveCount(1);
  await app.conversations.first().click();
  await expect(app.assistant(0).getByRole('heading', { name: `Export heading ${marker}` })).toBeVisible();
  await expect(app.assistant().getByTestId('tool-call')).toBeVisible();
  expect(withoutExportTime((await app.share.exportJSON()).text)).toEqual(original);
});
