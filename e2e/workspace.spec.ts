import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReferenceServer } from '../server/app';
import { expect, expectBeforeAndAfterReload, test } from './support/app';
import { WorkspaceShell } from './support/workspace';

test.describe('panes', () => {
  test('collapsing a side pane is remembered across a reload', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    await expect(shell.pane('library')).toBeVisible();
    await shell.toggle('library').click();
    await expect(shell.pane('library')).toBeHidden();
    await expect(shell.toggle('library')).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ControlOrMeta+Alt+B');
    await expectBeforeAndAfterReload(page, async () => {
      await expect(shell.pane('library')).toBeHidden();
      await expect(shell.pane('params')).toBeHidden();
    });

    await page.keyboard.press('ControlOrMeta+B');
    await expect(shell.pane('library')).toBeVisible();
    await shell.toggle('params').click();
    await expect(shell.pane('params')).toBeVisible();
  });

  test('a long title is cut short in the header; the conversation tools stay in reach', async ({ app, page }) => {
    await app.open();
    await app.sendAndWait(
      'A very long first message that becomes the title of this conversation, far longer than the header has room for [[reply:ok]]',
    );
    const header = page.getByRole('main', { name: 'Conversation' }).locator(':scope > header');
    const right = await header.evaluate((h) => h.getBoundingClientRect().right);
    for (const id of ['compare-configs-button', 'share-link-button', 'code-export-button', 'export-json-button']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.x + box!.width, `${id} inside the header`).toBeLessThanOrEqual(right);
    }
    await page.getByTestId('share-link-button').click();
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('resized panes keep their width after a reload; the separator works by keyboard', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    const library = await shell.paneWidth('library');
    const params = await shell.paneWidth('params');
    await shell.dragResizer('library', 80);
    await shell.dragResizer('params', -60);
    await expectBeforeAndAfterReload(page, async () => {
      await expect.poll(() => shell.paneWidth('library')).toBeCloseTo(library + 80, -1);
      await expect.poll(() => shell.paneWidth('params')).toBeCloseTo(params + 60, -1);
    });

    const separator = page.getByRole('separator', { name: 'Resize library' });
    const before = Number(await separator.getAttribute('aria-valuenow'));
    await separator.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(separator).toHaveAttribute('aria-valuenow', String(before - 16));
    await page.keyboard.press('Enter');
    await expect(shell.pane('library')).toBeHidden();
  });

  test('on a phone the side panes are drawers', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await app.open();
    await expect(shell.pane('library')).toBeHidden();
    await expect(shell.pane('params')).toBeHidden();
    await app.sendAndWait('[[reply:First]]');

    await shell.toggle('library').click();
    const drawer = page.getByRole('dialog', { name: 'Library' });
    await expect(drawer).toBeVisible();
    await expect(app.conversations).toHaveCount(1);
    await drawer.getByTestId('new-conversation-button').click();
    await expect(app.messages).toHaveCount(0);

    await shell.toggle('params').click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings).toBeVisible();
    await expect(settings.getByTestId('endpoint-base-url')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();

    await shell.toggle('library').click();
    await app.conversations.first().click();
    await expect(drawer).toBeHidden();
    await expect(app.assistant()).toContainText('First');
  });
});

test.describe('theme', () => {
  test('light, dark and system; the choice survives a reload', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await app.open();
    expect(await shell.isDark()).toBe(false);
    await shell.chooseTheme('Dark');
    await expectBeforeAndAfterReload(page, async () => {
      await expect.poll(() => shell.isDark()).toBe(true);
      await expect(page.getByRole('radio', { name: 'Dark theme' })).toHaveAttribute('aria-checked', 'true');
    });

    await shell.chooseTheme('System');
    await expect.poll(() => shell.isDark()).toBe(false);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => shell.isDark()).toBe(true);
    await shell.chooseTheme('Light');
    await expect.poll(() => shell.isDark()).toBe(false);
  });
});

