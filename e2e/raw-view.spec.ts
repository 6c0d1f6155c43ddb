import type { Locator, Page } from '@playwright/test';
import { expect, expectBeforeAndAfterReload, test } from './support/app';
import { WorkspaceShell } from './support/workspace';

/** Issue #23 item 3: a message's raw text in place of its rendering, a default for it, and copy in both forms. */

// A reply with what markdown changes: a heading, emphasis, inline code, a list, doubled spaces, a code block.
const REPLY = '# Notes\n\nSome **bold** and `code`.\n\n- one\n- two  spaced\n\n```js\nlet x = 1;\n```';

/** The exact text of the raw view (textContent: Playwright's toHaveText would fold the whitespace). */
async function rawText(message: Locator): Promise<string | null> {
  return message.getByTestId('message-raw-text').locator('pre').textContent();
}

async function expectRendered(message: Locator): Promise<void> {
  const content = message.getByTestId('message-content');
  await expect(content.locator('strong')).toHaveText('bold');
  await expect(content.locator('h1')).toHaveText('Notes');
  await expect(content).not.toContainText('**bold**');
  await expect(message.getByTestId('message-raw-text')).toHaveCount(0);
  await expect(message.getByTestId('raw-toggle')).toHaveAttribute('aria-pressed', 'false');
}

async function expectRaw(message: Locator, text: string): Promise<void> {
  await expect(message.getByTestId('raw-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(message.getByTestId('message-content')).toContainText('**bold**');
  await expect(message.getByTestId('message-content').locator('strong, h1')).toHaveCount(0);
  expect(await rawText(message)).toBe(text);
}

async function clipboard(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const item of await navigator.clipboard.read()) {
      for (const type of item.types) out[type] = await (await item.getType(type)).text();
    }
    return out;
  });
}

