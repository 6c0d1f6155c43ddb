import { expect, expectBeforeAndAfterReload, test } from './support/app';

test.describe('robust against quick hands', () => {
  test('a double-click on Send starts one request, not two', async ({ app }) => {
    await app.open();
    await app.sendAndWait('[[reply:first]]');
    const marker = `double-${Date.now()}`;
    await app.composer.fill(`${marker} [[reply:only once]] [[rate:50]]`);
    await app.sendButton.dblclick();
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    await expect(app.page.locator('[data-role="assistant"]')).toHaveCount(2);
    const sent = (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes(marker));
    expect(sent).toHaveLength(1);
  });

  test('the second click of a double-click on Send never stops the reply it started, a single click on Stop does', async ({ app }) => {
    await app.open();
    await app.sendAndWait('[[reply:first]]');
    await app.composer.fill('[[tokens:200]] [[rate:40]]');
    const box = (await app.sendButton.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await app.page.mouse.click(x, y);
    // The slow hand's second click arrives once Stop has taken Send's place.
    await expect(app.page.getByTestId('stop-button')).toBeVisible();
    await app.page.mouse.down({ clickCount: 2 });
    await app.page.mouse.up({ clickCount: 2 });
    await expect(app.assistant()).toHaveAttribute('data-status', 'streaming');
    await expect(app.page.locator('[data-role="assistant"]')).toHaveCount(2);
    await app.page.getByTestId('stop-button').click();
    await expect(app.assistant()).toHaveAttribute('data-status', 'interrupted');
  });

  test('typing fast into settings of a saved conversation keeps every character', async ({ app }) => {
    await app.open();
    await app.sendAndWait('[[reply:saved]]');
    const model = app.page.getByTestId('model-input');
    await model.fill('');
    await model.pressSequentially('gpt-4o-mini-2024-07-18', { delay: 5 });
    await expect(model).toHaveValue('gpt-4o-mini-2024-07-18');
    const extra = app.page.getByTestId('extra-body-input');
    await extra.pressSequentially('{"top_k": 40, "min_p": 0.05}', { delay: 5 });
    await expect(extra).toHaveValue('{"top_k": 40, "min_p": 0.05}');
    await expectBeforeAndAfterReload(app.page, async () => {
      await expect(app.page.getByTestId('model-input')).toHaveValue('gpt-4o-mini-2024-07-18');
      await expect.poll(() => app.previewBody()).toMatchObject({ model: 'gpt-4o-mini-2024-07-18', top_k: 40, min_p: 0.05 });
    });
  });

  test('a reply never flickers to interrupted when it finishes', async ({ app }) => {
    await app.open();
    await app.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __statuses: string[] }).__statuses = seen;
      new MutationObserver(() => {
        const s = document.querySelector('[data-role="assistant"]')?.getAttribute('data-status');
        if (s && seen.at(-1) !== s) seen.push(s);
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    await app.sendAndWait('[[reply:steady]]');
    await app.page.waitForTimeout(300);
    const statuses = await app.page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
    expect(statuses).not.toContain('interrupted');
    expect(statuses.at(-1)).toBe('done');
  });

  test('another address typed over the built-in endpoint becomes its own profile', async ({ app, baseURL }) => {
    await app.open();
    const url = app.page.getByTestId('endpoint-base-url');
    await url.fill(`${baseURL}/v1/`);
    await url.press('Enter');
    await expect(url).toHaveValue(`${baseURL}/v1`);
    await url.fill('http://127.0.0.1:9/v1');
    await url.press('Enter');
    await expect(url).toHaveValue('http://127.0.0.1:9/v1');
    await app.page.reload();
    await expect(app.page.getByTestId('endpoint-base-url')).toHaveValue('http://127.0.0.1:9/v1');
    await expect(app.page.getByRole('combobox', { name: 'Endpoint', exact: true })).toBeVisible();
  });
});

test('the full text is there the moment a long reply reads done', async ({ app }) => {
  await app.open();
  await app.page.evaluate(() => {
    const w = window as unknown as { __atDone?: string };
    new MutationObserver(() => {
      const el = document.querySelector('[data-role="assistant"]');
      if (el?.getAttribute('data-status') === 'done' && w.__atDone === undefined)
        w.__atDone = el.querySelector('[data-testid="message-content"]')?.textContent ?? '';
    }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
  });
  const reply = await app.sendAndWait('[[tokens:3000]] [[rate:0]]');
  const final = (await reply.getByTestId('message-content').textContent()) ?? '';
  const atDone = (await app.page.evaluate(() => (window as unknown as { __atDone?: string }).__atDone)) ?? '';
  // Blocks that finished in a burst may still be plain markdown source at that moment (they are
  // formatted a slice per task), so compare the words, not the markup: every word, to the end.
  const words = (s: string) => (s.match(/[A-Za-z0-9]+/g) ?? []).filter((w) => w !== 'Copy' && !/^(json|ts|css|text|python|bash)$/.test(w));
  const finalWords = words(final);
  expect(finalWords.length).toBeGreaterThan(1000);
  expect(words(atDone).slice(-300)).toEqual(finalWords.slice(-300));
  expect(words(atDone).length).toBeGreaterThanOrEqual(finalWords.length);
});
