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

  /** The value control and the send switch of a parameter (test contract `param-<name>`). */
  param(name: string): Locator {
    return this.page.getByTestId(`param-${name}`);
  }
  paramSwitch(name: string): Locator {
    return this.page.getByTestId(`param-${name}-enabled`);
  }
  async setParamOn(name: string, on: boolean): Promise<void> {
    const sw = this.paramSwitch(name);
    if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', String(on));
  }

  /** The body the next request will send, as the preview shows it. */
  async previewBody(): Promise<Record<string, unknown>> {
    return JSON.parse(await this.page.getByTestId('request-preview').innerText()) as Record<string, unknown>;
  }

  /** The request the reference endpoint received whose body contains `marker`. */
  async receivedWith(marker: string): Promise<{ body: Record<string, unknown>; headers: Record<string, string> }> {
    const found = (await this.receivedRequests()).filter((r) => JSON.stringify(r.body).includes(marker)).at(-1);
    if (!found) throw new Error(`no request containing ${marker} reached the reference endpoint`);
    return found;
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
