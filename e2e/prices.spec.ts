import type { Page } from '@playwright/test';
import { expect, PlaygroundPage, test } from './support/app';

// Costs as a person sees them on a hosted provider's profile: the OpenAI preset pointed at the
// reference endpoint, which answers like OpenAI does with the dated snapshot behind an alias
// ([[model:gpt-4o-2024-08-06]]) and exact usage ([[usage:P/C/CACHED]]). OpenAI's list price for
// gpt-4o-2024-08-06 is $2.50 in / $1.25 cached in / $10 out per 1M tokens, so 1,000 + 1,000 tokens
// cost $0.0125 and the same with 500 cached $0.011875.

const SNAPSHOT = 'gpt-4o-2024-08-06';

async function openAIProfile(page: Page, baseURL: string): Promise<void> {
  await page.getByTestId('endpoint-add').selectOption({ label: 'OpenAI' });
  const field = page.getByTestId('endpoint-base-url');
  await field.fill(`${baseURL}/v1`);
  await field.press('Enter');
  await page.getByTestId('endpoint-api-key').fill('sk-prices-e2e');
}

async function pricedReply(app: PlaygroundPage, marker: string, usage: string) {
  const reply = await app.sendAndWait(`${marker} [[model:${SNAPSHOT}]] [[usage:${usage}]] [[reply:Priced.]]`);
  await expect(reply).toHaveAttribute('data-status', 'done');
  return reply;
}

test('a reply from a dated snapshot costs its published price, and says where the price came from', async ({ app, page, baseURL }) => {
  await app.open('?model=ref-chat');
  await openAIProfile(page, baseURL!);
  const marker = `priced-${Date.now()}`;
  const first = await pricedReply(app, marker, '1000/1000');
  expect((await app.receivedWith(marker)).body.model).toBe('ref-chat');
  const cost = app.meter.replyFigure(first, 'cost');
  await expect(cost).toHaveText('$0.0125');
  await expect(cost).toHaveAttribute('title', new RegExp(`${SNAPSHOT} price from genai-prices \\d`));

  const second = await pricedReply(app, `${marker}-cached`, '1000/1000/500');
  await expect(app.meter.replyFigure(second, 'tokens')).toContainText('500 cached');
  await expect(app.meter.replyFigure(second, 'cost')).toHaveText('$0.0119');
  await expect(app.meter.cost).toHaveText('$0.0244');

  const details = await app.meter.openDetails();
  const row = details.locator(`[data-testid="price-row"][data-model="${SNAPSHOT}"]`);
  await expect(row.getByTestId('price-inputPrice')).toHaveValue('2.5');
  await expect(row.getByTestId('price-cachedInputPrice')).toHaveValue('1.25');
  await expect(row.getByTestId('price-outputPrice')).toHaveValue('10');
  await expect(row.getByTestId('price-source')).toHaveText(/^genai-prices [\d.]+ \(\d{4}-\d{2}-\d{2}\)$/);
  await expect(details.getByTestId('meter-cost-today')).toHaveText(/^\$0\.0244 · 4,000 tokens · 2 requests$/);
  await details.getByTestId('price-table').scrollIntoViewIfNeeded();
  await details.screenshot({ path: test.info().outputPath('prices-details.png') });
});

test('a price corrected for gpt-4o re-prices the replies already stored, until it is reset', async ({ app, page, baseURL }) => {
  await app.open('?model=ref-chat');
  await openAIProfile(page, baseURL!);
  const reply = await pricedReply(app, `corrected-${Date.now()}`, '1000/1000');
  await expect(app.meter.replyFigure(reply, 'cost')).toHaveText('$0.0125');

  // The person prices the alias; the stored reply names the snapshot, and is re-priced.
  const details = await app.meter.openDetails();
  await details.getByTestId('price-search').fill('gpt-4o');
  await app.meter.setPrice('gpt-4o', 'inputPrice', '5');
  await app.meter.setPrice('gpt-4o', 'outputPrice', '20');
  await expect(details.getByTestId('meter-cost-conversation')).toHaveText('$0.025');
  await expect(details.getByTestId('meter-cost-today')).toContainText('$0.025 ·');
  await details.getByTestId('price-search').fill('');
  const row = details.locator(`[data-testid="price-row"][data-model="${SNAPSHOT}"]`);
  await expect(row.getByTestId('price-inputPrice')).toHaveValue('5');
  await expect(row.getByTestId('price-source')).toContainText('yours');
  await page.keyboard.press('Escape');
  await expect(app.meter.replyFigure(reply, 'cost')).toHaveText('$0.025');

  await page.reload();
  await expect(app.meter.replyFigure(app.assistant(), 'cost')).toHaveText('$0.025');
  const again = await app.meter.openDetails();
  await again.locator(`[data-testid="price-row"][data-model="${SNAPSHOT}"]`).getByTestId('price-reset').click();
  await expect(again.getByTestId('meter-cost-conversation')).toHaveText('$0.0125');
  await expect(again.getByTestId('meter-cost-today')).toContainText('$0.0125 ·');
});

