import { expect, test } from './support/app';

test.describe.configure({ timeout: 60_000 });

test('hostile files and links: a precise error, nothing written, no crash', async ({ app, page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await app.open();
  await app.sendAndWait('Keep me [[reply:kept]]');
  const good = (await app.share.exportJSON()).text;
  const doc = JSON.parse(good) as Record<string, unknown>;
  const toast = (text: string) => page.getByTestId('toast').filter({ hasText: text });

  await page.getByTestId('import-file-input').setInputFiles({
    name: 'photo.chat.json',
    mimeType: 'application/json',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  await expect(toast('Not valid JSON')).toBeVisible();
  await app.share.importFile(
    'proto.chat.json',
    JSON.stringify(doc).replace('"conversations":', '"__proto__":{"polluted":"yes"},"conversations":'),
  );
  await expect(toast('__proto__: A "__proto__" key is not allowed in an imported file.')).toBeVisible();
  await app.share.importFile('deep.chat.json', `${'['.repeat(50_000)}${']'.repeat(50_000)}`);
  await expect(toast('Nested more than 100 levels deep')).toBeVisible();
  await app.share.importFile('wrong.chat.json', JSON.stringify({ ...doc, conversations: 'all of them' }));
  await expect(toast('conversations: ')).toBeVisible();

  // Web pages: one whose data carrier was edited to hold markup, and an exported one cut short.
  await app.share.importFile(
    'edited.html',
    '<!doctype html><p>Hi</p><template id="chat-playground-data"><script>alert(1)</script></template>',
  );
  await expect(toast('This HTML page has no conversation data in it')).toBeVisible();
  const webPage = (await app.share.exportMenu(/Web page/)).text;
  const carrierAt = webPage.indexOf('<template id="chat-playground-data"');
  expect(carrierAt).toBeGreaterThan(0);
  await app.share.importFile('cut.html', `${webPage.slice(0, carrierAt + 400)}</template></body></html>`);
  // Cut inside its data: JSON that ends early (the PNG's error above names no position).
  await expect(page.getByTestId('toast').filter({ hasText: /Not valid JSON \(.* position \d+/ })).toBeVisible();

  const link = await app.share.link();
  await page.keyboard.press('Escape');
  const flipped = `${link.slice(0, -40)}${link.at(-40) === 'A' ? 'B' : 'A'}${link.slice(-39)}`;
  await page.goto(flipped);
  await expect(page.getByTestId('share-preview-error')).toContainText(/damaged|cut short|not valid|Invalid/i);
  await page.goto('/');
  await expect(app.conversations).toHaveCount(1);
  await app.library.open('Keep me');
  await expect(app.assistant().getByTestId('message-content')).toHaveText('kept');
  expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
  expect(errors).toEqual([]);
});
