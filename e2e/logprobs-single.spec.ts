import type { Locator, Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './support/app';

// The reference endpoint tokenizes with o200k_base, which cuts " 🦜" into three tokens
// ([32,240,159] [166] [156]) and " 龘" into three ([32,233] [190] [152]); their `token` strings
// are escaped bytes, as OpenAI and DeepSeek send them. The person must see the characters.
const REPLY = 'Hi 🦜 and 龘, done.';

interface WireToken {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: { token: string; logprob: number }[];
}

/** The logprob entries the reference endpoint streams for `body`, per choice (it is deterministic). */
async function serverTokens(page: Page, body: Record<string, unknown>): Promise<WireToken[][]> {
  const text = await (await page.request.post('/v1/chat/completions', { data: body })).text();
  const out: WireToken[][] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    const chunk = JSON.parse(line.slice(6)) as { choices?: { index: number; logprobs?: { content?: WireToken[] } | null }[] };
    for (const c of chunk.choices ?? []) (out[c.index] ??= []).push(...(c.logprobs?.content ?? []));
  }
  return out;
}

async function logprobsOn(app: PlaygroundPage, top: number): Promise<void> {
  await app.setParamOn('logprobs', true);
  await app.param('logprobs').selectOption('true');
  await app.setParamOn('top_logprobs', true);
  await app.param('top_logprobs').fill(String(top));
}

/** The token view read back as text (it shows spaces as · and newlines as ↵). */
async function tokenText(tokens: Locator): Promise<string> {
  return (await tokens.allTextContents()).map((t) => t.replace(/↵\n/g, '\n').replace(/·/g, ' ')).join('');
}

