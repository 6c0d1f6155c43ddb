import { expect, test } from './support/app';

const CANARY = 'sk-canary-reliability-4c1d9e7b';
/** Secret headers: credential headers by name (OpenAI's organization, x-api-key) and one the person marks secret. */
const ORG_CANARY = 'org-canary-reliability-8e2f';
const XKEY_CANARY = 'xk-canary-reliability-3b7a';
const MARKED_CANARY = 'team-canary-reliability-6d0c';
const CANARIES = [CANARY, ORG_CANARY, XKEY_CANARY, MARKED_CANARY];

test.describe.configure({ timeout: 90_000 });

/**
 * A canary key and canary secret headers, even ones the server repeats back in its errors, never
 * reach anything but their request headers and the key store: not the screen, exports, links,
 * snippets, the console, or any other storage.
 */
test('a canary API key and secret headers never leave the key store', async ({ app, page }) => {
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(e.message));
  await app.open();
  await page.getByTestId('max-retries-input').fill('0');
  await page.getByTestId('endpoint-api-key').fill(CANARY);
  await page.getByRole('button', { name: /Extra headers/ }).click();
  for (const [name, value] of [
    ['OpenAI-Organization', ORG_CANARY],
    ['x-api-key', XKEY_CANARY],
    ['X-Team-Token', MARKED_CANARY],
  ]) {
    await page.getByTestId('endpoint-header-name').fill(name!);
    await page.getByTestId('endpoint-header-value').fill(value!);
    await page.getByTestId('endpoint-header-value').press('Enter');
  }
  // Credential headers are secret by name; the person marks the third one.
  await expect(page.getByRole('switch', { name: 'Header OpenAI-Organization is secret' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('switch', { name: 'Header X-Team-Token is secret' }).click();
  for (const name of ['OpenAI-Organization', 'x-api-key', 'X-Team-Token'])
    await expect(page.getByLabel(`Value of header ${name}`)).toHaveAttribute('type', 'password');
  await app.sendAndWait('Secret test [[reply:fine]]');
  // The key and headers were sent (the log masks the key and x-api-key). Found by its text: other tests share the endpoint's log.
  const sent = (await app.receivedWith('Secret test')).headers;
  expect(sent.authorization).toBe('Bearer ***');
  expect(sent['x-api-key']).toBe('***');
  expect([sent['openai-organization'], sent['x-team-token']]).toEqual([ORG_CANARY, MARKED_CANARY]);

  // A server that repeats the organization in its 401, as OpenAI does.
  await app.send('[[fault:echo-org]]');
  await expect(app.errorBanner).toContainText('No such organization: ***.');

  // A server that echoes the key in a 401, and inside a mid-stream error.
  await app.send('[[fault:echo-key]]');
  await expect(app.errorBanner).toContainText('Incorrect API key provided: ***');
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(1); // the refused request keeps no reply
  await app.sendAndWait('[[fault:echo-key-stream]]');
  await expect(app.errorBanner).toContainText('Incorrect API key provided: ***');
  await expect(app.assistant().getByTestId('message-content')).toContainText('Started, then');
  // The page as markup, minus the key and header fields themselves (their values are the key store's own view).
  const markup = () =>
    page.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-testid="endpoint-api-key"], input[aria-label^="Value of header"]').forEach((e) => e.remove());
      return copy.outerHTML;
    });
  const screens = [await page.locator('body').textContent(), await markup()];
  await page.reload();
  await expect(app.assistant()).toHaveAttribute('data-status', 'error');
  screens.push(await markup());

  const outputs = await app.share.everyOutput();

  const stored = await page.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const [name, area] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < area.length; i++) {
        const key = area.key(i)!;
        if (!key.startsWith('pg.apiKey.') && !key.startsWith('pg.secretHeaders.')) out[`${name}:${key}`] = area.getItem(key) ?? '';
      }
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const q = indexedDB.open(info.name!);
        q.onsuccess = () => res(q.result);
        q.onerror = () => rej(q.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const rows = await new Promise<unknown[]>((res, rej) => {
          const q = db.transaction(store).objectStore(store).getAll();
          q.onsuccess = () => res(q.result);
          q.onerror = () => rej(q.error);
        });
        out[`idb:${info.name}/${store}`] = JSON.stringify(rows);
      }
      db.close();
    }
    return out;
  });
  // The key store itself holds it (so the test would notice a key that was never set).
  expect(
    await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('pg.apiKey.'))
        .map((k) => localStorage.getItem(k)),
    ),
  ).toContain(CANARY);
  const keptHeaders = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('pg.secretHeaders.'))
      .map((k) => localStorage.getItem(k))
      .join(''),
  );
  for (const canary of [ORG_CANARY, XKEY_CANARY, MARKED_CANARY]) expect(keptHeaders).toContain(canary);
  expect(Object.keys(stored).some((k) => k.startsWith('idb:chat-playground/messages'))).toBe(true);

  const places: [string, string][] = [
    ...screens.map((s, i): [string, string] => [`screen ${i}`, s ?? '']),
    ...outputs.map((s, i): [string, string] => [`export ${i}`, s]),
    ...Object.entries(stored),
    ['console', consoleLines.join('\n')],
  ];
  const leaks = places.flatMap(([where, text]) =>
    CANARIES.filter((c) => text.includes(c) || text.includes(c.slice(3))).map((c) => `${where}: ${c}`),
  );
  expect(leaks).toEqual([]);
  expect(places.length).toBeGreaterThan(15);
});