test.describe('keyboard', () => {
  test('the command palette runs actions and opens conversations by name', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    await app.sendAndWait('Alpha question [[reply:alpha answer]]');
    await shell.runFromPalette('new conversation');
    await expect(app.messages).toHaveCount(0);
    await expect(app.composer).toBeFocused();
    await app.sendAndWait('Beta question [[reply:beta answer]]');
    await expect(app.conversations).toHaveCount(2);

    await shell.openPalette();
    await expect(page.getByTestId('command-conversation')).toHaveCount(2);
    await shell.paletteInput.fill('Alpha');
    await expect(page.getByTestId('command-conversation')).toHaveCount(1);
    await shell.paletteInput.press('Enter');
    await expect(app.assistant()).toContainText('alpha answer');

    await shell.runFromPalette('theme dark');
    await expect.poll(() => shell.isDark()).toBe(true);
    await shell.runFromPalette('hide the library');
    await expect(shell.pane('library')).toBeHidden();

    await shell.openPalette();
    await page.keyboard.press('Escape');
    await expect(shell.palette).toBeHidden();
  });

  test('? shows every shortcut; / focuses the message box', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+?');
    await expect(shell.shortcutsDialog).toBeVisible();
    for (const text of ['Open the command palette', 'New conversation', 'Show or hide the library', 'Send the conversation']) {
      await expect(shell.shortcutsDialog).toContainText(text);
    }
    await page.keyboard.press('Escape');
    await expect(shell.shortcutsDialog).toBeHidden();
    await page.keyboard.press('/');
    await expect(app.composer).toBeFocused();
    // Typing '?' into the message box types it.
    await page.keyboard.type('why?');
    await expect(app.composer).toHaveValue('why?');
    await expect(shell.shortcutsDialog).toBeHidden();
  });

  test('the first Tab offers a skip link to the message box', async ({ app, page }) => {
    await app.open();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: 'Skip to the message box' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.composer).toBeFocused();
  });

  test('a finished reply is announced politely', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    await expect(shell.announcer).toHaveAttribute('aria-live', 'polite');
    await app.sendAndWait('[[reply:The answer is forty-two.]]');
    await expect(shell.announcer).toHaveText('Reply finished: The answer is forty-two.');
  });
});

test.describe('first run', () => {
  test('the welcome explains the reference endpoint and sets a provider preset', async ({ app, page }) => {
    const shell = new WorkspaceShell(page);
    await app.open();
    await expect(shell.welcome).toContainText('built-in reference endpoint');
    await shell.welcome.getByRole('button', { name: /Ollama/ }).click();
    await expect(shell.welcome).toBeHidden();
    await expect(page.getByTestId('endpoint-base-url')).toHaveValue('http://localhost:11434/v1');
    await expect(page.getByTestId('toast')).toContainText('Ollama');
    await page.reload();
    await expect(app.composer).toBeVisible();
    await expect(shell.welcome).toBeHidden();

    await shell.runFromPalette('welcome');
    await expect(shell.welcome).toBeVisible();
    await shell.welcome.getByRole('button', { name: 'Keep the reference endpoint' }).click();
    await expect(shell.welcome).toBeHidden();
  });
});

test.describe('offline and hosting', () => {
  test.use({ serviceWorkers: 'allow' }); // blocked elsewhere (playwright.config.ts)
  test('the app shell reloads offline once the service worker installed it', async ({ app, page, context }) => {
    const shell = new WorkspaceShell(page);
    await page.clock.install(); // the failed request's retries are skipped, not waited out
    await app.open();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(app.composer).toBeVisible();
    // A lazily loaded chunk comes from the cache too.
    await shell.openPalette();
    await expect(page.getByTestId('command-item').first()).toBeVisible();
    await page.keyboard.press('Escape');
    // The API is never served from the cache: offline, a request fails readably.
    await app.send('Anyone there?');
    await app.skipRetryWaits(() => expect(app.errorBanner).toBeVisible({ timeout: 500 }));
    await context.setOffline(false);
  });

  test('the build works from a sub-path, reference endpoint included', async ({ app, page }) => {
    // Serve the same build under /deep/sub/ by rewriting paths, as a static host would.
    await page.route(/\/deep\/sub\//, async (route) => {
      const url = new URL(route.request().url());
      url.pathname = url.pathname.replace('/deep/sub', '');
      await route.fulfill({ response: await route.fetch({ url: url.href }) });
    });
    await page.goto('/deep/sub/');
    await expect(app.composer).toBeVisible();
    await expect(page.getByTestId('endpoint-base-url')).toHaveValue(/\/deep\/sub\/v1$/);
    const reply = await app.sendAndWait('[[reply:served from a sub-path]]');
    await expect(reply).toContainText('served from a sub-path');
  });
});

