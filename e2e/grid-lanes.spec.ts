import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test, type PlaygroundPage } from './support/app';

/**
 * Running a grid well (issue #24, item 4) and its results export (item 6): a 429 pauses only the
 * lane of the profile that sent it, the estimate shows before Run, and CSV / JSON carry each cell's
 * request.
 */
const REFERENCE = 'Reference endpoint (built-in)';

/** A second profile on the reference endpoint whose every request carries `X-Ref-Trigger: <trigger>`. */
async function addProfile(app: PlaygroundPage, baseURL: string, name: string, trigger: string): Promise<void> {
  const page = app.page;
  await page.getByTestId('endpoint-add').selectOption('blank');
  await page.getByTestId('endpoint-name').fill(name);
  await page.getByTestId('endpoint-base-url').fill(`${baseURL}/v1`);
  await page.getByTestId('endpoint-base-url').press('Enter');
  await page.getByRole('button', { name: /Extra headers/ }).click();
  await page.getByTestId('endpoint-header-name').fill('X-Ref-Trigger');
  await page.getByTestId('endpoint-header-value').fill(trigger);
  await page.getByTestId('endpoint-header-value').press('Enter');
  await page.getByTestId('endpoint-select').selectOption({ label: REFERENCE });
}

/** A conversation `${marker} {{answer}}` with two columns: the reference endpoint, and `profile` (or the reference again). */
async function conversationWithColumns(app: PlaygroundPage, page: Page, marker: string, profile: string | null) {
  await app.composer.fill(`${marker} {{answer}}`);
  await page.locator('[data-testid="variable-input"][data-name="answer"]').fill('[[reply:warm-up]]');
  await app.sendButton.click();
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await page.getByTestId('compare-configs-button').click();
  const dialog = page.getByTestId('compare-configs-dialog');
  if (profile) await dialog.getByLabel('Column 2 endpoint').selectOption({ label: profile });
  await dialog.getByLabel('Column 2 overrides').fill('{"seed": 7}');
  await page.getByTestId('compare-run-button').click();
  await expect(page.getByTestId('choice')).toHaveCount(2);
  for (let i = 0; i < 2; i++)
    await expect(page.getByTestId('choice').nth(i)).toHaveAttribute('data-finish-reason', 'stop', { timeout: 20_000 });
}

