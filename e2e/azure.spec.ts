import { expect, test } from './support/app';

test('an Azure classic deployment URL keeps api-version and sends the key as api-key', async ({ app, page, baseURL }) => {
  // As people paste it: the deployment URL with its own ?api-version= inside the page's query.
  await app.open(`?baseURL=${baseURL}/openai/deployments/ref-chat?api-version=2024-10-21`);
  const deployment = `${baseURL}/openai/deployments/ref-chat?api-version=2024-10-21`;
  await expect(page.getByTestId('endpoint-base-url')).toHaveValue(deployment);
  await expect(page.getByTestId('endpoint-key-header')).toHaveValue('api-key');
  await page.getByTestId('endpoint-api-key').fill('az-e2e-key');

  const marker = `azure-${Date.now()}`;
  const reply = await app.sendAndWait(`${marker} [[reply:from the deployment]]`);
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expect(reply.getByTestId('message-content')).toContainText('from the deployment');

  const sent = (await app.receivedWith(marker)) as { url?: string; headers: Record<string, string> };
  expect(sent.url).toBe('/openai/deployments/ref-chat/chat/completions?api-version=2024-10-21');
  expect(sent.headers['api-key']).toBe('***');
  expect(sent.headers.authorization).toBeUndefined();
});

test('a key pasted into the base URL is refused, not stored', async ({ app, page, baseURL }) => {
  await app.open(`?baseURL=${encodeURIComponent(`${baseURL}/openai/deployments/ref-chat?api-version=2024-10-21`)}`);
  const field = page.getByTestId('endpoint-base-url');
  await field.fill(`${baseURL}/openai/deployments/ref-chat?api-version=2024-10-21&api-key=leaked-123`);
  await expect(page.getByTestId('endpoint-base-url-refused')).toContainText('carries a key');
  await field.press('Enter');
  await expect(page.getByTestId('endpoint-base-url-refused')).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
  expect(stored).not.toContain('leaked-123');
});
