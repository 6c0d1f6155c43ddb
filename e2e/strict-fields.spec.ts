import { expect, expectBeforeAndAfterReload, test } from './support/app';

// A server whose schema forbids unknown fields (Mistral: 422 `extra_forbidden`) must not break a
// request over `stream_options`, which the app adds on its own while include_usage is at its default.

const REFUSED = 'This server refuses: stream_options (the app leaves it out) · Reset';

test('a refused stream_options is dropped and retried, remembered by the profile, and Reset brings it back', async ({ app, page }) => {
  await app.open();
  const marker = `strict-${Date.now()}`;
  const sent = async (tag: string) => (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes(`${marker}-${tag}`));

  // The first message succeeds on the first click: the 422 is answered by one retry without the field.
  const reply = await app.sendAndWait(`Hi [[persona:strict-fields]] ${marker}-one`);
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expect(app.errorBanner).toHaveCount(0);
  const first = await sent('one');
  expect(first.map((r) => 'stream_options' in r.body)).toEqual([true, false]);
  // No usage came back, so the usage shown is the tokenizer's estimate, marked as such.
  await expect(page.getByLabel('Usage of the latest response')).toContainText('(estimated)');

  // The profile remembers, also after a reload, and the preview leaves it out.
  await expectBeforeAndAfterReload(page, async () => {
    await expect(page.getByTestId('endpoint-unsupported')).toHaveText(REFUSED);
    await expect.poll(async () => 'stream_options' in (await app.previewBody())).toBe(false);
  });

  // The next request leaves it out from the start: one request, no retry.
  await app.sendAndWait(`Again [[persona:strict-fields]] ${marker}-two`);
  const second = await sent('two');
  expect(second).toHaveLength(1);
  expect(second[0]!.body.stream).toBe(true);
  expect('stream_options' in second[0]!.body).toBe(false);

  // Reset: the field is sent again (and dropped again, once, if the server still refuses it).
  await page.getByTestId('endpoint-unsupported-reset').click();
  await expect(page.getByTestId('endpoint-unsupported')).toHaveCount(0);
  await expect.poll(async () => (await app.previewBody()).stream_options).toEqual({ include_usage: true });
  await app.sendAndWait(`[[reply:plain]] ${marker}-three`);
  const third = await sent('three');
  expect(third.map((r) => r.body.stream_options)).toEqual([{ include_usage: true }]);
});

test('the Mistral preset starts with stream_options recorded', async ({ app, page }) => {
  await app.open();
  await page.getByTestId('endpoint-add').selectOption({ label: 'Mistral' });
  await expect(page.getByTestId('endpoint-unsupported')).toHaveText(REFUSED);
  await expect.poll(async () => 'stream_options' in (await app.previewBody())).toBe(false);
});
