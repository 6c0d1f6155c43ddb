import { expect, test } from './support/app';

/**
 * Slow starts are not re-sent (issue 19, item 11). The first-byte timeout covers only the wait for
 * the response headers; once the server has answered, a slow first token is waited for. A request
 * that may already have reached the model (no headers in time, or headers and then nothing) is
 * never sent again on its own: the person decides, with Retry.
 */
test.describe('slow starts', () => {
  test('a first token that comes after the timeout, once the headers arrived, is waited for', async ({ app, page }) => {
    await app.open();
    await page.getByTestId('first-byte-timeout-input').fill('1');
    const marker = `thinking slowly ${Date.now()}`;
    // Real time: the server sends its headers at once, then thinks for 2.5 s (over the 1 s timeout).
    await app.send(`${marker} [[slow-after-headers:2500]] [[reply:worth the wait]]`);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('worth the wait', { timeout: 15_000 });
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    await expect(app.errorBanner).toHaveCount(0);
    expect(await app.requestCount(marker)).toBe(1);
  });

  test('headers and then silence: no timeout, no second request, Stop ends it', async ({ app, page }) => {
    await page.clock.install();
    await app.open();
    await page.getByTestId('first-byte-timeout-input').fill('1');
    const marker = `silent after headers ${Date.now()}`;
    await app.send(`${marker} [[fault:hang]]`);
    await expect.poll(() => app.requestCount(marker)).toBe(1);
    await page.clock.fastForward(10_000); // ten timeouts' worth
    await expect(app.stopButton).toBeVisible();
    await expect(app.errorBanner).toHaveCount(0);
    await expect(app.retryCountdown).toHaveCount(0);
    expect(await app.requestCount(marker)).toBe(1);
    await app.stopButton.click();
    await expect(app.sendButton).toBeVisible();
    expect(await app.requestCount(marker)).toBe(1);
  });

  test('no headers in time: one timeout, not re-sent on its own; Retry sends it again', async ({ app, page }) => {
    await page.clock.install();
    await app.open();
    await expect(page.getByTestId('max-retries-input')).toHaveValue('2'); // automatic retries are on
    await page.getByTestId('first-byte-timeout-input').fill('1');
    const marker = `never answers ${Date.now()}`;
    await app.send(`${marker} [[fault:no-headers]]`);
    await expect.poll(() => app.requestCount(marker)).toBe(1);
    await page.clock.fastForward(1000);
    await expect(app.errorBanner).toContainText('did not start answering within 1 s');
    await expect(app.errorBanner).toContainText('Not re-sent on its own');
    await expect(app.retryCountdown).toHaveCount(0);
    await page.clock.fastForward(30_000); // any back-off would have fired by now
    expect(await app.requestCount(marker)).toBe(1);

    await app.errorBanner.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => app.requestCount(marker)).toBe(2);
  });

  test('a long wait for the first token says that it is waiting, and for how many seconds', async ({ app, page }) => {
    await page.clock.install();
    await app.open();
    const marker = `waiting visibly ${Date.now()}`;
    await app.send(`${marker} [[fault:hang]]`);
    await expect.poll(() => app.requestCount(marker)).toBe(1);
    const waiting = app.assistant().getByTestId('waiting-first-token');
    await expect(waiting).toContainText('Waiting for the first token');
    await page.clock.fastForward(12_000);
    await expect(waiting.getByTestId('waiting-seconds')).toHaveText(/^1[23] s$/);
    await page.clock.fastForward(60_000);
    await expect(waiting.getByTestId('waiting-seconds')).toHaveText(/^7[23] s$/);
    await app.stopButton.click();
    await expect(app.sendButton).toBeVisible();
    await expect(page.getByTestId('waiting-first-token')).toHaveCount(0);
  });

  test('the waiting note goes once text arrives', async ({ app }) => {
    await app.open();
    const marker = `waiting then text ${Date.now()}`;
    await app.send(`${marker} [[slow-after-headers:1500]] [[reply:here it is]]`);
    await expect(app.assistant().getByTestId('waiting-first-token')).toBeVisible();
    await expect(app.assistant().getByTestId('message-content')).toHaveText('here it is', { timeout: 15_000 });
    await expect(app.assistant().getByTestId('waiting-first-token')).toHaveCount(0);
  });
});
