import { expect, expectBeforeAndAfterReload, test } from './support/app';

test.describe('prompt variables', () => {
  test('values from the Variables panel reach the server; the conversation keeps {{name}}; a missing one blocks the send', async ({
    app,
    page,
  }) => {
    await app.open();
    const marker = `var-${Date.now()}`;
    await app.composer.fill(`${marker} Weather in {{city}} on {{ day }}? [[reply:Sunny]]`);
    // Highlighted in the composer, listed in the panel.
    await expect(page.getByTestId('variable-highlight').locator('mark')).toHaveText(['{{city}}', '{{ day }}']);
    const city = page.locator('[data-testid="variable-input"][data-name="city"]');
    const day = page.locator('[data-testid="variable-input"][data-name="day"]');
    await expect(city).toHaveAttribute('aria-invalid', 'true');

    await city.fill('Lyon');
    await expect
      .poll(async () => ((await app.previewBody()).messages as { content: string }[])[0]?.content)
      .toContain('Weather in Lyon on {{ day }}?');
    await expect(page.getByTestId('request-warning').filter({ hasText: '{{day}} has no value' })).toBeVisible();

    // A variable without a value: nothing is sent, the message stays, the banner says which.
    await app.composer.press('ControlOrMeta+Enter');
    await expect(app.errorBanner).toContainText('{{day}} has no value');
    await expect(app.messages).toHaveCount(1);
    expect(await app.requestCount(marker)).toBe(0);

    // Given a value (kept with the conversation, which now exists), the conversation sends as it stands.
    await day.fill('Monday');
    await expect
      .poll(async () => ((await app.previewBody()).messages as { content: string }[])[0]?.content)
      .toBe(`${marker} Weather in Lyon on Monday? [[reply:Sunny]]`);
    await app.sendButton.click();
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    await expect(app.assistant().getByTestId('message-content')).toHaveText('Sunny');
    const sent = await app.receivedWith(marker);
    expect((sent.body.messages as { content: string }[])[0]!.content).toBe(`${marker} Weather in Lyon on Monday? [[reply:Sunny]]`);

    await expectBeforeAndAfterReload(page, async () => {
      await expect(app.messages.first().getByTestId('message-content')).toContainText('Weather in {{city}} on {{ day }}?');
      await expect(city).toHaveValue('Lyon');
      await expect(day).toHaveValue('Monday');
    });
  });

  test('a system message variable is highlighted in the editor and substituted for every role', async ({ app, page }) => {
    await app.open();
    const marker = `var-sys-${Date.now()}`;
    await app.addMessage('system', 'Answer in {{language}}.');
    await expect(page.getByTestId('variable-highlight').locator('mark')).toHaveText(['{{language}}']);
    await page.locator('[data-testid="variable-input"][data-name="language"]').fill('French');
    await app.send(`${marker} [[reply:Oui]]`);
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    const sent = await app.receivedWith(marker);
    expect((sent.body.messages as { role: string; content: string }[])[0]).toEqual({ role: 'system', content: 'Answer in French.' });
  });
});
