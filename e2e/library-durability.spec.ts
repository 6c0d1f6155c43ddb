import { expect, test } from './support/app';
import { waitForCheckpoint } from './support/idb';

test.describe.configure({ timeout: 60_000 });

test('a reload mid-stream keeps the partial reply, marked interrupted, and Continue finishes it from there', async ({ app }) => {
  await app.open();
  await app.send('Story [[rate:40]] [[tokens:200]]');
  await expect(app.assistant().getByTestId('message-content')).toContainText(/\w+ \w+ \w+ \w+ \w+/, { timeout: 10_000 });
  await waitForCheckpoint(app.page); // a throttled save holds them
  await app.page.reload();

  const reply = app.assistant();
  await expect(reply).toHaveAttribute('data-status', 'interrupted');
  const partial = (await reply.getByTestId('message-content').innerText()).trim();
  expect(partial.split(/\s+/).length).toBeGreaterThan(4);
  await app.messageAction(reply, 'Continue');
  await expect(app.assistant()).toHaveAttribute('data-status', 'done', { timeout: 40_000 });
  const whole = (await app.assistant().getByTestId('message-content').innerText()).trim();
  expect(whole.length).toBeGreaterThan(partial.length);
  expect(whole.startsWith(partial.slice(0, 40))).toBe(true);
});
