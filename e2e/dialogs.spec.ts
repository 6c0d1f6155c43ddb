import { expect, test } from './support/app';
import type { Locator, Page } from '@playwright/test';
import { PNG } from './support/editor';
import { WorkspaceShell } from './support/workspace';

/** Whether the focused element is inside `scope`. */
const focusInside = (scope: Locator) => scope.evaluate((el) => el.contains(document.activeElement) && document.activeElement !== el);

/** Tab and Shift+Tab (more times than the dialog has controls) never leave it. */
async function expectFocusTrapped(page: Page, dialog: Locator, presses = 12): Promise<void> {
  await expect.poll(() => focusInside(dialog), 'focus starts inside the dialog').toBe(true);
  const seen = new Set<string>();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      expect(await focusInside(dialog), `${key} #${i + 1} stays inside`).toBe(true);
      seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    }
  }
  expect(seen.size, 'Tab moves between the dialog’s controls').toBeGreaterThan(0);
}

/** Opens a dialog with `open` (focus on `opener` first), checks trap and axe, closes with Escape, checks focus returns. */
async function checkDialog(page: Page, opener: Locator, dialog: Locator, open?: () => Promise<void>): Promise<void> {
  // A header button is disabled until the reply before it is fully committed (as for a person's click).
  await expect(opener).toBeEnabled();
  await opener.focus();
  await (open ? open() : page.keyboard.press('Enter'));
  await expect(dialog).toBeVisible();
  await expectFocusTrapped(page, dialog);
  expect(await new WorkspaceShell(page).seriousA11yViolations()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}

test.describe('dialogs: focus trap, Escape, focus return, axe', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
    await app.sendAndWait('Hello [[reply:Hi there]]');
  });

  test('keyboard shortcuts', async ({ page }) => {
    await checkDialog(page, page.getByTestId('shortcuts-button'), page.getByTestId('shortcuts-dialog'));
  });

  test('command palette (its opener is wherever focus was)', async ({ app, page }) => {
    await checkDialog(page, app.composer, page.getByTestId('command-palette'), () => page.keyboard.press('ControlOrMeta+K'));
  });

  test('compare configurations', async ({ page }) => {
    await checkDialog(page, page.getByTestId('compare-configs-button'), page.getByTestId('compare-configs-dialog'));
  });

  test('share link', async ({ page }) => {
    await checkDialog(page, page.getByTestId('share-link-button'), page.getByRole('dialog', { name: 'Share link' }));
  });

  test('code export', async ({ page }) => {
    await checkDialog(page, page.getByTestId('code-export-button'), page.getByRole('dialog', { name: 'Code export' }));
  });

  test('import, opened from the menu: focus returns to the menu button', async ({ page }) => {
    const more = page.getByRole('button', { name: 'More export and import options' });
    await checkDialog(page, more, page.getByRole('dialog', { name: 'Import' }), async () => {
      await page.keyboard.press('ArrowUp'); // opens the menu on its last item
      await expect(page.getByRole('menuitem', { name: /Import file or link/ })).toBeFocused();
      await page.keyboard.press('Enter');
    });
  });

  test('storage', async ({ page }) => {
    await checkDialog(page, page.getByTestId('storage-button'), page.getByTestId('storage-dialog'));
  });

  test('image preview', async ({ app, page }) => {
    await page.getByTestId('image-file-input').first().setInputFiles({ name: 'picked.png', mimeType: 'image/png', buffer: PNG });
    await checkDialog(page, page.getByRole('button', { name: 'Preview picked.png' }), page.getByRole('dialog', { name: /Image/ }));
    await expect(app.composer).toBeVisible();
  });

  test('a click on the backdrop closes; the page behind is inert while open', async ({ page }) => {
    const opener = page.getByTestId('shortcuts-button');
    await opener.click();
    const dialog = page.getByTestId('shortcuts-dialog');
    await expect(dialog).toBeVisible();
    const focusable = await page.getByTestId('composer-input').evaluate((el: HTMLElement) => {
      el.focus();
      return document.activeElement === el;
    });
    expect(focusable, 'the message box behind the dialog takes no focus').toBe(false);
    await page.mouse.click(5, 5);
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});

test.describe('menus: arrow keys, Home/End, typeahead, Escape', () => {
  test('the conversation menu of the library', async ({ app, page }) => {
    await app.open();
    await app.sendAndWait('Menu test [[reply:ok]]');
    const row = app.conversations.first();
    await row.hover();
    const button = row.getByRole('button', { name: 'More actions' });
    await button.focus();
    await expect(button).toHaveAttribute('aria-haspopup', 'menu');
    await expect(button).toHaveAttribute('aria-expanded', 'false');

    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More actions' });
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const item = (name: string) => menu.getByRole('menuitem', { name });
    await expect(item('Pin to top')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Duplicate')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item('Pin to top')).toBeFocused();
    await page.keyboard.press('ArrowUp'); // wraps
    await expect(item('Ask the model for a title')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(item('Pin to top')).toBeFocused();
    await page.keyboard.press('End');
    await expect(item('Ask the model for a title')).toBeFocused();
    await page.keyboard.press('ArrowDown'); // wraps
    await expect(item('Pin to top')).toBeFocused();
    await page.keyboard.press('e'); // typeahead
    await expect(item('Edit tags…')).toBeFocused();
    expect(await new WorkspaceShell(page).seriousA11yViolations()).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');

    // ↓ on the closed button opens on the first item; Enter activates and focus goes back to the button.
    await page.keyboard.press('ArrowDown');
    await expect(item('Pin to top')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(app.conversations).toHaveCount(2);
  });

  test('the message menu: Tab closes it, a click outside closes it', async ({ app, page }) => {
    await app.open();
    await app.sendAndWait('Hello [[reply:Hi]]');
    const message = app.messages.nth(0);
    await message.hover();
    const button = message.getByRole('button', { name: 'More actions' });
    await button.click();
    const menu = message.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: 'Insert message below' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(menu.getByRole('menuitem', { name: 'Raw JSON of this message' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(menu).toBeHidden();
    await button.click();
    await expect(menu).toBeVisible();
    await page.mouse.click(5, 5);
    await expect(menu).toBeHidden();
    await button.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.messages).toHaveCount(3);
  });

  test('the export menu skips disabled items and activates with Enter', async ({ app, page }) => {
    await app.open(); // no conversation yet: the four export items are disabled
    const button = page.getByRole('button', { name: 'More export and import options' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export and import' });
    await expect(menu.getByRole('menuitem', { name: 'Export all conversations' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: /Import file or link/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Export all conversations' })).toBeFocused();
    expect(await new WorkspaceShell(page).seriousA11yViolations()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();
  });
});