async function showTokens(reply: Locator): Promise<Locator> {
  const toggle = reply.getByTestId('token-view-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The token view loads on first use: wait until its tokens are on screen.
  const tokens = reply.getByTestId('logprob-token');
  await expect(tokens.first()).toBeVisible();
  return tokens;
}

test('a single reply with logprobs: token view with the heat map, alternatives on hover and on focus, split emoji and CJK whole', async ({
  app,
  page,
}) => {
  await app.open();
  await logprobsOn(app, 3);
  const reply = await app.sendAndWait(`Single LP-7f3a. [[reply:${REPLY}]]`);
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expect(reply.getByTestId('message-content')).toHaveText(REPLY);
  await expect(reply.getByTestId('logprob-token')).toHaveCount(0); // formatted text until asked

  const sent = (await app.receivedWith('Single LP-7f3a.')).body;
  expect(sent).toMatchObject({ logprobs: true, top_logprobs: 3 });
  const [wire] = await serverTokens(page, sent);
  expect(wire!.map((t) => t.bytes)).toContainEqual([32, 240, 159]); // the server really split it

  const tokens = await showTokens(reply);
  expect(await tokenText(tokens)).toBe(REPLY);
  const texts = await tokens.allTextContents();
  expect(texts.join('')).not.toMatch(/\\x|�/);
  // One unit per character: the three tokens of " 🦜" and of " 龘" each show as one, with their joint probability.
  const parrot = tokens.filter({ hasText: '🦜' });
  await expect(parrot).toHaveCount(1);
  await expect(parrot).toHaveText('·🦜');
  await expect(parrot).toHaveAttribute('data-token-count', '3');
  const at = wire!.findIndex((t) => t.bytes?.join() === '32,240,159');
  const joint = wire!.slice(at, at + 3).reduce((sum, t) => sum + t.logprob, 0);
  expect(Number(await parrot.getAttribute('data-logprob'))).toBeCloseTo(joint, 6);
  await expect(tokens.filter({ hasText: '龘' })).toHaveText('·龘');
  await expect(tokens).toHaveCount(wire!.length - 4);
  for (const value of await tokens.evaluateAll((els) => els.map((el) => el.getAttribute('data-logprob'))))
    expect(Number(value)).toBeLessThanOrEqual(0);
  // A double click selects a token's text rather than opening the editor.
  await parrot.dblclick();
  await expect(reply.getByTestId('edit-message-button')).toHaveAttribute('aria-pressed', 'false');
  await expect(reply.getByTestId('message-text-input')).toHaveCount(0);
  // The heat map: the first token's tint follows its probability; a legend says what the tints mean.
  await expect(reply.getByLabel('Probability legend')).toContainText('< 15%');

  // Hover: the token's top alternatives with probabilities in %, as the server sent them.
  await tokens.first().hover();
  const popup = page.getByTestId('logprob-alternatives');
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('Top alternatives');
  for (const alt of wire![0]!.top_logprobs) await expect(popup).toContainText(`"${alt.token.replace(/\n/g, '\\n')}"`);
  await expect(popup).toContainText(`${(Math.exp(wire![0]!.top_logprobs[0]!.logprob) * 100).toFixed(1)}%`);
  await parrot.hover();
  await expect(popup).toContainText('3 tokens joined by their bytes');
  await expect(popup).toContainText('Joint probability');
  await expect(popup).toContainText('"\\xa6"');

  // Keyboard: one tab stop for the whole view, arrows move, the popup follows focus.
  await page.mouse.move(0, 0);
  await expect(popup).toHaveCount(0);
  const toggle = reply.getByTestId('token-view-toggle');
  await toggle.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(parrot).toBeFocused(); // the token last used (double-clicked above) keeps the tab stop
  await page.keyboard.press('Home');
  await expect(tokens.first()).toBeFocused();
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('Top alternatives');
  await page.keyboard.press('ArrowRight');
  await expect(parrot).toBeFocused();
  await expect(popup).toContainText('Joint probability');
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(tokens.last()).toBeFocused();
  await expect(tokens.last()).toHaveText('.');

  // Back to the formatted reply.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(reply.getByTestId('logprob-token')).toHaveCount(0);
  await expect(reply.getByTestId('message-content')).toHaveText(REPLY);
});

test('n = 2, tokens in the columns, then "continue with this choice": the kept reply keeps its logprobs and its token view, also after a reload', async ({
  app,
  page,
}) => {
  await app.open('?n=2');
  await logprobsOn(app, 2);
  await app.send(`Pair LP-91c2. [[reply:${REPLY}]]`);
  const choices = page.getByTestId('choice');
  await expect(choices).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect(choices.nth(i)).toHaveAttribute('data-finish-reason', 'stop', { timeout: 20_000 });

  // The columns' token view joins by bytes too.
  await page.getByRole('radio', { name: 'Tokens' }).click();
  const columnTokens = choices.nth(1).getByTestId('logprob-token');
  expect(await tokenText(columnTokens)).toBe(REPLY);
  await expect(columnTokens.filter({ hasText: '🦜' })).toHaveAttribute('data-token-count', '3');
  const columnLogprobs = await columnTokens.evaluateAll((els) => els.map((el) => el.getAttribute('data-logprob')));

  await choices.nth(1).getByTestId('continue-with-choice-button').click();
  await expect(choices).toHaveCount(0);
  const reply = app.assistant();
  await expect(reply.getByTestId('branch-position')).toHaveText('2/2');

  const check = async () => {
    const tokens = await showTokens(app.assistant());
    expect(await tokenText(tokens)).toBe(REPLY);
    await expect(tokens.filter({ hasText: '🦜' })).toHaveText('·🦜');
    // The same tokens and probabilities as in its column: the choice kept its logprobs.
    expect(await tokens.evaluateAll((els) => els.map((el) => el.getAttribute('data-logprob')))).toEqual(columnLogprobs);
    await tokens.filter({ hasText: '龘' }).hover();
    await expect(page.getByTestId('logprob-alternatives')).toContainText('Joint probability');
  };
  await check();
  await page.reload();
  await expect(app.assistant().getByTestId('branch-position')).toHaveText('2/2');
  await check();
});
