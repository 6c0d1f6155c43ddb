import { expect, type Locator } from '@playwright/test';
import type { PlaygroundPage } from './app';

/** The sidebar library: search, rows and their actions, storage notices. */
export class LibraryArea {
  constructor(private readonly app: PlaygroundPage) {}

  get search(): Locator {
    return this.app.page.getByTestId('conversation-search');
  }
  conversation(title: string | RegExp): Locator {
    return this.app.conversations.filter({ hasText: title });
  }
  /** Opens it from the sidebar and waits until its messages are the ones shown. */
  async open(title: string | RegExp): Promise<void> {
    const open = this.conversation(title).first().getByRole('button').first();
    await open.click();
    await expect(open).toHaveAttribute('aria-current', 'page');
    const name = (await open.getByTestId('conversation-title').textContent()) ?? '';
    await expect(this.app.page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(name);
  }
  /** Runs a row action: Rename and Delete are on the row, the rest in its "More actions" menu. */
  async action(title: string | RegExp, action: string): Promise<void> {
    const row = this.conversation(title).first();
    await row.hover();
    const direct = row.getByRole('button', { name: action, exact: true });
    if ((await direct.count()) > 0) return direct.click();
    await row.getByRole('button', { name: 'More actions' }).click();
    await this.app.page.getByRole('menuitem', { name: action }).click();
  }
  storageBanner(kind?: string): Locator {
    const all = this.app.page.getByTestId('storage-banner');
    return kind ? all.and(this.app.page.locator(`[data-kind="${kind}"]`)) : all;
  }
}
