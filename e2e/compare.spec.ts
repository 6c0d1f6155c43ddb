import type { Page } from '@playwright/test';
import { expect, test } from './support/app';

/** The per-choice contents the reference endpoint streams for `body` (it is deterministic). */
async function expectedChoices(page: Page, body: Record<string, unknown>): Promise<string[]> {
  const res = await page.request.post('/v1/chat/completions', { data: body });
  const text = await res.text();
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    const chunk = JSON.parse(line.slice(6)) as { choices?: { index: number; delta?: { content?: string } }[] };
    for (const c of chunk.choices ?? []) out[c.index] = (out[c.index] ?? '') + (c.delta?.content ?? '');
  }
  return out;
}

/** Reads a token view back into text (it shows spaces as · and newlines as ↵). */
const tokenText = (tokens: string[]) => tokens.map((t) => t.replace(/↵\n/g, '\n').replace(/·/g, ' ')).join('');

async function turnOn(page: Page, name: string, value?: string): Promise<void> {
  const toggle = page.getByTestId(`param-${name}-enabled`);
  if ((await toggle.getAttribute('aria-checked')) !== 'true' && !(await toggle.isChecked().catch(() => false))) await toggle.click();
  if (value === undefined) return;
  const control = page.getByTestId(`param-${name}`);
  if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
  else await control.fill(value);
}

test('n = 3 streams three columns; tokens, diff, sync scroll; continue with choice 2 keeps the others', async ({ app, page }) => {
  test.setTimeout(90_000);
  await app.open('?n=3');
  await turnOn(page, 'logprobs', 'true');
  await turnOn(page, 'top_logprobs', '3');
  await app.send('Compare these, please. [[tokens:300]]');

  const choices = page.getByTestId('choice');
  await expect(choices).toHaveCount(3);
  await expect(choices.nth(0)).toHaveAttribute('data-choice-index', '0');
  await expect(choices.nth(2)).toHaveAttribute('data-choice-index', '2');
  for (let i = 0; i < 3; i++) await expect(choices.nth(i)).toHaveAttribute('data-finish-reason', /stop|length/, { timeout: 30_000 });
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');

  // Each column holds exactly what the server streamed for its index: read back through the token view.
  // The request log is shared with tests running beside this one: find ours by its text.
  const sent = (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes('Compare these, please.')).at(-1)!.body;
  const expected = await expectedChoices(page, sent);
  expect(expected).toHaveLength(3);
  expect(new Set(expected).size).toBe(3);
  await page.getByRole('radio', { name: 'Tokens' }).click();
  for (let i = 0; i < 3; i++) {
    const tokens = choices.nth(i).getByTestId('logprob-token');
    await expect(tokens.first()).toBeVisible();
    expect(tokenText(await tokens.allTextContents())).toBe(expected[i]);
  }
  // Alternatives of a token on hover, with probabilities.
  const token = choices.nth(1).getByTestId('logprob-token').nth(3);
  expect(Number(await token.getAttribute('data-logprob'))).toBeLessThanOrEqual(0);
  await token.hover();
  const alternatives = page.getByTestId('logprob-alternatives');
  await expect(alternatives).toBeVisible();
  await expect(alternatives).toContainText('%');
  expect(await alternatives.locator('span.flex').count()).toBeGreaterThanOrEqual(2);

  // Word diff of choice 3 against choice 1: insertions and deletions marked in place.
  await page.getByRole('radio', { name: 'Diff' }).click();
  await page.getByLabel('Diff base choice').selectOption('0');
  const diff = choices.nth(2).getByTestId('choice-diff');
  await expect(diff).toBeVisible();
  expect(await diff.locator('ins').count()).toBeGreaterThan(0);
  expect(await diff.locator('del').count()).toBeGreaterThan(0);
  await expect(choices.nth(0).getByTestId('choice-diff')).toHaveCount(0); // the base shows as itself

  // Sync scroll: scrolling one column scrolls the others.
  await page.getByRole('radio', { name: 'Text' }).click();
  await page.getByLabel('Sync scroll').check();
  const bodies = page.getByTestId('choice-content');
  await bodies.nth(0).evaluate((el) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
  });
  await expect.poll(() => bodies.nth(2).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  // Continue with choice 2: one message again, the others kept as alternatives (2/3).
  await choices.nth(1).getByTestId('continue-with-choice-button').click();
  await expect(choices).toHaveCount(0);
  const reply = app.assistant();
  await expect(reply.getByTestId('branch-position')).toHaveText('2/3');
  await expect(reply.getByTestId('message-content')).toContainText(
    expected[1]!
      .split('\n')[0]!
      .replace(/^#+\s*/, '')
      .slice(0, 30),
  );
  await reply.getByRole('button', { name: 'Previous alternative' }).click();
  await expect(app.assistant().getByTestId('branch-position')).toHaveText('1/3');

  // And it all survives a reload.
  await page.reload();
  await expect(app.assistant().getByTestId('branch-position')).toHaveText('1/3');
  await expect(choices).toHaveCount(0);
});

test('each choice of a reasoning model shows its own reasoning, open while it streams and folded after', async ({ app, page }) => {
  await app.open('?n=2&model=ref-reasoner');
  await app.send('Think twice. [[reply:Both done.]]');
  const choices = page.getByTestId('choice');
  await expect(choices).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect(choices.nth(i)).toHaveAttribute('data-finish-reason', 'stop', { timeout: 30_000 });
  const sent = (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes('Think twice.')).at(-1)!.body;
  const res = await page.request.post('/v1/chat/completions', { data: sent });
  const reasoning: string[] = [];
  for (const line of (await res.text()).split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    const chunk = JSON.parse(line.slice(6)) as { choices?: { index: number; delta?: { reasoning_content?: string } }[] };
    for (const c of chunk.choices ?? []) reasoning[c.index] = (reasoning[c.index] ?? '') + (c.delta?.reasoning_content ?? '');
  }
  for (let i = 0; i < 2; i++) {
    const column = choices.nth(i);
    const text = column.getByTestId('message-reasoning');
    await expect(text).toBeHidden(); // folded once the answer is there
    await column.getByRole('button', { name: /Reasoning/ }).click();
    await expect(text).toBeVisible();
    expect(reasoning[i]!.length).toBeGreaterThan(0);
    await expect(text).toHaveText(reasoning[i]!);
    await expect(column.getByTestId('choice-content')).toContainText('Both done.');
  }
});

test('a server that ignores n: the app offers a fan-out and streams n parallel requests side by side', async ({ app, page }) => {
  test.setTimeout(90_000);
  await app.open('?n=3');
  await app.send('Three takes, please. [[ignore-n:true]]');
  await expect(app.assistant()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('choice')).toHaveCount(0);
  const notice = page.getByTestId('fan-out-notice');
  await expect(notice).toContainText('Asked for 3 choices; this server returned one');

  await page.getByTestId('fan-out-button').click();
  const choices = page.getByTestId('choice');
  await expect(choices).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(choices.nth(i)).toHaveAttribute('data-finish-reason', 'stop', { timeout: 30_000 });
    await expect(choices.nth(i)).toContainText('parallel request');
    await expect(choices.nth(i).getByTestId('choice-content')).toContainText('Three takes, please.');
  }
  await expect(notice).toHaveCount(0);
  // Three requests went out, none of them asking for n.
  const ours = (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes('Three takes, please.'));
  expect(ours.map((r) => r.body['n'])).toEqual([3, undefined, undefined, undefined]);
});

