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
