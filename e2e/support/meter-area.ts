import { expect, type Locator } from '@playwright/test';
import type { PlaygroundPage } from './app';

/** The token meter: the estimate by the composer, the context bar, cost, reply figures, details and prices. */
export class MeterArea {
  constructor(private readonly app: PlaygroundPage) {}

  /** The token meter by the composer: estimate, context bar, cost; details in a popover. */
  get estimate(): Locator {
    return this.app.page.getByTestId('meter-prompt-estimate');
  }
  get contextBar(): Locator {
    return this.app.page.getByTestId('meter-context-bar');
  }
  get cost(): Locator {
    return this.app.page.getByTestId('meter-cost');
  }

  /** The meter's estimate as a number (waits until it shows one). */
  async estimatedTokens(): Promise<number> {
    await expect(this.estimate).toHaveText(/\d/);
    return Number((await this.estimate.innerText()).replace(/[^\d]/g, ''));
  }

  /**
   * Waits until a finished reply is settled in storage: its tokenizer count (counted in the worker
   * after the reply is saved) has landed, as its meter line shows. Snapshots (exports) taken
   * earlier would miss it.
   */
  async replySettled(reply: Locator = this.app.assistant()): Promise<void> {
    await expect(reply.getByTestId('reply-estimate').or(reply.getByTestId('reply-estimated-mark'))).toBeVisible({ timeout: 20_000 });
  }

  /** A figure of a reply's meter line: tokens, estimate, estimated mark, cost or speed. */
  replyFigure(reply: Locator, which: 'tokens' | 'estimate' | 'estimated-mark' | 'cost' | 'speed'): Locator {
    return reply.getByTestId(`reply-${which}`);
  }

  async openDetails(): Promise<Locator> {
    const details = this.app.page.getByTestId('meter-details');
    if (!(await details.isVisible())) await this.app.page.getByTestId('meter-details-toggle').click();
    await expect(details).toBeVisible();
    return details;
  }

  /** Types a price (USD per 1M tokens) into the meter's price table and commits it. */
  async setPrice(model: string, field: 'inputPrice' | 'cachedInputPrice' | 'outputPrice', value: string): Promise<void> {
    const details = await this.openDetails();
    const input = details.locator(`[data-testid="price-row"][data-model="${model}"]`).getByTestId(`price-${field}`);
    await input.fill(value);
    await input.press('Enter');
  }

  /** Sets a model fact (context window, prices, …) through the model facts editor. */
  async setModelFact(key: string, value: string): Promise<void> {
    const edit = this.app.page.getByTestId('model-facts-edit');
    if ((await edit.getAttribute('aria-expanded')) !== 'true') await edit.click();
    const input = this.app.page.getByTestId(`model-fact-${key}`);
    await input.fill(value);
    await input.press('Enter');
  }
}
