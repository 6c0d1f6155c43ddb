import { expect, test } from './support/app';

/**
 * Each fault of the reference endpoint shows a clear error and keeps whatever had arrived. Faults
 * that fail at once share one app per worker (a new conversation each); those that are retried get
 * their own, with a fake clock that skips the back-off.
 */
test.describe('faults', () => {
  test('a 429 that clears shows a retry countdown, then the reply', async ({ app, page }) => {
    // A fake clock (time still flows): the 1 s Retry-After is skipped once the countdown shows.
    await page.clock.install();
    await app.open();
    // In an open conversation: a first send opens its new conversation only once it is stored.
    await app.sendAndWait('first [[reply:ok]]');
    const marker = `retry me ${Date.now()}`;
    await app.send(`${marker} [[fault:429-once]] [[reply:after the retry]]`);
    await expect(app.retryCountdown).toContainText('(retry 1 of 2)');
    await expect(app.retryCountdown).toContainText(/rate limit/i);
    await page.clock.fastForward(1000);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('after the retry');
    await expect(app.errorBanner).toHaveCount(0);
    await expect(app.retryCountdown).toHaveCount(0);
    expect(await app.requestCount(marker)).toBe(2);
  });

  test('a 429 that persists ends in a readable error, and nothing is kept as a reply', async ({ app, page }) => {
    await page.clock.install();
    await app.open();
    const marker = `persists ${Date.now()}`;
    await app.send(`${marker} [[fault:429]]`);
    await app.skipRetryWaits(() => expect(app.errorBanner).toContainText('429', { timeout: 500 }));
    await expect(app.errorBanner).toContainText(/rate limit/i);
    await expect(app.page.locator('[data-role="assistant"]')).toHaveCount(0);
    await expect(app.messages).toHaveCount(1);
    expect(await app.requestCount(marker)).toBe(3); // the first try and two retries
  });

  test('a 500 shows the server message', async ({ app, page }) => {
    await page.clock.install();
    await app.open();
    await app.send('[[fault:500]]');
    await app.skipRetryWaits(() => expect(app.errorBanner).toContainText('500', { timeout: 500 }));
    await expect(app.errorBanner).toContainText('The server had an error');
  });

  test('an HTML error page from a proxy is explained', async ({ app, page }) => {
    await page.clock.install();
    await app.open();
    await app.send('[[fault:html]]');
    await app.skipRetryWaits(() => expect(app.errorBanner).toContainText(/HTML/i, { timeout: 500 }));
    await expect(app.errorBanner).toContainText('502');
  });

  test('an HTML page with status 200 is not taken for a reply', async ({ sharedApp: app }) => {
    await app.fresh();
    await app.send('[[fault:html-200]]');
    await expect(app.errorBanner).toContainText(/HTML/i);
  });

  test('an error event mid-stream keeps the partial text', async ({ sharedApp: app }) => {
    await app.fresh();
    await app.send('[[fault:midstream-error]]');
    const reply = app.assistant();
    await expect(reply).toHaveAttribute('data-status', 'error');
    await expect(reply.getByTestId('message-content')).not.toHaveText('');
    await expect(app.errorBanner).toContainText('The server had an error while processing your request.');
    await app.page.reload();
    await expect(app.assistant()).toHaveAttribute('data-status', 'error');
    await expect(app.assistant().getByTestId('message-content')).not.toHaveText('');
  });

  test('a dropped connection keeps the partial text, marked interrupted', async ({ sharedApp: app }) => {
    await app.fresh();
    await app.send('[[fault:drop]]');
    const reply = app.assistant();
    await expect(reply).toHaveAttribute('data-status', 'interrupted');
    await expect(reply.getByTestId('message-content')).not.toHaveText('');
    await expect(app.errorBanner).toBeVisible();
    await expect(app.sendButton).toBeEnabled();
  });

  test('a stream without finish_reason or [DONE] is marked interrupted', async ({ sharedApp: app }) => {
    await app.fresh();
    await app.send('[[fault:no-done]]');
    await expect(app.assistant()).toHaveAttribute('data-status', 'interrupted');
    await expect(app.errorBanner).toContainText(/interrupted|ended/i);
  });

  test('a malformed chunk mid-stream does not lose the rest', async ({ sharedApp: app }) => {
    await app.fresh();
    const reply = await app.sendAndWait('[[fault:malformed]]');
    await expect(reply).toHaveAttribute('data-status', 'done');
    await expect(reply.getByTestId('message-content')).not.toHaveText('');
  });

  test('a server that answers JSON to a stream request still works', async ({ sharedApp: app }) => {
    await app.fresh();
    const reply = await app.sendAndWait('[[fault:json-for-stream]] [[reply:plain json]]');
    await expect(reply.getByTestId('message-content')).toHaveText('plain json');
    await expect(reply).toHaveAttribute('data-finish-reason', 'stop');
  });

  test('Stop always works, even when the server never sends a byte', async ({ sharedApp: app }) => {
    await app.fresh();
    await app.send('[[fault:hang]]');
    await expect(app.stopButton).toBeVisible();
    await app.page.waitForTimeout(500);
    await app.stopButton.click();
    await expect(app.sendButton).toBeVisible();
    await expect(app.messages).toHaveCount(1);
  });

  // A refused connection to another origin and a CORS block are the same TypeError to the page: the
  // app must say exactly that (both causes, the host), never a bare "network error" or an HTTP error.
  test('a failed cross-origin request is told apart: server down or CORS, the host named, the fixes listed', async ({ app, page }) => {
    await page.clock.install();
    await app.open('?baseURL=http%3A%2F%2F127.0.0.1%3A9%2Fv1&model=ref-chat');
    await app.send('hello');
    const message = "Could not reach 127.0.0.1:9. The server is down, or it refused this page's origin (CORS).";
    await app.skipRetryWaits(() => expect(app.errorBanner).toContainText(message, { timeout: 500 }));
    await expect(app.errorBanner).toContainText(/^The request was blocked/);
    await expect(app.errorBanner).not.toContainText('HTTP');
    await expect(app.errorBanner).toContainText('Ollama: set OLLAMA_ORIGINS=*');
  });
});

test('the number of retries is a setting', async ({ app }) => {
  await app.open();
  await app.page.getByTestId('max-retries-input').fill('0');
  await app.send(`no retries ${Date.now()} [[fault:429-once]]`);
  await expect(app.errorBanner).toContainText('429');
  await expect(app.page.getByTestId('retry-countdown')).toHaveCount(0);
});
