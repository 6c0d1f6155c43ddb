import { expect, test, type PlaygroundPage } from './support/app';

/**
 * A conversation keeps its endpoint profile and model (issue 19, item 6): reopening it runs against
 * them, whatever profile was active meanwhile; if its profile was deleted, it says so, sends
 * nothing, and offers the active profile.
 */
async function addProfile(app: PlaygroundPage, baseURL: string, name: string, header: string): Promise<void> {
  const page = app.page;
  await page.getByTestId('endpoint-add').selectOption('blank');
  await page.getByTestId('endpoint-name').fill(name);
  await page.getByTestId('endpoint-base-url').fill(`${baseURL}/v1`);
  await page.getByTestId('endpoint-base-url').press('Enter');
  await page.getByRole('button', { name: /Extra headers/ }).click();
  await page.getByTestId('endpoint-header-name').fill('X-Profile');
  await page.getByTestId('endpoint-header-value').fill(header);
  await page.getByTestId('endpoint-header-value').press('Enter');
}

const REFERENCE = 'Reference endpoint (built-in)';

test.describe('a conversation keeps its endpoint profile', () => {
  test('reopening a conversation runs it against its own profile and model', async ({ app, baseURL }) => {
    const page = app.page;
    const select = page.getByTestId('endpoint-select');
    const t = Date.now();
    await app.open();
    await addProfile(app, baseURL!, 'Profile B', 'B');
    await app.sendAndWait(`first on B ${t} [[reply:ok]]`);

    await app.newConversation();
    await select.selectOption({ label: REFERENCE });
    await page.getByTestId('model-input').fill('ref-tools');
    await app.sendAndWait(`first on reference ${t} [[reply:ok]]`);

    // Back to the first: its profile and its model, not the ones used last.
    await app.conversations.filter({ hasText: `first on B ${t}` }).click();
    await expect(select.locator('option:checked')).toHaveText('Profile B');
    await expect(page.getByTestId('model-input')).toHaveValue('ref-chat');
    const again = `again on B ${t}`;
    await app.sendAndWait(`${again} [[reply:ok]]`);
    expect((await app.receivedWith(again)).headers['x-profile']).toBe('B');
    expect((await app.receivedWith(again)).body.model).toBe('ref-chat');

    // And the second keeps the reference endpoint, also after a reload.
    await app.conversations.filter({ hasText: `first on reference ${t}` }).click();
    await expect(select.locator('option:checked')).toHaveText(REFERENCE);
    await page.reload();
    await expect(select.locator('option:checked')).toHaveText(REFERENCE);
    await app.conversations.filter({ hasText: `first on B ${t}` }).click();
    await expect(select.locator('option:checked')).toHaveText('Profile B');
    await page.reload();
    await expect(select.locator('option:checked')).toHaveText('Profile B');
    const afterReload = `after reload ${t}`;
    await app.sendAndWait(`${afterReload} [[reply:ok]]`);
    expect((await app.receivedWith(afterReload)).headers['x-profile']).toBe('B');
  });

  test('choosing another profile while a conversation is open moves it there', async ({ app, baseURL }) => {
    const select = app.page.getByTestId('endpoint-select');
    const t = Date.now();
    await app.open();
    await addProfile(app, baseURL!, 'Profile C', 'C');
    await app.newConversation();
    await select.selectOption({ label: REFERENCE });
    await app.sendAndWait(`moves ${t} [[reply:ok]]`);
    await select.selectOption({ label: 'Profile C' });
    await app.newConversation();
    await select.selectOption({ label: REFERENCE });
    await app.conversations.filter({ hasText: `moves ${t}` }).click();
    await expect(select.locator('option:checked')).toHaveText('Profile C');
  });

  test('its profile deleted: it says so, sends nothing, and offers the active profile', async ({ app, baseURL }) => {
    const page = app.page;
    const select = page.getByTestId('endpoint-select');
    const t = Date.now();
    await app.open();
    await addProfile(app, baseURL!, 'Doomed', 'D');
    await app.sendAndWait(`on a doomed profile ${t} [[reply:ok]]`);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('endpoint-delete').click();
    await expect(select.locator('option:checked')).toHaveText(REFERENCE);

    const refused = `not sent anywhere ${t}`;
    await app.send(`${refused} [[reply:ok]]`);
    await expect(app.errorBanner).toContainText("This conversation's endpoint profile has been deleted, so nothing was sent.");
    await expect(app.composer).toHaveValue(`${refused} [[reply:ok]]`); // the text is not lost
    await expect(app.messages).toHaveCount(2);
    expect(await app.requestCount(refused)).toBe(0);

    // Reopened later, it says so at once.
    await app.newConversation();
    await app.conversations.filter({ hasText: `on a doomed profile ${t}` }).click();
    await expect(app.errorBanner).toContainText('has been deleted');
    const fix = app.errorBanner.getByTestId('error-fix');
    await expect(fix).toHaveText(`Use ${REFERENCE}`);
    await fix.click();
    await expect(app.errorBanner).toHaveCount(0);
    await app.send(`${refused} [[reply:now it goes]]`);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('now it goes');
    expect(await app.requestCount(refused)).toBe(1);
    expect((await app.receivedWith(refused)).headers['x-profile']).toBeUndefined();
  });
});
