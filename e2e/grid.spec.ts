import type { Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './support/app';

/**
 * A conversation whose user message is `${marker} {{answer}}` (sent once with `first` as the
 * value), and two saved compare configurations: ref-chat, and ref-reasoner with a seed override.
 */
async function conversationWithTwoConfigs(app: PlaygroundPage, page: Page, marker: string, first: string) {
  await app.open();
  await app.composer.fill(`${marker} {{answer}}`);
  await page.locator('[data-testid="variable-input"][data-name="answer"]').fill(first);
  await app.sendButton.click();
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await page.getByTestId('compare-configs-button').click();
  const dialog = page.getByTestId('compare-configs-dialog');
  await dialog.getByLabel('Column 2 model').fill('ref-reasoner');
  await dialog.getByLabel('Column 2 overrides').fill('{"seed": 7}');
  await page.getByTestId('compare-run-button').click();
  await expect(page.getByTestId('choice')).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect(page.getByTestId('choice').nth(i)).toHaveAttribute('data-finish-reason', 'stop');
}

async function openGridWithRows(page: Page, rows: string[]) {
  await page.getByTestId('grid-open-button').click();
  await page.getByTestId('grid-rows-input').fill(['answer', ...rows].join('\n'));
  await page.getByRole('button', { name: 'Add rows' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(rows.length);
}

const cell = (page: Page, row: number, config: number) =>
  page.locator(`[data-testid="grid-cell"][data-row="${row}"][data-config="${config}"]`);

test('3 rows × 2 configurations: every cell streams its own row through its own configuration, with figures', async ({ app, page }) => {
  test.setTimeout(60_000);
  const marker = `grid-${Date.now()}`;
  await conversationWithTwoConfigs(app, page, marker, '[[reply:warm-up]]');
  await openGridWithRows(page, ['[[reply:Alpha]]', '[[reply:Bravo]]', '"[[reply:Charlie, with a comma]]"']);
  await expect(page.getByTestId('grid-cell')).toHaveCount(6);
  await page.getByTestId('grid-run-button').click();

  const progress = page.getByTestId('grid-progress');
  await expect(progress).toHaveAttribute('aria-valuemax', '6');
  await expect(progress).toHaveAttribute('aria-valuenow', '6', { timeout: 30_000 });
  const words = ['Alpha', 'Bravo', 'Charlie, with a comma'];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 2; c++) {
      await expect(cell(page, r, c)).toHaveAttribute('data-status', 'done');
      await expect(cell(page, r, c).getByTestId('grid-cell-content')).toHaveText(words[r]!);
      await expect(cell(page, r, c)).toContainText('stop');
      await expect(cell(page, r, c)).toContainText(/TTFT \d/);
    }
  }
  const sent = (await app.receivedRequests()).filter(
    (q) => JSON.stringify(q.body).includes(marker) && JSON.stringify(q.body).includes('Bravo'),
  );
  expect(sent.map((q) => q.body['model']).sort()).toEqual(['ref-chat', 'ref-reasoner']);
  expect(sent.find((q) => q.body['model'] === 'ref-reasoner')?.body['seed']).toBe(7);
  expect((sent[0]!.body['messages'] as { content: string }[]).at(-1)?.content).toBe(`${marker} [[reply:Bravo]]`);
  // The conversation itself is untouched: still the one question and the one answer (and the compare's).
  await page.getByRole('button', { name: 'Close the grid' }).click();
  await expect(app.messages.first().getByTestId('message-content')).toHaveText(`${marker} {{answer}}`);
});

test('Stop interrupts the running cells and keeps what arrived; Resume finishes the rest', async ({ app, page }) => {
  test.setTimeout(90_000);
  const marker = `grid-stop-${Date.now()}`;
  await conversationWithTwoConfigs(app, page, marker, '[[reply:warm-up]]');
  await openGridWithRows(page, ['[[reply:quick]]', '[[tokens:400]] [[rate:20]]', '[[tokens:400]] [[rate:20]]']);
  await page.getByTestId('grid-run-button').click();
  await expect(cell(page, 0, 0)).toHaveAttribute('data-status', 'done');
  await expect(cell(page, 1, 0)).toHaveAttribute('data-status', 'streaming');
  await expect(cell(page, 1, 0).getByTestId('grid-cell-content')).not.toBeEmpty();
  await page.getByTestId('grid-stop-button').click();
  await expect(page.locator('[data-testid="grid-cell"][data-status="streaming"]')).toHaveCount(0);
  await expect(cell(page, 1, 0)).toHaveAttribute('data-status', 'interrupted');
  await expect(cell(page, 1, 0).getByTestId('grid-cell-content')).not.toBeEmpty();
  await expect(cell(page, 0, 0)).toHaveAttribute('data-status', 'done');

  await expect(page.getByTestId('grid-run-button')).toHaveText('Resume');
  await page.getByTestId('grid-run-button').click();
  await expect(page.getByTestId('grid-progress')).toHaveAttribute('aria-valuenow', '6', { timeout: 60_000 });
  await expect(page.locator('[data-testid="grid-cell"][data-status="done"]')).toHaveCount(6);
});

test('a reload mid-run keeps the finished cells, marks the running ones interrupted, and Resume continues', async ({ app, page }) => {
  test.setTimeout(90_000);
  const marker = `grid-reload-${Date.now()}`;
  await conversationWithTwoConfigs(app, page, marker, '[[reply:warm-up]]');
  await openGridWithRows(page, ['[[reply:kept]]', '[[tokens:400]] [[rate:20]]', '[[reply:third]]']);
  await page.getByLabel('Parallel requests per endpoint profile').fill('1');
  await page.getByLabel('Parallel requests per endpoint profile').blur();
  await page.getByTestId('grid-run-button').click();
  await expect(cell(page, 0, 0)).toHaveAttribute('data-status', 'done');
  await expect(cell(page, 1, 0)).toHaveAttribute('data-status', 'streaming');
  // One request at a time to the profile: the third row waits.
  await expect(cell(page, 2, 0)).toHaveAttribute('data-status', 'queued');
  await expect(page.locator('[data-testid="grid-cell"][data-status="streaming"]')).toHaveCount(1);
  await expect(cell(page, 1, 0).getByTestId('grid-cell-content')).not.toBeEmpty();
  await page.waitForTimeout(1200); // past one checkpoint of the streaming cell

  await page.reload();
  await expect(app.composer).toBeVisible();
  await page.getByTestId('grid-open-button').click();
  await expect(page.getByTestId('grid-row')).toHaveCount(3);
  await expect(cell(page, 0, 0)).toHaveAttribute('data-status', 'done');
  await expect(cell(page, 0, 0).getByTestId('grid-cell-content')).toHaveText('kept');
  await expect(cell(page, 1, 0)).toHaveAttribute('data-status', 'interrupted');
  await expect(cell(page, 1, 0).getByTestId('grid-cell-content')).not.toBeEmpty();
  await expect(page.locator('[data-testid="grid-cell"][data-status="streaming"]')).toHaveCount(0);

  await page.getByLabel('Parallel requests per endpoint profile').fill('4');
  await page.getByLabel('Parallel requests per endpoint profile').blur();
  await page.getByTestId('grid-run-button').click();
  await expect(page.getByTestId('grid-progress')).toHaveAttribute('aria-valuenow', '6', { timeout: 60_000 });
  await expect(cell(page, 2, 1).getByTestId('grid-cell-content')).toHaveText('third');
});