test.describe('accessibility (axe)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`main screens have no serious or critical violations (${scheme})`, async ({ app, page }) => {
      test.setTimeout(180_000); // axe runs five times; slow on a busy machine
      const shell = new WorkspaceShell(page);
      await page.emulateMedia({ colorScheme: scheme });
      await page.clock.install(); // the error screen's retries are skipped, not waited out
      await app.open();
      expect(await shell.seriousA11yViolations(), `first run, ${scheme}`).toEqual([]);
      await app.sendAndWait('Show me [[reply:## Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```]]');
      await expect(app.sendButton).toBeVisible(); // the run is over: Send is back in place of Stop
      expect(await shell.seriousA11yViolations(), `conversation, ${scheme}`).toEqual([]);
      await shell.openPalette();
      expect(await shell.seriousA11yViolations(), `palette, ${scheme}`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('shortcuts-button').click();
      await expect(shell.shortcutsDialog).toBeVisible();
      expect(await shell.seriousA11yViolations(), `shortcuts, ${scheme}`).toEqual([]);
      await page.keyboard.press('Escape');
      await app.send('[[fault:500]]');
      await app.skipRetryWaits(() => expect(app.errorBanner).toBeVisible({ timeout: 500 }));
      expect(await shell.seriousA11yViolations(), `error, ${scheme}`).toEqual([]);
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`Send hovered and Stop while streaming keep their contrast (${scheme})`, async ({ app, page }) => {
      test.setTimeout(120_000);
      const shell = new WorkspaceShell(page);
      await page.emulateMedia({ colorScheme: scheme });
      await app.open();
      await app.composer.fill('ready to send');
      await app.sendButton.hover();
      expect(await shell.seriousA11yViolations(), `Send hovered, ${scheme}`).toEqual([]);
      // A slow reply keeps Stop on screen while axe looks at it, and then with the mouse on it.
      await app.send('[[rate:4]] [[tokens:200]]');
      await expect(app.stopButton).toBeVisible();
      expect(await shell.seriousA11yViolations(), `Stop, ${scheme}`).toEqual([]);
      await app.stopButton.hover();
      expect(await shell.seriousA11yViolations(), `Stop hovered, ${scheme}`).toEqual([]);
      await app.stopButton.click();
    });
  }

  test('phone layout with a drawer open has no serious or critical violations', async ({ app, page }) => {
    test.setTimeout(120_000);
    const shell = new WorkspaceShell(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await app.open();
    expect(await shell.seriousA11yViolations(), 'phone').toEqual([]);
    await shell.toggle('params').click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    expect(await shell.seriousA11yViolations(), 'phone settings drawer').toEqual([]);
    await page.keyboard.press('Escape');
    await shell.toggle('library').click();
    await expect(page.getByRole('dialog', { name: 'Library' })).toBeVisible();
    expect(await shell.seriousA11yViolations(), 'phone library drawer').toEqual([]);
  });
});

test.describe('updates', () => {
  test.use({ serviceWorkers: 'allow' });
  test('a new deployment offers a reload that activates it', async ({ app, page }) => {
    // A deployment of our own: a copy of the e2e build, served by a second reference server.
    const dir = mkdtempSync(path.join(tmpdir(), 'pg-deploy-'));
    cpSync(path.resolve('.e2e-dist'), dir, { recursive: true });
    const server = createReferenceServer({ staticDir: dir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await page.goto(origin);
      await expect(app.composer).toBeVisible();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await expect(page.getByTestId('toast')).toHaveCount(0);

      // Deploy a new build, then let the open tab look for it.
      const sw = path.join(dir, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace(/pg-shell-[0-9a-f]+/, 'pg-shell-nextbuild'));
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const prompt = page.getByTestId('toast').filter({ hasText: 'new version' });
      await expect(prompt).toBeVisible();
      await page.evaluate(() => void ((window as unknown as { oldPage?: boolean }).oldPage = true));
      await prompt.getByRole('button', { name: 'Reload' }).click();
      // The page reloads once the new version controls it (its install can take a while on a busy machine).
      const reloaded = () => page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage !== true).catch(() => false);
      await expect.poll(reloaded, { timeout: 60_000 }).toBe(true);
      await expect(app.composer).toBeVisible();
      await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['pg-shell-nextbuild']);
    } finally {
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
