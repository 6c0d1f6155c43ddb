// npm run screenshots: builds the app, serves it with the reference endpoint, and takes the README
// screenshots (light and dark, desktop and phone) into docs/screenshots/, so they stay current.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { createReferenceServer } from '../server/app';

const OUT = path.resolve('docs/screenshots');
const DIST = path.resolve(process.argv[2] ?? 'dist');

const REPLY = [
  '## Streaming, step by step',
  '',
  'The server keeps the response open and sends one `data:` line per **chunk**:',
  '',
  '| Field | Meaning |',
  '|---|---|',
  '| `delta.content` | the next piece of text |',
  '| `finish_reason` | why the reply ended |',
  '',
  '```ts',
  'for await (const chunk of stream) {',
  "  process.stdout.write(chunk.choices[0]?.delta?.content ?? '');",
  '}',
  '```',
].join('\n');

async function converse(page: Page): Promise<void> {
  // The reference endpoint answers a [[reply:…]] trigger word for word; it is added on the way out
  // so the screenshot shows the question a person would ask.
  await page.route('**/v1/chat/completions', async (route) => {
    const body = route.request().postDataJSON() as { messages: { content: string }[] };
    const last = body.messages.at(-1);
    if (last) last.content += ` [[reply:${REPLY}]]`;
    await route.continue({ postData: JSON.stringify(body) });
  });
  const composer = page.getByTestId('composer-input');
  await composer.fill('How does a chat completion stream?');
  await composer.press('ControlOrMeta+Enter');
  await page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]').first().waitFor();
  // Code highlighting loads lazily; wait for it so the picture shows the finished reply.
  await page.locator('.hljs-keyword').first().waitFor({ timeout: 15_000 });
  await composer.fill('Show the same in Python.');
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run vite build first`);
  mkdirSync(OUT, { recursive: true });
  const server = createReferenceServer({ staticDir: DIST, tokensPerSecond: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    for (const theme of ['light', 'dark'] as const) {
      for (const device of [
        { name: 'desktop', viewport: { width: 1440, height: 900 }, scale: 1 },
        { name: 'phone', viewport: { width: 390, height: 844 }, scale: 2 },
      ]) {
        const context = await browser.newContext({
          viewport: device.viewport,
          deviceScaleFactor: device.scale,
          colorScheme: theme,
          reducedMotion: 'reduce',
        });
        // A returning person: the first-run welcome is a screen of its own below.
        await context.addInitScript(() => {
          if (!localStorage.getItem('pg.layout'))
            localStorage.setItem('pg.layout', JSON.stringify({ state: { welcomed: true, theme: 'system' }, version: 1 }));
        });
        const page = await context.newPage();
        await page.goto(base);
        await converse(page);
        await page.screenshot({ path: path.join(OUT, `${device.name}-${theme}.png`) });
        if (device.name === 'desktop') {
          await page.keyboard.press('ControlOrMeta+K');
          await page.getByTestId('command-palette-input').waitFor();
          await page.screenshot({ path: path.join(OUT, `palette-${theme}.png`) });
        }
        await context.close();
      }
    }
    const first = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
    const page = await first.newPage();
    await page.goto(base);
    await page.getByTestId('welcome').waitFor();
    await page.screenshot({ path: path.join(OUT, 'welcome-light.png') });
    await first.close();
  } finally {
    await browser.close();
    server.close();
  }
  console.info(`Screenshots written to ${path.relative(process.cwd(), OUT)}/`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
