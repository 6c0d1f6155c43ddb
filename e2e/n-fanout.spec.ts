import { expect, expectBeforeAndAfterReload, test, type PlaygroundPage } from './support/app';

// Servers that refuse `n` > 1 (Groq: 400 "'n' : number must be at most 1") or ignore it (one choice):
// the app offers the same turn as parallel single-choice requests, and a profile can do so always,
// sending no request with `n` at all.

/** The requests whose body contains `marker`, oldest first, as the reference endpoint received them. */
async function sentWith(app: PlaygroundPage, marker: string) {
  return (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes(marker));
}

/** Waits until the turn shows `count` finished choices, each an answer to the message containing `text`. */
async function choicesDone(app: PlaygroundPage, count: number, text: string) {
  const choices = app.page.getByTestId('choice');
  await expect(choices).toHaveCount(count);
  for (let i = 0; i < count; i++) {
    await expect(choices.nth(i).getByTestId('choice-content')).toContainText(text, { timeout: 30_000 });
    await expect(choices.nth(i)).toHaveAttribute('data-finish-reason', 'stop', { timeout: 30_000 });
  }
  await expect(app.sendButton).toBeVisible();
}

test('n refused with a 400: the banner offers n parallel requests, shown as choices side by side; "always" sends the next one at once without n', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await app.open('?n=3');
  const marker = `nref-${Date.now()}`;

  await app.send(`Three takes [[persona:n-refused]] ${marker}-one`);
  await expect(app.errorBanner).toContainText('400');
  await expect(app.errorBanner).toContainText("'n' : number must be at most 1");
  const offer = page.getByTestId('n-refused-action');
  await expect(offer).toContainText('This server allows one choice per request');
  const fanOut = page.getByTestId('n-refused-fan-out');
  await expect(fanOut).toHaveText('Send as 3 parallel requests');
  await app.errorBanner.screenshot({ path: testInfo.outputPath('n-refused-banner.png') });

  await fanOut.click();
  await choicesDone(app, 3, 'Three takes');
  await expect(app.errorBanner).toHaveCount(0);
  // The refused request, then three without n; the person's message was sent once, not again with n.
  expect((await sentWith(app, `${marker}-one`)).map((r) => r.body['n'])).toEqual([3, undefined, undefined, undefined]);
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveCount(1);

  // Refused again on the next turn: "Always for <profile>" fans out now and sets the profile.
  await app.send(`Again [[persona:n-refused]] ${marker}-two`);
  await expect(page.getByTestId('split-n-always')).toHaveText('Always for Reference endpoint (built-in)');
  await page.getByTestId('split-n-always').click();
  await choicesDone(app, 3, 'Again');
  await expectBeforeAndAfterReload(page, async () => {
    await expect(page.getByTestId('endpoint-split-n')).toHaveAttribute('aria-checked', 'true');
  });

  // The preview shows the body each of them sends.
  await expect(page.getByTestId('request-split-note')).toHaveText(
    'Sent as 3 parallel requests of this body, without n (this profile splits n).',
  );
  await expect.poll(async () => 'n' in (await app.previewBody())).toBe(false);

  // From now on: straight to three single-choice requests, no request with n, no error.
  await app.send(`Once more [[persona:n-refused]] ${marker}-three`);
  await choicesDone(app, 3, 'Once more');
  await expect(app.errorBanner).toHaveCount(0);
  const third = await sentWith(app, `${marker}-three`);
  expect(third).toHaveLength(3);
  for (const r of third) expect('n' in r.body).toBe(false);

  // The profile form shows the setting and turns it off: one request with n again (and the refusal).
  const setting = page.getByTestId('endpoint-split-n');
  await setting.locator('xpath=../..').screenshot({ path: testInfo.outputPath('split-n-setting.png') });
  await setting.click();
  await expect(setting).toHaveAttribute('aria-checked', 'false');
  await expect.poll(async () => (await app.previewBody()).n).toBe(3);
  await expect(page.getByTestId('request-split-note')).toHaveCount(0);
  await app.send(`Off again [[persona:n-refused]] ${marker}-four`);
  await expect(page.getByTestId('n-refused-action')).toBeVisible();
  expect((await sentWith(app, `${marker}-four`)).map((r) => r.body['n'])).toEqual([3]);
});

test('n ignored: the existing notice still fans out, and offers to do so always for the profile', async ({ app, page }, testInfo) => {
  test.setTimeout(90_000);
  await app.open('?n=2');
  const marker = `nign-${Date.now()}`;
  await app.sendAndWait(`Two takes [[ignore-n:true]] ${marker}-one`);
  const notice = page.getByTestId('fan-out-notice');
  await expect(notice).toContainText('Asked for 2 choices; this server returned one');
  await expect(notice.getByTestId('split-n-always')).toHaveText('Always for Reference endpoint (built-in)');
  await notice.screenshot({ path: testInfo.outputPath('fan-out-notice.png') });
  await notice.getByTestId('split-n-always').click();
  await choicesDone(app, 2, 'Two takes');
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('endpoint-split-n')).toHaveAttribute('aria-checked', 'true');

  await app.send(`Next [[ignore-n:true]] ${marker}-two`);
  await choicesDone(app, 2, 'Next');
  await expect(notice).toHaveCount(0);
  const second = await sentWith(app, `${marker}-two`);
  expect(second.map((r) => 'n' in r.body)).toEqual([false, false]);
});
