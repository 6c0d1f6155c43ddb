import { expect, test } from './support/app';
import { WorkspaceShell } from './support/workspace';

/** Issue #23 items 6–9: boolean switches, welcome examples, the command palette, the context bar. */
test.describe('boolean parameters', () => {
  test('switching logprobs and store on sends true; the value beside the switch shows it and can be changed', async ({ app }) => {
    await app.open();
    await app.setParamOn('logprobs', true);
    await app.setParamOn('store', true);
    await expect(app.param('logprobs')).toHaveValue('true');
    await expect(app.param('store')).toHaveValue('true');
    await app.sendAndWait('bool-on-5e2');
    expect((await app.receivedWith('bool-on-5e2')).body).toMatchObject({ logprobs: true, store: true });

    // The value beside the switch is what goes out.
    await app.param('store').selectOption('false');
    await app.sendAndWait('bool-false-5e2');
    expect((await app.receivedWith('bool-false-5e2')).body).toMatchObject({ logprobs: true, store: false });
  });

  test('parallel_tool_calls goes out as the person set it', async ({ app }) => {
    await app.open();
    await app.setParamOn('tools', true);
    await app.page.getByRole('button', { name: 'calculate' }).click();
    await app.param('parallel_tool_calls').selectOption('false');
    await app.setParamOn('parallel_tool_calls', true);
    await expect(app.param('parallel_tool_calls')).toHaveValue('false');
    await app.sendAndWait('parallel-set-5e2');
    expect((await app.receivedWith('parallel-set-5e2')).body).toMatchObject({ parallel_tool_calls: false });
  });
});

test('a welcome example goes into the message box with the focus there: Ctrl+Enter sends it', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: /An exact reply/ }).click();
  await expect(app.composer).toHaveValue('[[reply:Hello from the reference endpoint!]]');
  await expect(app.composer).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(app.assistant()).toContainText('Hello from the reference endpoint!');
});

test.describe('command palette', () => {
  test('offers every toolbar and menu action, grouped, with shortcuts; runs them', async ({ app, page, baseURL }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    await app.sendAndWait('palette-3b9 first [[reply:first answer]]');

    await shell.openPalette();
    const list = page.getByTestId('command-palette-list');
    for (const heading of ['Conversation', 'Reply', 'Share and export', 'Endpoint and model', 'View']) {
      await expect(list.locator('[cmdk-group-heading]').filter({ hasText: new RegExp(`^${heading}$`) })).toHaveCount(1);
    }
    const titles = await page.getByTestId('command-item').allInnerTexts();
    for (const title of [
      'Make a share link',
      'Code for the next request',
      'Export conversation file (.chat.json)',
      'Export Markdown transcript (.md)',
      'Export web page, works offline (.html)',
      'Export OpenAI request body (.json)',
      'Back up all conversations',
      'Import a file or link…',
      'Rename this conversation',
      'Delete this conversation',
      'Regenerate the last reply',
      'Compare configurations side by side…',
      'Change the model…',
    ])
      expect(titles.some((t) => t.startsWith(title))).toBe(true);
    // Shortcuts show beside their command.
    await expect(page.getByTestId('command-item').filter({ hasText: 'New conversation' })).toContainText(/Ctrl|⌘/);
    await page.keyboard.press('Escape');

    // Regenerate: a second alternative of the reply, from the same request.
    await shell.runFromPalette('regenerate');
    await expect.poll(() => app.requestCount('palette-3b9')).toBe(2);
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    await expect(app.assistant().getByText('2/2')).toBeVisible();

    // Rename opens the title field in the library.
    await shell.runFromPalette('rename this');
    const title = page.getByRole('textbox', { name: 'Conversation title' });
    await expect(title).toBeFocused();
    await title.fill('Renamed from the palette');
    await title.press('Enter');
    await expect(app.conversations.first()).toContainText('Renamed from the palette');

    // Share and export.
    await shell.runFromPalette('share link');
    await expect(page.getByTestId('share-link-output')).toBeVisible();
    await page.keyboard.press('Escape');
    const download = page.waitForEvent('download');
    await shell.runFromPalette('export markdown');
    expect((await download).suggestedFilename()).toMatch(/\.md$/);
    await shell.runFromPalette('code for the next');
    await expect(page.getByTestId('code-export-output')).toBeVisible();
    await page.keyboard.press('Escape');
    await shell.runFromPalette('compare configurations');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');

    // Switching endpoint profile: each profile is an entry.
    const select = page.getByTestId('endpoint-select');
    await page.getByTestId('endpoint-add').selectOption('blank');
    await page.getByTestId('endpoint-name').fill('Second profile');
    await page.getByTestId('endpoint-base-url').fill(`${baseURL}/v1`);
    await page.getByTestId('endpoint-base-url').press('Enter');
    await expect(select).not.toHaveValue('reference');
    await shell.runFromPalette('use endpoint reference');
    await expect(select).toHaveValue('reference');
    await shell.runFromPalette('use endpoint second');
    await expect(select.locator('option:checked')).toHaveText('Second profile');

    await shell.runFromPalette('change the model');
    await expect(page.getByTestId('model-input')).toBeFocused();
  });
});

test('the context bar says what it counts: prompt, reserved output and the model window', async ({ app, page }) => {
  await app.open();
  await app.setParamOn('max_completion_tokens', true);
  await app.param('max_completion_tokens').fill('500');
  await app.composer.fill('context-bar-1d4 a few words');
  const bar = app.meter.contextBar;
  await expect(bar).toHaveAttribute('aria-label', 'Context window used by prompt and reserved output');
  const holder = bar.locator('..');
  await expect(holder).toContainText(/\d+% of context/);
  const tooltip = await holder.getAttribute('title');
  expect(tooltip).toMatch(/^Context window: \d+ prompt \+ 500 reserved output = \d+ of [\d,]+ tokens \(\d+%\)/);
  expect(tooltip).toContain('Reserved output: max_completion_tokens (500)');
  expect(tooltip).toMatch(/Window: ref-chat’s context window/);
  await page.getByTestId('param-max_completion_tokens-enabled').click();
  await expect(holder).toHaveAttribute('title', /Reserved output: (the model’s max output|nothing)/);
});
