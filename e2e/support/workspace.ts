import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace shell: panes, theme, palette, shortcuts, welcome. */
export class WorkspaceShell {
  constructor(readonly page: Page) {}

  pane(name: 'library' | 'params'): Locator {
    return this.page.getByTestId(`pane-${name}`);
  }
  resizer(name: 'library' | 'params'): Locator {
    return this.page.getByTestId(`resize-${name}`);
  }
  toggle(name: 'library' | 'params'): Locator {
    return this.page.getByTestId(`toggle-${name}`);
  }
  get palette(): Locator {
    return this.page.getByTestId('command-palette');
  }
  get paletteInput(): Locator {
    return this.page.getByTestId('command-palette-input');
  }
  get shortcutsDialog(): Locator {
    return this.page.getByTestId('shortcuts-dialog');
  }
  get welcome(): Locator {
    return this.page.getByTestId('welcome');
  }
  get announcer(): Locator {
    return this.page.getByTestId('reply-announcer');
  }

  async paneWidth(name: 'library' | 'params'): Promise<number> {
    return (await this.pane(name).boundingBox())?.width ?? 0;
  }

  /** Drags a pane's separator sideways by dx pixels. */
  async dragResizer(name: 'library' | 'params', dx: number): Promise<void> {
    const box = await this.resizer(name).boundingBox();
    if (!box) throw new Error(`no ${name} resizer`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y, { steps: 4 });
    await this.page.mouse.move(x + dx, y, { steps: 4 });
    await this.page.mouse.up();
  }

  async chooseTheme(theme: 'Light' | 'Dark' | 'System'): Promise<void> {
    await this.page.getByRole('radio', { name: `${theme} theme` }).click();
  }

  async isDark(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains('dark'));
  }

  async openPalette(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K');
    await expect(this.paletteInput).toBeFocused();
  }

  /** Opens the palette, types, and runs the highlighted entry. */
  async runFromPalette(query: string): Promise<void> {
    await this.openPalette();
    await this.paletteInput.fill(query);
    await this.paletteInput.press('Enter');
    await expect(this.palette).toBeHidden();
  }

  /** axe-core on the page as it is: serious and critical violations, readable. */
  /** `include`: a CSS selector to check only that part (a dialog, a control) instead of the whole page. */
  async seriousA11yViolations(include?: string): Promise<string[]> {
    // Colours mid-transition (a theme switch, a hover) are not what a person reads: let them finish.
    await this.page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
    const builder = new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
    const result = await (include ? builder.include(include) : builder).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n  ')}`,
      );
  }
}
