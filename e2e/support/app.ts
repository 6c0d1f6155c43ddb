import { expect, test as base, type Locator, type Page } from '@playwright/test';

/** A page object over the test-contract hooks: tests read like what a person does. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.composer).toBeVisible();
  }

  get composer(): Locator {
    return this.page.getByTestId('composer-input');
  }
  get sendButton(): Locator {
    return this.page.getByTestId('send-button');
  }
  get stopButton(): Locator {
    return this.page.getByTestId('stop-button');
  }
  get messages(): Locator {
    return this.page.getByTestId('message');
  }
  get errorBanner(): Locator {
    return this.page.getByTestId('error-banner');
  }
  get conversations(): Locator {
    return this.page.getByTestId('conversation-item');
  }

  assistant(nth = -1): Locator {
    const all = this.page.locator('[data-testid="message"][data-role="assistant"]');
    return nth < 0 ? all.last() : all.nth(nth);
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('ControlOrMeta+Enter');
  }

  /** Sends and waits until the reply has left the streaming state. */
  async sendAndWait(text: string): Promise<Locator> {
    const before = await this.page.locator('[data-testid="message"][data-role="assistant"]').count();
    await this.send(text);
    const reply = this.page.locator('[data-testid="message"][data-role="assistant"]').nth(before);
    await expect(reply).not.toHaveAttribute('data-status', 'streaming', { timeout: 20_000 });
    await expect(reply).toHaveAttribute('data-status', /.+/);
    return reply;
  }

  // Library (sidebar)
  async newConversation(): Promise<void> {
    await this.page.getByTestId('new-conversation-button').click();
    await expect(this.messages).toHaveCount(0);
  }
  get search(): Locator {
    return this.page.getByTestId('conversation-search');
  }
  conversation(title: string | RegExp): Locator {
    return this.conversations.filter({ hasText: title });
  }
  /** Opens it from the sidebar and waits until its messages are the ones shown. */
  async openConversation(title: string | RegExp): Promise<void> {
    const open = this.conversation(title).first().getByRole('button').first();
    await open.click();
    await expect(open).toHaveAttribute('aria-current', 'page');
    const name = (await open.getByTestId('conversation-title').textContent()) ?? '';
    await expect(this.page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(name);
  }
  /** Runs a row action: Rename and Delete are on the row, the rest in its "More actions" menu. */
  async conversationAction(title: string | RegExp, action: string): Promise<void> {
    const row = this.conversation(title).first();
    await row.hover();
    const direct = row.getByRole('button', { name: action, exact: true });
    if ((await direct.count()) > 0) return direct.click();
    await row.getByRole('button', { name: 'More actions' }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }
  storageBanner(kind?: string): Locator {
    const all = this.page.getByTestId('storage-banner');
    return kind ? all.and(this.page.locator(`[data-kind="${kind}"]`)) : all;
  }

  /** What the reference endpoint received, newest last. */
  async receivedRequests(): Promise<{ body: Record<string, unknown>; headers: Record<string, string> }[]> {
    const res = await this.page.request.get('/__ref/requests');
    return (await res.json()) as { body: Record<string, unknown>; headers: Record<string, string> }[];
  }
}

export const test = base.extend<{ app: PlaygroundPage }>({
  app: async ({ page }, use) => {
    await use(new PlaygroundPage(page));
  },
});

export { expect };
