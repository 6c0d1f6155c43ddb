import { expect, test } from './support/app';
import type { Locator, Page } from '@playwright/test';
import { WorkspaceShell } from './support/workspace';

/** Whether the focused element is inside `scope` (or is it). */
const focusInside = (scope: Locator) => scope.evaluate((el) => el.contains(document.activeElement));

/** Whether `el` is inert (itself or through an ancestor). */
const inert = (el: Locator) => el.evaluate((node) => node.closest('[inert]') !== null);

/** Tab and Shift+Tab, more times than the drawer has controls, never leave it. */
async function expectTabStaysIn(page: Page, scope: Locator, presses = 25): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      expect(await focusInside(scope), `${key} #${i + 1} stays inside`).toBe(true);
    }
  }
}

test.describe('phone drawers are modal', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
  });

  test('Tab stays inside, the rest is inert, Escape closes, focus returns to the opener', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    for (const pane of ['library', 'params'] as const) {
      const toggle = shell.toggle(pane);
      await toggle.focus();
      await page.keyboard.press('Enter');
      const drawer = shell.pane(pane);
      await expect(drawer).toBeVisible();
      await expect(drawer).toHaveAttribute('aria-modal', 'true');
      await expect.poll(() => focusInside(drawer), 'focus moves into the drawer').toBe(true);
      await expectTabStaysIn(page, drawer);

      // Everything else is inert: the top bar, the conversation, the skip link; the toasts are not.
      expect(await inert(toggle), 'the top bar').toBe(true);
      expect(await inert(app.composer), 'the conversation').toBe(true);
      expect(await inert(page.getByRole('button', { name: 'Skip to the message box' })), 'the skip link').toBe(true);
      expect(await inert(page.locator('[data-keep-live][aria-live]').first()), 'the toasts').toBe(false);
      expect(await inert(drawer)).toBe(false);

      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await expect(toggle).toBeFocused();
      expect(await inert(app.composer), 'nothing stays inert').toBe(false);
      expect(await page.locator('[inert]').count(), 'nothing stays inert').toBe(0);
    }
  });

  test('the Undo toast after a delete in the library drawer can be clicked', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.open();
    await app.sendAndWait('Alpha note [[reply:a]]');
    await app.newConversation();
    await app.sendAndWait('Beta note [[reply:b]]');
    await page.setViewportSize({ width: 390, height: 844 });

    await shell.toggle('library').click();
    const drawer = page.getByRole('dialog', { name: 'Library' });
    await expect(drawer).toBeVisible();
    await expect(app.conversations).toHaveCount(2);
    await app.library.action('Alpha note', 'Delete'); // not the open one: the drawer stays open
    await expect(app.library.conversation('Alpha note')).toHaveCount(0);
    await expect(drawer).toBeVisible();
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect(app.library.conversation('Alpha note')).toHaveCount(1);
    await expect(drawer).toBeVisible();
    // The toast took the focus with it; Escape still closes the drawer and focus goes back to its button.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(shell.toggle('library')).toBeFocused();
  });

  test('a dialog opened over a drawer works, and its Escape leaves the drawer open', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    await shell.toggle('params').click();
    const drawer = page.getByRole('dialog', { name: 'Settings' });
    const baseUrl = drawer.getByTestId('endpoint-base-url');
    await baseUrl.focus();
    await shell.openPalette();
    await page.keyboard.press('Escape');
    await expect(shell.palette).toBeHidden();
    await expect(drawer).toBeVisible();
    await expect(baseUrl).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });
});

/** The two popovers: the meter's details and the editor's shortcut list. */
const POPOVERS = [
  {
    name: 'meter details',
    trigger: (page: Page) => page.getByTestId('meter-details-toggle'),
    panel: (page: Page) => page.getByRole('dialog', { name: 'Token and cost details' }),
  },
  {
    name: 'editor shortcuts',
    trigger: (page: Page) => page.getByRole('button', { name: 'Editor keyboard shortcuts' }),
    panel: (page: Page) => page.getByRole('dialog', { name: 'Editor shortcuts' }),
  },
];

test.describe('popovers: Escape, outside click, focus return, axe', () => {
  // axe runs twice per test: slow on a busy 2-core machine, like the other axe tests.
  test.describe.configure({ timeout: 90_000 });
  test.beforeEach(async ({ app }) => {
    await app.open();
    await app.sendAndWait('Hello [[reply:Hi there]]');
  });

  for (const p of POPOVERS) {
    test(p.name, async ({ app, page }) => {
      const trigger = p.trigger(page);
      const panel = p.panel(page);
      await expect(trigger).toHaveAttribute('aria-expanded', 'false');
      await expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');

      // Keyboard: Enter opens and moves focus in; Escape closes and puts focus back.
      await trigger.focus();
      await page.keyboard.press('Enter');
      await expect(panel).toBeVisible();
      await expect(trigger).toHaveAttribute('aria-expanded', 'true');
      await expect(trigger).toHaveAttribute('aria-controls', (await panel.getAttribute('id'))!);
      await expect.poll(() => focusInside(panel), 'focus moves into the panel').toBe(true);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await new WorkspaceShell(page).seriousA11yViolations(), scheme).toEqual([]);
      }
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(trigger).toBeFocused();
      await expect(trigger).toHaveAttribute('aria-expanded', 'false');
      // That Escape closed the popover and did nothing else.
      await expect(app.messages).toHaveCount(2);

      // Pointer: a click outside closes it; a press inside does not; the button toggles it.
      await trigger.click();
      await expect(panel).toBeVisible();
      await panel.click({ position: { x: 4, y: 4 } });
      await expect(panel).toBeVisible();
      await app.messages.first().getByTestId('message-content').click();
      await expect(panel).toBeHidden();
      await trigger.click();
      await expect(panel).toBeVisible();
      await trigger.click();
      await expect(panel).toBeHidden();
    });

    test(`${p.name}: a dialog opened over it keeps it, and the dialog’s Escape is the dialog’s`, async ({ page }) => {
      const shell = new WorkspaceShell(page);
      const trigger = p.trigger(page);
      const panel = p.panel(page);
      await trigger.click();
      await expect(panel).toBeVisible();
      await expect.poll(() => focusInside(panel)).toBe(true);
      await shell.openPalette();
      await shell.paletteInput.click(); // a press inside the dialog is not outside the popover
      await page.keyboard.press('Escape');
      await expect(shell.palette).toBeHidden();
      await expect(panel).toBeVisible();
      await expect.poll(() => focusInside(panel), 'focus back in the panel').toBe(true);
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(trigger).toBeFocused();
    });
  }
});