test('a reply shows its raw text in place of its rendering and back; so does a user message', async ({ app, page }) => {
  await app.open();
  const prompt = `Raw view RV-7c1. [[reply:${REPLY}]]`;
  const reply = await app.sendAndWait(prompt);
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expectRendered(reply);

  const toggle = reply.getByTestId('raw-toggle');
  await toggle.click();
  await expectRaw(reply, REPLY);
  // Monospace, whitespace as written, wrapped, selectable.
  const style = await reply
    .getByTestId('message-raw-text')
    .locator('pre')
    .evaluate((el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, whiteSpace: s.whiteSpace, select: s.userSelect };
    });
  expect(style.font).toMatch(/mono/i);
  expect(style.whiteSpace).toBe('pre-wrap');
  expect(style.select).not.toBe('none');
  // Rendered, Raw and Tokens are one control; this reply has no logprobs, so no Tokens.
  const control = reply.getByRole('toolbar', { name: 'Show the text as' });
  await expect(control.getByRole('button')).toHaveText(['Rendered', 'Raw']);

  // Back, by keyboard: the pressed segment is the control's tab stop; arrows move, Enter presses.
  await toggle.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(control.getByRole('button', { name: 'Rendered' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectRendered(reply);

  // Any role with text: the user message too, exactly as typed.
  const user = app.messages.first();
  await expect(user).toHaveAttribute('data-role', 'user');
  await user.hover();
  await user.getByTestId('raw-toggle').click();
  await expect(user.getByTestId('raw-toggle')).toHaveAttribute('aria-pressed', 'true');
  expect(await rawText(user)).toBe(prompt);
  await expectRendered(reply); // the choice is per message
});

test('the default view (Settings) applies to every message, also after a reload; a message switched by hand is a glance', async ({
  app,
  page,
}) => {
  await app.open();
  const reply = await app.sendAndWait(`Raw default RV-2d8. [[reply:${REPLY}]]`);
  await expectRendered(reply);

  const setting = page.getByTestId('message-view-default');
  await expect(setting.getByRole('radio', { name: 'Rendered' })).toHaveAttribute('aria-checked', 'true');
  await setting.getByRole('radio', { name: 'Raw' }).click();
  await expectBeforeAndAfterReload(page, async () => {
    await expect(setting.getByRole('radio', { name: 'Raw' })).toHaveAttribute('aria-checked', 'true');
    await expectRaw(app.assistant(), REPLY);
  });

  // Raw by default: the message's toggle shows it rendered; the next reload shows the default again.
  await app.assistant().getByTestId('raw-toggle').click();
  await expectRendered(app.assistant());
  await page.reload();
  await expectRaw(app.assistant(), REPLY);

  // A new reply follows the default too.
  const second = await app.sendAndWait(`Raw default RV-2d8 again. [[reply:${REPLY}]]`);
  await expectRaw(second, REPLY);

  await setting.getByRole('radio', { name: 'Rendered' }).click();
  await expectRendered(app.assistant(0));
  await expectRendered(second);
});

test('copy offers the markdown and the rendered text: HTML and plain text on the clipboard, in any view', async ({
  app,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  const reply = await app.sendAndWait(`Raw copy RV-5e4. [[reply:${REPLY}]]`);
  await expectRendered(reply);

  await app.messageAction(reply, 'Copy text (markdown)');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(REPLY);

  const copyRendered = async () => {
    await page.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
    await reply.hover();
    await reply.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Copy rendered' }).click();
    await expect.poll(async () => Object.keys(await clipboard(page)).sort()).toEqual(['text/html', 'text/plain']);
    return clipboard(page);
  };

  for (const view of ['rendered', 'raw'] as const) {
    if (view === 'raw') {
      await reply.getByTestId('raw-toggle').click();
      await expectRaw(reply, REPLY);
    }
    const copied = await copyRendered();
    const html = copied['text/html']!;
    expect(html).toContain('<h1>Notes</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toMatch(/<li>one<\/li>/);
    expect(html).toMatch(/<pre><code[^>]*>[\s\S]*let[\s\S]*x = 1;/);
    // The app's own chrome (class names, a code block's Copy button) is not part of the text.
    expect(html).not.toContain('class=');
    expect(html).not.toMatch(/>Copy</);
    const plain = copied['text/plain']!;
    expect(plain).toContain('Some bold and code.');
    expect(plain).toContain('let x = 1;');
    expect(plain).not.toContain('**');
    expect(plain).not.toContain('```');
  }
});

test('each compare choice switches between raw and rendered on its own', async ({ app, page }) => {
  await app.open('?n=2');
  await app.send(`Raw choices RV-9b2. [[reply:${REPLY}]]`);
  const choices = page.getByTestId('choice');
  await expect(choices).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect(choices.nth(i)).toHaveAttribute('data-finish-reason', 'stop');
  const first = choices.nth(0);
  const second = choices.nth(1);
  await expect(first.getByTestId('choice-content').locator('strong')).toHaveText('bold');

  await first.getByTestId('raw-toggle').click();
  await expect(first.getByTestId('raw-toggle')).toHaveAttribute('aria-pressed', 'true');
  expect(await first.getByTestId('message-raw-text').locator('pre').textContent()).toBe(REPLY);
  await expect(first.getByTestId('choice-content').locator('strong')).toHaveCount(0);
  await expect(second.getByTestId('choice-content').locator('strong')).toHaveText('bold');
  await expect(second.getByTestId('raw-toggle')).toHaveAttribute('aria-pressed', 'false');

  await first.getByTestId('raw-toggle').click();
  await expect(first.getByTestId('choice-content').locator('strong')).toHaveText('bold');
  await expect(first.getByTestId('message-raw-text')).toHaveCount(0);
});

test('the palette switches the last message and sets the default', async ({ app, page }) => {
  await app.open();
  const reply = await app.sendAndWait(`Raw palette RV-4f6. [[reply:${REPLY}]]`);
  await expectRendered(reply);
  const shell = new WorkspaceShell(page);
  await shell.runFromPalette('raw text rendered last message');
  await expectRaw(reply, REPLY);
  await shell.runFromPalette('show messages as raw text by default');
  await expect(page.getByTestId('message-view-default').getByRole('radio', { name: 'Raw' })).toHaveAttribute('aria-checked', 'true');
  await expectRaw(reply, REPLY);
});