test('two tabs recording the same day show the same daily total, each adding its own replies', async ({ app, page, baseURL }) => {
  await app.open('?model=ref-chat');
  await openAIProfile(page, baseURL!);
  await pricedReply(app, `tab-one-${Date.now()}`, '1000/1000');

  const second = new PlaygroundPage(await page.context().newPage());
  await second.open();
  await second.page.getByTestId('endpoint-api-key').fill('sk-prices-e2e');
  await second.newConversation();
  await pricedReply(second, `tab-two-${Date.now()}`, '1000/1000/500');

  // The first tab, left open on its details, follows what the second one records.
  const first = await app.meter.openDetails();
  await expect(first.getByTestId('meter-cost-today')).toHaveText(/^\$0\.0244 · 4,000 tokens · 2 requests$/);
  await pricedReply(second, `tab-two-again-${Date.now()}`, '1000/1000');
  // 0.0125 + 0.011875 + 0.0125 = $0.036875, three requests, in both tabs.
  await expect(first.getByTestId('meter-cost-today')).toHaveText(/^\$0\.0369 · 6,000 tokens · 3 requests$/);
  await expect((await second.meter.openDetails()).getByTestId('meter-cost-today')).toHaveText(/^\$0\.0369 · 6,000 tokens · 3 requests$/);
  // Each conversation counts only its own.
  await expect(first.getByTestId('meter-cost-conversation')).toHaveText('$0.0125');
  await page.reload();
  await expect((await app.meter.openDetails()).getByTestId('meter-cost-today')).toHaveText(/^\$0\.0369 · 6,000 tokens · 3 requests$/);
});

test('the price table exports the person’s prices as JSON and imports them back; model facts say their source', async ({
  app,
  page,
  baseURL,
}) => {
  await app.open('?model=ref-chat');
  await openAIProfile(page, baseURL!);
  await page.getByTestId('model-input').fill('gpt-4o-mini-2024-07-18');
  await page.getByTestId('model-input').press('Enter');
  const facts = page.getByTestId('model-facts');
  await expect(facts).toContainText('$0.15/$0.6 per 1M');
  await expect(page.getByTestId('model-facts-source')).toHaveText(
    /^price: genai-prices [\d.]+ \(\d{4}-\d{2}-\d{2}\) · limits: models\.dev/,
  );
  await facts.screenshot({ path: test.info().outputPath('model-facts.png') });

  const details = await app.meter.openDetails();
  await details.getByTestId('price-search').fill('my-azure-deployment');
  await app.meter.setPrice('my-azure-deployment', 'inputPrice', '2.75');
  await app.meter.setPrice('my-azure-deployment', 'outputPrice', '11');
  const row = details.locator('[data-testid="price-row"][data-model="my-azure-deployment"]');
  await expect(row.getByTestId('price-source')).toContainText('yours');
  const [download] = await Promise.all([page.waitForEvent('download'), details.getByTestId('price-export').click()]);
  const file = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(file).toEqual({
    format: 'chat-playground/model-facts',
    version: 1,
    models: { 'my-azure-deployment': { inputPrice: 2.75, outputPrice: 11 } },
  });

  await row.getByTestId('price-reset').click();
  await details.getByTestId('price-search').fill('');
  await expect(details.locator('[data-testid="price-row"][data-model="my-azure-deployment"]')).toHaveCount(0);
  await details.getByTestId('price-import-file').setInputFiles({
    name: 'prices.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const back = details.locator('[data-testid="price-row"][data-model="my-azure-deployment"]');
  await expect(back.getByTestId('price-inputPrice')).toHaveValue('2.75');
  await expect(back.getByTestId('price-outputPrice')).toHaveValue('11');
  await details.getByTestId('price-search').fill('gpt-4o');
  await details.getByTestId('price-table').scrollIntoViewIfNeeded();
  await details.screenshot({ path: test.info().outputPath('price-table.png') });
});
