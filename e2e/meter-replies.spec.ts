import { expect, test } from './support/app';

const numbers = (text: string): number[] => [...text.replace(/,/g, '').matchAll(/\d+/g)].map((m) => Number(m[0]));

test('every reply, not only the last, shows its tokens beside our estimate, its cost and its speed', async ({ app }) => {
  await app.open();
  const first = await app.sendAndWait('[[reply:The first answer has a few words.]] First question');
  await app.sendAndWait('[[reply:Second.]] Second question');
  await app.meter.setPrice('ref-chat', 'inputPrice', '1000');
  await app.meter.setPrice('ref-chat', 'outputPrice', '4000');
  await app.page.keyboard.press('Escape');

  // The earlier reply keeps its own figures.
  const tokens = app.meter.replyFigure(first, 'tokens');
  await expect(tokens).toHaveText(/^\d+ in · \d+ out$/);
  await expect(tokens).not.toHaveAttribute('data-estimated');
  await expect(app.meter.replyFigure(first, 'estimate')).toHaveText(/^est\. \d+ \/ \d+$/);
  const [promptTokens, completionTokens] = numbers(await tokens.innerText());
  const cost = (promptTokens! * 1000 + completionTokens! * 4000) / 1e6;
  await expect(app.meter.replyFigure(first, 'cost')).toHaveText(
    `$${cost < 0.01 ? cost.toFixed(cost < 0.001 ? 6 : 4) : cost.toFixed(cost < 1 ? 3 : 2)}`,
  );
  await expect(app.meter.replyFigure(first, 'speed')).toContainText(/TTFT \d/);
  await expect(app.meter.replyFigure(first, 'speed')).toContainText(/total \d/);
  // And the last one too.
  await expect(app.meter.replyFigure(app.assistant(), 'cost')).toHaveText(/^\$\d/);
});

test('a server that sends no usage: the tokenizer’s estimate is stored and shown, marked as an estimate', async ({ app, page }) => {
  await app.open();
  // chars / 4 would say 12; the tokenizer says 8.
  const text = 'hello hello hello hello hello hello hello hello';
  const message = `[[no-usage:true]] [[reply:${text}]] Say hello.`;
  await app.composer.fill(message);
  // The prompt the meter shows before sending (the composer text counted as the next message).
  await expect.poll(() => app.meter.estimatedTokens()).toBeGreaterThan(10);
  const before = await app.meter.estimatedTokens();
  await app.composer.press('ControlOrMeta+Enter');
  const reply = app.assistant();
  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 20_000 });

  await expect(app.meter.replyFigure(reply, 'estimated-mark')).toHaveText('estimated');
  const tokens = app.meter.replyFigure(reply, 'tokens');
  await expect(tokens).toHaveAttribute('data-estimated', 'true');
  // The worker's count replaces the placeholder: the same prompt count the meter showed, 8 out.
  await expect(tokens).toHaveText(`≈${before} in · ≈8 out`);
  await expect(app.page.getByTestId('usage-completion-tokens')).toHaveText('8');
  const details = await app.meter.openDetails();
  await expect(details.getByTestId('meter-actual-prompt')).toHaveText('not sent');
  await expect(details.getByTestId('meter-estimate-completion')).toHaveText('8');

  await page.reload();
  await expect(app.meter.replyFigure(app.assistant(), 'tokens')).toHaveText(`≈${before} in · ≈8 out`);
  await expect(app.meter.replyFigure(app.assistant(), 'cost')).toHaveText('≈$0.00');
});

test('a reply with three choices: each column shows its speed, and the request’s cost billed once', async ({ app }) => {
  await app.open('?n=3');
  // A one-second stream: a speed needs the tokens to arrive over time, not in one read after a stall.
  await app.sendAndWait('[[rate:40]] [[tokens:40]] Three ways to say it');
  await app.meter.setPrice('ref-chat', 'inputPrice', '1000');
  await app.meter.setPrice('ref-chat', 'outputPrice', '4000');
  await app.page.keyboard.press('Escape');
  const meters = app.page.getByTestId('choice').getByTestId('choice-meter');
  await expect(meters).toHaveCount(3);
  const costs = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const meter = meters.nth(i);
    await expect(meter.getByTestId('reply-tokens')).toContainText('(all 3 choices)');
    await expect(meter.getByTestId('reply-cost')).toHaveText(/^\$[\d.]+ request$/);
    await expect(meter.getByTestId('reply-speed')).toContainText(/TTFT \d/);
    await expect(meter.getByTestId('reply-speed')).toContainText(/\d+(\.\d)? tok\/s/);
    costs.add(await meter.getByTestId('reply-cost').innerText());
  }
  expect(costs.size).toBe(1);
});
