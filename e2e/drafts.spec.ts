import { expect, test } from './support/app';
import { PNG } from './support/editor';

/**
 * The message being written survives (issue 22, item 5): each conversation keeps its own unsent
 * draft, text and attachments, across switching, a reload and a killed tab.
 */
test('each conversation keeps its unsent draft, with attachments, across switching, a reload and a killed tab', async ({
  app,
  page,
  context,
}) => {
  const t = Date.now();
  await app.open();
  await app.sendAndWait(`Draft home A ${t} [[reply:ok]]`);
  await app.composer.fill('half a thought for A');
  await page.getByTestId('image-file-input').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('button', { name: 'Remove attachment 1' })).toBeVisible();

  await app.newConversation();
  await expect(app.composer).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Remove attachment 1' })).toHaveCount(0);
  await app.composer.fill('a new conversation, not sent yet');

  await app.library.open(`Draft home A ${t}`);
  await expect(app.composer).toHaveValue('half a thought for A');
  await expect(page.getByRole('button', { name: 'Remove attachment 1' })).toBeVisible();

  // A reload: the open conversation's draft and its attachment are back.
  await page.reload();
  await expect(app.composer).toHaveValue('half a thought for A');
  await expect(page.getByRole('button', { name: 'Remove attachment 1' })).toBeVisible();

  // A killed tab: typing, then the tab is gone without unloading; a new tab finds it.
  await app.composer.fill('half a thought for A, and more');
  await page.close({ runBeforeUnload: false });
  const next = await context.newPage();
  await next.goto('/');
  await expect(next.getByTestId('composer-input')).toHaveValue('half a thought for A, and more');
  await next.getByTestId('new-conversation-button').click();
  await expect(next.getByTestId('composer-input')).toHaveValue('a new conversation, not sent yet');

  // Sent: the draft is gone from that conversation.
  await next.getByTestId('composer-input').press('ControlOrMeta+Enter');
  await expect(next.locator('[data-testid="message"][data-role="assistant"]')).toHaveCount(1);
  await expect(next.getByTestId('composer-input')).toHaveValue('');
  await next.reload();
  await expect(next.getByTestId('composer-input')).toHaveValue('');
});
