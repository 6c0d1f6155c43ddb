import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, test, PlaygroundPage } from './support/app';
import { overrideQuota, waitForCheckpoint } from './support/idb';

test.describe.configure({ timeout: 90_000 });

test('a browser killed mid-stream: reopened, the partial answer is there, marked interrupted, with Continue', async ({
  baseURL,
}, testInfo) => {
  // A persistent profile, so the database outlives the process; Browser.crash ends it like kill -9
  // (no unload, no pagehide, no last save).
  const dir = await mkdtemp(path.join(tmpdir(), 'pg-killed-'));
  const options = { ...testInfo.project.use, baseURL, ...(testInfo.project.use.launchOptions ?? {}) };
  const first = await chromium.launchPersistentContext(dir, options);
  const app = new PlaygroundPage(first.pages()[0] ?? (await first.newPage()));
  await app.open();
  await app.send('Killed mid-stream [[tokens:3000]] [[rate:60]]');
  const reply = app.assistant().getByTestId('message-content');
  await expect(reply).toContainText(/\w+ \w+ \w+ \w+ \w+ \w+/, { timeout: 20_000 });
  await waitForCheckpoint(app.page, 6); // a throttled save holds them
  const onScreen = ((await reply.textContent()) ?? '').slice(0, 20);
  await expect(app.assistant()).toHaveAttribute('data-status', 'streaming');
  const cdp = await first.newCDPSession(app.page);
  await cdp.send('Browser.crash').catch(() => {});
  await first.close().catch(() => {});

  const second = await chromium.launchPersistentContext(dir, options);
  try {
    const again = new PlaygroundPage(second.pages()[0] ?? (await second.newPage()));
    await again.open();
    await again.library.open('Killed mid-stream');
    const kept = again.assistant();
    await expect(kept).toHaveAttribute('data-status', 'interrupted');
    await expect(kept.getByTestId('message-content')).toContainText(onScreen);
    await expect(again.errorBanner).toContainText(
      'The page was closed or reloaded while this reply was streaming. What had arrived is kept.',
    );
    await kept.hover();
    await expect(kept.getByRole('button', { name: 'Continue' })).toBeVisible();
    await expect(again.sendButton).toBeVisible();
  } finally {
    await second.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('quota exceeded while a reply streams: a clear notice, what was saved is kept, Send works', async ({ app }) => {
  const quota = await overrideQuota(app.page, 250_000);
  const errors: string[] = [];
  app.page.on('pageerror', (e) => errors.push(e.message));
  await app.open();
  await quota.check();
  await app.sendAndWait('Saved before [[reply:safe and sound]]');
  await app.send('A reply too big for the disk [[tokens:80000]] [[rate:0]]');
  await expect(app.library.storageBanner('quota')).toContainText('Storage is full', { timeout: 30_000 });
  await expect(app.sendButton).toBeVisible({ timeout: 30_000 });
  // The earlier exchange is intact; the big reply is still on screen (not silently dropped).
  await expect(app.messages.nth(1).getByTestId('message-content')).toHaveText('safe and sound');
  await expect(app.assistant().getByTestId('message-content')).not.toHaveText('');
  await app.page.reload();
  await expect(app.messages.nth(1).getByTestId('message-content')).toHaveText('safe and sound');
  await quota.reset();
  expect(errors).toEqual([]);
});

/** From now on, IndexedDB refuses rows containing `marker` as a full disk would. */
async function failWritesOf(page: Page, marker: string): Promise<void> {
  await page.evaluate((m) => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (JSON.stringify(value ?? null).includes(m)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  }, marker);
}

test('a send that cannot be saved stops its request, says why and gives the text back', async ({ app }) => {
  const errors: string[] = [];
  app.page.on('pageerror', (e) => errors.push(e.message));
  await app.open();
  await app.sendAndWait('Kept [[reply:first reply]]');
  // The request starts at once, beside the write of the new messages; here that write fails as a
  // full disk makes it fail (the browser's own quota is too lax to trigger on demand).
  await failWritesOf(app.page, 'UNSTORABLE');
  const text = 'UNSTORABLE question [[reply:should not stay]] [[rate:5]]';
  await app.composer.fill(text);
  await app.composer.press('Control+Enter');
  await expect(app.errorBanner).toContainText('could not be saved, so the request was stopped', { timeout: 30_000 });
  await expect(app.sendButton).toBeVisible();
  await expect(app.composer).toHaveValue(text);
  await expect(app.messages).toHaveCount(2);
  await app.page.reload();
  await expect(app.messages).toHaveCount(2);
  await expect(app.messages.nth(1).getByTestId('message-content')).toHaveText('first reply');

  // The first message of a new conversation: the conversation never opens, a notice says why.
  await failWritesOf(app.page, 'UNSTORABLE');
  await app.newConversation();
  await app.composer.fill(text);
  await app.composer.press('Control+Enter');
  await expect(app.page.getByTestId('toast').filter({ hasText: 'could not be saved, so the request was stopped' })).toBeVisible();
  await expect(app.composer).toHaveValue(text);
  await expect(app.conversations).toHaveCount(1);
  expect(errors).toEqual([]);
});