async function openGridWithRows(page: Page, rows: string[]) {
  await page.getByTestId('grid-open-button').click();
  await page.getByTestId('grid-rows-input').fill(['answer', ...rows].join('\n'));
  await page.getByRole('button', { name: 'Add rows' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(rows.length);
}

const cell = (page: Page, row: number, config: number) =>
  page.locator(`[data-testid="grid-cell"][data-row="${row}"][data-config="${config}"]`);

test('a 429 on one profile pauses that lane for its Retry-After, the other lane goes on, then every cell finishes', async ({
  app,
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const marker = `grid-429-${Date.now()}`;
  await app.open();
  await addProfile(app, baseURL!, 'Limited', 'fault:429-once:3');
  await conversationWithColumns(app, page, marker, 'Limited');
  await openGridWithRows(page, ['[[reply:Alpha]]', '[[reply:Bravo]]', '[[reply:Charlie]]']);
  await page.getByTestId('grid-run-button').click();

  // The limited lane says why it waits; the reference lane's cells are done meanwhile.
  const lane = page.getByTestId('grid-lane-state');
  await expect(lane).toHaveAttribute('data-state', 'waiting');
  await expect(lane).toContainText(/Limited: waiting [1-3] s — rate limited \(429\)/);
  for (let r = 0; r < 3; r++) await expect(cell(page, r, 0)).toHaveAttribute('data-status', 'done');
  await expect(lane).toBeVisible(); // still waiting when the other lane finished
  for (let r = 0; r < 3; r++) await expect(cell(page, r, 1)).toHaveAttribute('data-status', 'queued');
  await page.screenshot({ path: 'test-results/grid-lane-waiting.png' });

  await expect(page.getByTestId('grid-progress')).toHaveAttribute('aria-valuenow', '6', { timeout: 20_000 });
  for (let r = 0; r < 3; r++) await expect(cell(page, r, 1).getByTestId('grid-cell-content')).toHaveText(['Alpha', 'Bravo', 'Charlie'][r]!);
  await expect(lane).toHaveCount(0);

  // The request log: each limited cell was refused once, then sent again only after the 3 s, and the
  // reference lane sent all its cells inside that pause (it was not paused).
  const log = (await app.receivedRequests()) as unknown as { at: string; headers: Record<string, string>; body: Record<string, unknown> }[];
  const mine = log.filter((q) => JSON.stringify(q.body).includes(marker) && !JSON.stringify(q.body).includes('warm-up'));
  const limited = mine.filter((q) => q.headers['x-ref-trigger'] === 'fault:429-once:3').map((q) => Date.parse(q.at));
  const free = mine.filter((q) => q.headers['x-ref-trigger'] === undefined).map((q) => Date.parse(q.at));
  expect(limited).toHaveLength(6);
  expect(free).toHaveLength(3);
  const firstRefusal = Math.min(...limited);
  const retries = limited.sort((a, b) => a - b).slice(3);
  expect(Math.min(...retries) - firstRefusal).toBeGreaterThanOrEqual(2900);
  expect(Math.max(...free) - firstRefusal).toBeLessThan(2900);
});

async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('results export as CSV and JSON, each cell with its row, configuration, reply, figures and request — never the key', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000);
  const marker = `grid-export-${Date.now()}`;
  const key = `sk-grid-canary-${Date.now()}`;
  await app.open();
  await page.getByTestId('endpoint-api-key').fill(key);
  await conversationWithColumns(app, page, marker, null);
  await openGridWithRows(page, ['"[[reply:One, with a comma]]"', '"[[reply:Two ""quoted""]]"']);
  await expect(page.getByTestId('grid-estimate')).toHaveText(/^4 cells · no price$|^≈ \$[\d.]+ for 4 cells/);
  await page.getByTestId('grid-run-button').click();
  await expect(page.getByTestId('grid-progress')).toHaveAttribute('aria-valuenow', '4', { timeout: 30_000 });

  const json = await downloaded(page, 'grid-export-json-button');
  expect(json.name).toMatch(/-results\.json$/);
  expect(json.text).not.toContain(key);
  const parsed = JSON.parse(json.text) as { format: string; cells: Record<string, unknown>[] };
  expect(parsed.format).toBe('chat-playground-grid-results');
  expect(parsed.cells).toHaveLength(4);
  const second = parsed.cells.find((c) => c['row'] === 1 && (c['config'] as { index: number }).index === 2)!;
  expect(second).toMatchObject({
    values: { answer: '[[reply:One, with a comma]]' },
    status: 'done',
    reply: 'One, with a comma',
    finishReason: 'stop',
  });
  const request = second['request'] as { model: string; seed: number; messages: { content: string }[] };
  expect(request.seed).toBe(7);
  expect(request.messages.at(-1)?.content).toBe(`${marker} [[reply:One, with a comma]]`);
  // The request in the file is the one the server received.
  expect(await app.receivedWith(`${marker} [[reply:One, with a comma]]`)).toBeTruthy();
  const sent = (await app.receivedRequests()).filter((q) => JSON.stringify(q.body) === JSON.stringify(request));
  expect(sent).toHaveLength(1);

  const csv = await downloaded(page, 'grid-export-csv-button');
  expect(csv.name).toMatch(/-results\.csv$/);
  expect(csv.text).not.toContain(key);
  const table = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true }).data;
  expect(table).toHaveLength(4);
  const two = table.find((r) => r['row'] === '2' && r['config'] === '1')!;
  expect(two).toMatchObject({
    answer: '[[reply:Two "quoted"]]',
    status: 'done',
    reply: 'Two "quoted"',
    finish_reason: 'stop',
    model: 'ref-chat',
  });
  expect(Number(two['prompt_tokens'])).toBeGreaterThan(0);
  expect(JSON.parse(two['request']!).messages.at(-1).content).toBe(`${marker} [[reply:Two "quoted"]]`);
  await page.screenshot({ path: 'test-results/grid-export.png' });
});
