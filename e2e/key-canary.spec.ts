import { expect, test } from './support/app';

const CANARY = 'sk-canary-reliability-4c1d9e7b';

test.describe.configure({ timeout: 90_000 });

/**
 * A canary key, even one the server repeats back in its errors, never reaches anything but the
 * Authorization header and the key store: not the screen, exports, links, snippets, the console,
 * or any other storage.
 */
test('a canary API key never leaves the key store', async ({ app, page }) => {
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(e.message));
  await app.open();
  await page.getByTestId('max-retries-input').fill('0');
  await page.getByTestId('endpoint-api-key').fill(CANARY);
  await app.sendAndWait('Secret test [[reply:fine]]');
  // The key was sent (the log masks it). Found by its text: other tests share the endpoint's log.
  expect((await app.receivedWith('Secret test')).headers.authorization).toBe('Bearer ***');

  // A server that echoes the key in a 401, and inside a mid-stream error.
  await app.send('[[fault:echo-key]]');
  await expect(app.errorBanner).toContainText('Incorrect API key provided: ***');
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(1); // the refused request keeps no reply
  await app.sendAndWait('[[fault:echo-key-stream]]');
  await expect(app.errorBanner).toContainText('Incorrect API key provided: ***');
  await expect(app.assistant().getByTestId('message-content')).toContainText('Started, then');
  // The page as markup, minus the key field itself (its value attribute is the key store's own view).
  const markup = () =>
    page.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-testid="endpoint-api-key"]').forEach((e) => e.remove());
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
        if (!key.startsWith('pg.apiKey.')) out[`${name}:${key}`] = area.getItem(key) ?? '';
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
  expect(Object.keys(stored).some((k) => k.startsWith('idb:chat-playground/messages'))).toBe(true);

  const places: [string, string][] = [
    ...screens.map((s, i): [string, string] => [`screen ${i}`, s ?? '']),
    ...outputs.map((s, i): [string, string] => [`export ${i}`, s]),
    ...Object.entries(stored),
    ['console', consoleLines.join('\n')],
  ];
  const leaks = places.filter(([, text]) => text.includes(CANARY) || text.includes(CANARY.slice(3))).map(([where]) => where);
  expect(leaks).toEqual([]);
  expect(places.length).toBeGreaterThan(15);
});
