import type { Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './support/app';

/**
 * A conversation whose user message is `${marker} {{answer}}`, and two saved compare
 * configurations: ref-chat as it is, and ref-tools limited to 8 output tokens (`max_tokens`,
 * which the reference endpoint honours by cutting the reply with finish reason `length`).
 */
async function conversationWithTwoConfigs(app: PlaygroundPage, page: Page, marker: string) {
  await app.open();
  await app.composer.fill(`${marker} {{answer}}`);
  await page.locator('[data-testid="variable-input"][data-name="answer"]').fill('[[reply:warm-up]]');
  await app.sendButton.click();
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await page.getByTestId('compare-configs-button').click();
  const dialog = page.getByTestId('compare-configs-dialog');
  await dialog.getByLabel('Column 2 model').fill('ref-tools');
  await dialog.getByLabel('Column 2 overrides').fill('{"max_tokens": 8}');
  await page.getByTestId('compare-run-button').click();
  await expect(page.getByTestId('choice')).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect(page.getByTestId('choice').nth(i)).not.toHaveAttribute('data-finish-reason', /^$/);
}

const cell = (page: Page, row: number, config: number) =>
  page.locator(`[data-testid="grid-cell"][data-row="${row}"][data-config="${config}"]`);
const results = (page: Page, row: number, config: number) => cell(page, row, config).getByTestId('grid-check-result');

const LONG = '7 is the answer and here come many more words to make this reply long enough to pass twenty tokens easily';

async function addCheck(page: Page, n: number, kind: string, value: string) {
  await page.getByRole('button', { name: '+ Add check' }).click();
  await page.getByLabel(`Check ${n} kind`).selectOption({ label: kind });
  await page.getByLabel(`Check ${n} value`).fill(value);
}

test('3 rows × 2 configurations with three checks: each cell says pass or fail and why, columns their pass rate; failures filter, diff, open as conversation', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const marker = `grid-checks-${Date.now()}`;
  await conversationWithTwoConfigs(app, page, marker);
  await page.getByTestId('grid-open-button').click();
  await page
    .getByTestId('grid-rows-input')
    .fill(['answer', '[[reply:Alpha 42 is the answer]]', '[[reply:Bravo without digits]]', `[[reply:${LONG}]]`].join('\n'));
  await page.getByRole('button', { name: 'Add rows' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(3);

  await addCheck(page, 1, 'Contains', 'answer');
  await addCheck(page, 2, 'Matches regex', '\\d+');
  await addCheck(page, 3, 'At most N tokens', '20');
  await page.getByTestId('grid-run-button').click();
  await expect(page.getByTestId('grid-progress')).toHaveAttribute('aria-valuenow', '6', { timeout: 60_000 });

  // Row 1 passes everywhere: the reason of each check is its accessible text and its title.
  for (const c of [0, 1]) {
    await expect(results(page, 0, c)).toHaveCount(3);
    await expect(results(page, 0, c).nth(0)).toHaveAttribute('data-pass', 'true');
    await expect(results(page, 0, c).nth(0)).toHaveAttribute('title', 'Contains “answer”.');
    await expect(results(page, 0, c).nth(1)).toHaveAttribute('data-pass', 'true');
    await expect(results(page, 0, c).nth(1)).toContainText('Matches /\\d+/: “42”.');
    await expect(results(page, 0, c).nth(2)).toHaveAttribute('data-pass', 'true');
  }
  // Row 2 fails contains and regex in both columns, with the reason shown.
  for (const c of [0, 1]) {
    await expect(results(page, 1, c).nth(0)).toHaveAttribute('data-pass', 'false');
    await expect(results(page, 1, c).nth(0)).toContainText('Does not contain “answer”.');
    await expect(results(page, 1, c).nth(1)).toHaveAttribute('data-pass', 'false');
    await expect(results(page, 1, c).nth(1)).toContainText('No match for /\\d+/.');
    await expect(results(page, 1, c).nth(2)).toHaveAttribute('data-pass', 'true');
  }
  // Row 3: the long reply is over 20 tokens in column 1; column 2 cut it at 8 (finish reason length).
  await expect(results(page, 2, 0).nth(2)).toHaveAttribute('data-pass', 'false');
  await expect(results(page, 2, 0).nth(2)).toContainText(/\d\d tokens, more than 20\./);
  await expect(cell(page, 2, 1)).toContainText('length');
  await expect(results(page, 2, 1).nth(2)).toHaveAttribute('data-pass', 'true');
  await expect(results(page, 2, 1).nth(2)).toContainText('8 tokens (at most 20).');
  await expect(results(page, 2, 1).nth(0)).toHaveAttribute('data-pass', 'true');

  // Pass rate per column, with total cost and median latency beside it.
  const stats = page.getByTestId('grid-column-stats');
  await expect(stats.nth(0).getByTestId('grid-pass-rate')).toHaveText('1/3 pass · 33%');
  await expect(stats.nth(1).getByTestId('grid-pass-rate')).toHaveText('2/3 pass · 67%');
  await expect(stats.nth(0)).toContainText(/median \d/);
  await expect(stats.nth(0)).toContainText(/TTFT \d/);
  await page.getByTestId('grid-dialog').screenshot({ path: 'test-results/grid-checks.png' });

  // Failures only: the rows with a failing cell stay (2 and 3).
  await page.getByTestId('grid-failures-only').click();
  await expect(page.locator('[data-testid="grid-row"]:visible')).toHaveCount(2);
  await expect(cell(page, 0, 0)).toBeHidden();
  await expect(cell(page, 1, 0)).toBeVisible();
  await page.getByTestId('grid-failures-only').click();
  await expect(page.locator('[data-testid="grid-row"]:visible')).toHaveCount(3);

  // Diff row 3's cut reply (column 2) against column 1's whole one.
  await page.getByRole('button', { name: 'More actions for row 3, column 2' }).click();
  await page.getByRole('menuitem', { name: /Diff with column 1/ }).click();
  const diff = page.getByTestId('grid-diff-dialog');
  await expect(diff.getByTestId('grid-cell-diff')).toBeVisible();
  await expect(diff.getByTestId('grid-cell-diff').locator('del')).toContainText('easily');
  await page.screenshot({ path: 'test-results/grid-checks-diff.png' });
  await diff.getByRole('button', { name: 'Close the diff' }).click();
  await expect(diff).toBeHidden();

  // Open row 1 × column 2 as a conversation: the prompt with the row's value, the cell's reply, column 2's model.
  await page.getByRole('button', { name: 'More actions for row 1, column 2' }).click();
  await page.screenshot({ path: 'test-results/grid-checks-menu.png' });
  await page.getByRole('menuitem', { name: 'Open as conversation' }).click();
  await expect(page.getByTestId('grid-dialog')).toBeHidden();
  await expect(app.messages).toHaveCount(2);
  await expect(app.messages.nth(0).getByTestId('message-content')).toHaveText(`${marker} [[reply:Alpha 42 is the answer]]`);
  await expect(app.messages.nth(1).getByTestId('message-content')).toHaveText('Alpha 42 is the answer');
  await expect(page.getByTestId('model-input')).toHaveValue('ref-tools');
  // …and continue it by hand.
  const next = `${marker}-continued`;
  await app.composer.fill(`${next} [[reply:Carrying on]]`);
  await app.sendButton.click();
  await expect(app.messages).toHaveCount(4);
  await expect(app.assistant().last().getByTestId('message-content')).toHaveText('Carrying on');
  const sent = await app.receivedWith(next);
  expect(sent.body['model']).toBe('ref-tools');
  expect(sent.body['max_tokens']).toBe(8);
  expect((sent.body['messages'] as { role: string; content: string }[]).map((m) => m.content)).toEqual([
    `${marker} [[reply:Alpha 42 is the answer]]`,
    'Alpha 42 is the answer',
    `${next} [[reply:Carrying on]]`,
  ]);

  // The checks are stored with the grid of the first conversation.
  await page.reload();
  await app.conversations.filter({ hasText: marker, hasNotText: '· row' }).click();
  await page.getByTestId('grid-open-button').click();
  await expect(page.getByLabel('Check 2 value')).toHaveValue('\\d+');
  await expect(results(page, 1, 0).nth(1)).toHaveAttribute('data-pass', 'false');
});

test('an invalid regular expression is the check’s own error, and the other checks still run', async ({ app, page }) => {
  test.setTimeout(60_000);
  const marker = `grid-badregex-${Date.now()}`;
  await app.open();
  await app.composer.fill(`${marker} {{answer}}`);
  await page.locator('[data-testid="variable-input"][data-name="answer"]').fill('[[reply:warm-up]]');
  await app.sendButton.click();
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await page.getByTestId('grid-open-button').click();
  await page.getByTestId('grid-rows-input').fill('answer\n[[reply:42]]');
  await page.getByRole('button', { name: 'Add rows' }).click();
  await addCheck(page, 1, 'Matches regex', '(unclosed');
  await page.getByRole('button', { name: '+ Add check' }).click();
  await page.getByLabel('Check 2 kind').selectOption({ label: 'Is valid JSON' });
  await page.getByTestId('grid-run-button').click();
  await expect(cell(page, 0, 0)).toHaveAttribute('data-status', 'done');
  await expect(results(page, 0, 0).nth(0)).toHaveAttribute('data-pass', 'false');
  await expect(results(page, 0, 0).nth(0)).toContainText('Not a valid regular expression');
  await expect(results(page, 0, 0).nth(1)).toHaveAttribute('data-pass', 'true');
  await expect(results(page, 0, 0).nth(1)).toContainText('Valid JSON.');
  await expect(page.getByTestId('grid-pass-rate')).toHaveText('0/1 pass · 0%');
});