test('three configurations side by side: each model and override is sent, and a winner continues', async ({ app, page }) => {
  test.setTimeout(90_000);
  await app.open();
  await app.sendAndWait('Which model says it best? [[reply:One answer for all.]]');
  await page.getByTestId('compare-configs-button').click();
  const dialog = page.getByTestId('compare-configs-dialog');
  await dialog.getByLabel('Column 2 model').fill('ref-reasoner');
  await dialog.getByRole('button', { name: '+ Add a column' }).click();
  await dialog.getByLabel('Column 3 overrides').fill('{"temperature": 0.25}');
  await dialog.getByLabel('Column 1 overrides').fill('{"temperature": ');
  await page.getByTestId('compare-run-button').click();
  await expect(dialog.getByRole('alert')).toContainText('Column 1: Extra body is not valid JSON');
  await dialog.getByLabel('Column 1 overrides').fill('');
  await page.getByTestId('compare-run-button').click();

  const columns = page.getByTestId('choice');
  await expect(columns).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(columns.nth(i)).toHaveAttribute('data-finish-reason', 'stop', { timeout: 30_000 });
  await expect(columns.nth(1)).toContainText('2. ref-reasoner');
  await expect(columns.nth(2)).toContainText('3. ref-chat · custom');
  for (let i = 0; i < 3; i++) await expect(columns.nth(i).getByTestId('choice-content')).toContainText('One answer for all.');
  // Each configuration's request is priced, and says where its price came from (the built-in server is local: free).
  const cost = columns.nth(1).getByTestId('choice-cost');
  await expect(cost).toHaveText('$0.00');
  await expect(cost).toHaveAttribute('data-source', 'local');
  await expect(cost).toHaveAttribute('title', /ref-reasoner price from a local server \(free\)/);

  const ours = (await app.receivedRequests()).filter((r) => JSON.stringify(r.body).includes('Which model says it best?')).slice(-3);
  expect(ours.map((r) => r.body['model']).sort()).toEqual(['ref-chat', 'ref-chat', 'ref-reasoner']);
  expect(ours.filter((r) => r.body['temperature'] === 0.25)).toHaveLength(1);

  // The winner continues; the first reply and the other columns stay alternatives of that turn.
  await columns.nth(1).getByTestId('continue-with-choice-button').click();
  await expect(columns).toHaveCount(0);
  await expect(app.assistant()).toContainText('ref-reasoner');
  await expect(app.assistant().getByTestId('branch-position')).toHaveText('3/4');

  // The configurations are saved for next time.
  await page.reload();
  await page.getByTestId('compare-configs-button').click();
  await expect(page.getByTestId('compare-config')).toHaveCount(3);
  await expect(page.getByLabel('Column 2 model')).toHaveValue('ref-reasoner');
});
