import { expect, test } from './support/app';

/**
 * One-click fixes where the server names the problem (issue 19, item 3), against a server that is
 * as strict as Mistral's ([[persona:strict-fields]]: 422 `extra_forbidden` for every field outside
 * its schema) and recorded context-length errors. Each fix changes the parameter and retries once.
 */
test.describe('one-click fixes', () => {
  test('a refused parameter the person switched on: "Switch off seed and retry" gets the reply', async ({ app, page }) => {
    await app.open();
    await app.setParamOn('seed', true);
    const marker = `fix-seed-${Date.now()}`;
    await app.send(`${marker} [[persona:strict-fields]] [[reply:seedless]]`);
    await expect(app.errorBanner).toContainText('seed: Extra inputs are not permitted');
    const fix = app.errorBanner.getByTestId('error-fix');
    await expect(fix).toHaveText(['Switch off seed and retry']);
    await fix.click();
    await expect(app.assistant().getByTestId('message-content')).toHaveText('seedless');
    await expect(app.errorBanner).toHaveCount(0);
    expect('seed' in (await app.receivedWith(marker)).body).toBe(false);
    await expect(page.getByTestId('param-seed-enabled')).not.toBeChecked();
  });

  test('max_completion_tokens refused by a max_tokens server: one click sends it as max_tokens', async ({ app }) => {
    await app.open();
    await app.setParamOn('max_completion_tokens', true);
    await app.page.getByTestId('param-max_completion_tokens').fill('321');
    const marker = `fix-max-${Date.now()}`;
    await app.send(`${marker} [[persona:strict-fields]] [[reply:within limits]]`);
    await expect(app.errorBanner).toContainText('max_completion_tokens: Extra inputs are not permitted');
    const fixes = app.errorBanner.getByTestId('error-fix');
    await expect(fixes).toHaveText(['Send it as max_tokens and retry', 'Switch off max_completion_tokens and retry']);
    await fixes.first().click();
    await expect(app.assistant().getByTestId('message-content')).toHaveText('within limits');
    const sent = (await app.receivedWith(marker)).body;
    expect(sent.max_tokens).toBe(321);
    expect('max_completion_tokens' in sent).toBe(false);
  });

  test('a prompt over the context window (vLLM, llama.cpp): "Open the meter"', async ({ app, page }) => {
    await app.open();
    for (const shape of ['vllm', 'llamacpp']) {
      await app.newConversation();
      await app.send(`too long ${Date.now()} [[error-shape:${shape}]]`);
      await expect(app.errorBanner).toContainText(/context/);
      await expect(page.getByTestId('meter-details')).toBeHidden();
      await app.errorBanner.getByTestId('error-fix').click();
      await expect(page.getByTestId('meter-details')).toBeVisible();
      await page.keyboard.press('Escape');
    }
  });
});
