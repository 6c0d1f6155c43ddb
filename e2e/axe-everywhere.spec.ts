/**
 * axe-core (WCAG 2 A/AA, 2.1 AA, and best practice; serious and critical only) on every dialog and
 * view, in both themes, on one page: each state is opened in turn, checked, and closed again, and
 * the violations of all of them are reported together. Hover and keyboard-focus states of the main
 * controls are checked too, since their colours differ from the resting ones.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './support/app';
import { WorkspaceShell } from './support/workspace';

async function turnOn(page: Page, name: string, value?: string): Promise<void> {
  const toggle = page.getByTestId(`param-${name}-enabled`);
  if ((await toggle.getAttribute('aria-checked')) !== 'true' && !(await toggle.isChecked().catch(() => false))) await toggle.click();
  if (value === undefined) return;
  const control = page.getByTestId(`param-${name}`);
  if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
  else await control.fill(value);
}

const SHOTS = new Set(['compare, a token’s alternatives', 'code export', 'compare configurations', 'prompt grid', 'endpoint settings']);

/** Collects every state's violations, so one run names them all. */
class AxeLog {
  readonly found: Record<string, string[]> = {};
  private readonly shell: WorkspaceShell;
  constructor(
    readonly page: Page,
    readonly scheme: string,
  ) {
    this.shell = new WorkspaceShell(page);
  }
  /**
   * `scope`: check only that element (a dialog, a hovered control): the page around it is checked
   * in its own states, and a whole-page axe run per state made this spec take minutes.
   */
  async check(state: string, scope?: Locator): Promise<void> {
    if (scope) await scope.evaluate((el) => el.setAttribute('data-axe-scope', ''));
    const violations = await this.shell.seriousA11yViolations(scope ? '[data-axe-scope]' : undefined);
    if (scope) await scope.evaluate((el) => el.removeAttribute('data-axe-scope'));
    if (violations.length > 0) this.found[`${state} (${this.scheme})`] = violations;
    // A picture of each state in the test's output, to look at what axe looked at.
    if (SHOTS.has(state)) await this.page.screenshot({ path: test.info().outputPath(`${state.replace(/\W+/g, '-')}-${this.scheme}.png`) });
  }
  /** Opens a dialog with `open`, checks it, closes it with Escape. */
  async dialog(state: string, open: () => Promise<unknown>, dialog: Locator): Promise<void> {
    await open();
    await expect(dialog).toBeVisible();
    await this.check(state, dialog);
    await this.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  /** The mouse on each control (the previous one left), checked each time. */
  async hovered(controls: Record<string, Locator>): Promise<void> {
    for (const [name, control] of Object.entries(controls)) {
      await control.hover();
      await this.check(`${name} hovered`, control);
    }
    await this.page.mouse.move(0, 0);
  }
  /** Keyboard focus (focus-visible) on each control, checked each time. */
  async focused(controls: Record<string, Locator>): Promise<void> {
    for (const [name, control] of Object.entries(controls)) {
      await control.focus();
      await this.page.keyboard.press('Shift'); // a key press: Chromium shows :focus-visible as for Tab
      await this.check(`${name} focused`, control);
    }
  }
}

async function everyState(app: PlaygroundPage, page: Page, log: AxeLog, marker: string): Promise<void> {
  // The region each state changes (the rest of the page is checked in its own states and in
  // workspace.spec's whole-screen run): a whole-page axe run per state made this spec take minutes.
  const conversation = page.getByRole('main', { name: 'Conversation' });
  const settings = page.getByRole('complementary', { name: 'Settings' });
  // Compare with logprobs: two choices whose tokens carry alternatives.
  await turnOn(page, 'logprobs', 'true');
  await turnOn(page, 'top_logprobs', '3');
  await app.send(`${marker} compare these [[tokens:30]]`);
  const choices = page.getByTestId('choice');
  await expect(choices).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect(choices.nth(i)).toHaveAttribute('data-finish-reason', /stop|length/, { timeout: 30_000 });
  await expect(app.sendButton).toBeVisible();
  await log.check('compare', conversation);
  await page.getByRole('radio', { name: 'Tokens' }).click();
  await expect(choices.first().getByTestId('logprob-token').first()).toBeVisible();
  await log.check('compare, tokens with logprobs', conversation);
  await choices.first().getByTestId('logprob-token').nth(2).hover();
  await expect(page.getByTestId('logprob-alternatives')).toBeVisible();
  await log.check('compare, a token’s alternatives', page.getByTestId('logprob-alternatives'));
  await page.getByRole('radio', { name: 'Diff' }).click();
  await log.check('compare, diff', conversation);

  // Dialogs, one after the other.
  const shell = new WorkspaceShell(page);
  await log.dialog('shortcuts', () => page.getByTestId('shortcuts-button').click(), shell.shortcutsDialog);
  await log.dialog('command palette', () => shell.openPalette(), shell.palette);
  await expect(page.getByTestId('compare-configs-button')).toBeEnabled();
  await log.dialog(
    'compare configurations',
    () => page.getByTestId('compare-configs-button').click(),
    page.getByTestId('compare-configs-dialog'),
  );
  await log.dialog('share link', () => page.getByTestId('share-link-button').click(), page.getByRole('dialog', { name: 'Share link' }));
  await log.dialog('code export', () => page.getByTestId('code-export-button').click(), page.getByRole('dialog', { name: 'Code export' }));
  await log.dialog(
    'import',
    async () => {
      await page.getByRole('button', { name: 'More export and import options' }).click();
      await log.check('export menu', page.getByRole('menu'));
      await page.getByRole('menuitem', { name: /Import file or link/ }).click();
    },
    page.getByRole('dialog', { name: 'Import' }),
  );
  await log.dialog('storage', () => page.getByTestId('storage-button').click(), page.getByTestId('storage-dialog'));
  await log.dialog(
    'prompt grid',
    async () => {
      await page.getByTestId('grid-open-button').click();
      await page.getByTestId('grid-rows-input').fill('answer\n[[reply:Alpha]]\n[[reply:Bravo]]');
      await page.getByRole('button', { name: 'Add rows' }).click();
      await expect(page.getByTestId('grid-row')).toHaveCount(2);
    },
    page.getByRole('dialog', { name: 'Prompt grid' }),
  );
  await log.dialog('meter details and price table', () => app.meter.openDetails(), page.getByTestId('meter-details'));

  // The message editor, open on the first message.
  const first = app.messages.first();
  await app.edit(first);
  await log.check('message editor', conversation);
  await first.hover();
  await first.getByRole('button', { name: 'More actions' }).click();
  await log.check('message menu', page.getByRole('menu'));
  await page.getByRole('menuitem', { name: 'Raw JSON of this message' }).click();
  await expect(first.getByTestId('raw-json-input')).toBeVisible();
  await log.check('raw JSON of a message', conversation);
  await first.getByRole('button', { name: 'Cancel' }).click();

  // Endpoint settings: a new blank profile, its extra headers and provider rules open.
  await page.getByTestId('endpoint-add').selectOption('blank');
  await page.getByTestId('endpoint-base-url').fill('https://api.example.test/v1');
  await page.getByRole('button', { name: /Extra headers/ }).click();
  await log.check('endpoint settings', settings);
  await page.getByTestId('endpoint-select').selectOption({ label: 'Reference endpoint (built-in)' });

  // The Variables panel, with one value missing.
  await app.newConversation();
  await app.composer.fill(`${marker} Weather in {{city}}?`);
  await expect(page.locator('[data-testid="variable-input"][data-name="city"]')).toBeVisible();
  await log.check('variables panel', settings);

  // Hover and keyboard focus on the main controls.
  await app.composer.fill(`${marker} ready to send`);
  const controls = {
    Send: app.sendButton,
    'New conversation': page.getByTestId('new-conversation-button'),
    'a conversation in the library': app.conversations.first(),
    'Share link': page.getByTestId('share-link-button'),
    'Settings toggle': shell.toggle('params'),
    'a parameter switch': page.getByTestId('param-temperature-enabled'),
  };
  await log.hovered(controls);
  await log.focused(controls);

  // The read-only preview of a share link, opened as the person who got it.
  await app.newConversation();
  await app.sendAndWait(`${marker} shared [[reply:## Shared\n\nA **reply** with \`code\`.]]`);
  const link = await app.share.link();
  await page.keyboard.press('Escape');
  await page.goto(link);
  await expect(page.getByTestId('share-preview')).toBeVisible();
  await log.check('share preview');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in any dialog or view (${scheme})`, async ({ app, page }) => {
    test.setTimeout(300_000); // ~30 axe runs on a busy 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    await app.open('?n=2');
    const log = new AxeLog(page, scheme);
    await everyState(app, page, log, `axe-all-${scheme}-${Date.now()}`);
    expect(log.found).toEqual({});
  });
}
