import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { LibraryArea } from './library-area';
import { MeterArea } from './meter-area';
import { ShareArea } from './share-area';

/** A page object over the test-contract hooks: tests read like what a person does. */
export class PlaygroundPage {
  /** Per-area page objects: `app.library`, `app.meter`, `app.share` (editor and workspace helpers live beside them). */
  readonly library = new LibraryArea(this);
  readonly meter = new MeterArea(this);
  readonly share = new ShareArea(this);

  constructor(readonly page: Page) {}

  /**
   * For the shared app: whatever the previous test left (a run still going, a dialog, a broken
   * page), ends it and opens a new, empty conversation.
   */
  async fresh(): Promise<void> {
    await this.page.keyboard.press('Escape');
    if (!(await this.composer.isVisible())) await this.open();
    if (await this.stopButton.isVisible()) await this.stopButton.click();
    await expect(this.sendButton).toBeVisible();
    await this.newConversation();
  }

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

  get retryCountdown(): Locator {
    return this.page.getByTestId('retry-countdown');
  }

  /**
   * Needs `page.clock.install()` before the page loaded. Until `settled` passes, skips each retry's
   * back-off (Retry-After or exponential, at most 1 s here) on the fake clock as soon as its countdown
   * shows, instead of waiting it out.
   */
  async skipRetryWaits(settled: () => Promise<void>, timeout = 20_000): Promise<void> {
    await expect(async () => {
      if (await this.retryCountdown.isVisible()) await this.page.clock.fastForward(1000);
      await settled();
    }).toPass({ timeout, intervals: [100, 250, 500] });
  }

  /** How many requests whose body contains `marker` reached the reference endpoint (of its last 50). */
  async requestCount(marker: string): Promise<number> {
    return (await this.receivedRequests()).filter((r) => JSON.stringify(r.body).includes(marker)).length;
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

  // Library (sidebar)
  async newConversation(): Promise<void> {
    await this.page.getByTestId('new-conversation-button').click();
    await expect(this.messages).toHaveCount(0);
  }
  /** Editor: appends an empty message with `role` and types `text` into it. */
  async addMessage(role: string, text = ''): Promise<Locator> {
    const before = await this.messages.count();
    await this.page.getByTestId('add-message-button').click();
    const message = this.messages.nth(before);
    await message.getByTestId('message-role-select').selectOption(role);
    if (text !== '') await message.getByTestId('message-text-input').fill(text);
    return message;
  }

  /** Runs one of a message's own actions (Move up, Delete message, …) as a person would, hovering it first. */
  async messageAction(message: Locator, label: string): Promise<void> {
    await message.hover();
    await message.getByRole('button', { name: label, exact: true }).click();
  }

  /** Editor: opens the editor of a message unless it is open already; returns its text box. */
  async edit(message: Locator): Promise<Locator> {
    const input = message.getByTestId('message-text-input');
    if (!(await input.isVisible())) await message.getByTestId('edit-message-button').click();
    await expect(input).toBeVisible();
    return input;
  }

  /**
   * Writes conversations and messages straight into the app's IndexedDB (as an earlier session
   * would have left them) and makes `activeId` the open one on the next load.
   */
  async seed(conversations: unknown[], messages: unknown[], activeId: string | null = null): Promise<void> {
    await this.page.evaluate(
      async ({ conversations, messages, activeId }) => {
        // The app creates its database a moment after the first screen: until it has, opening it
        // here would create an empty one (and the write below fail on a missing store). Wait for it.
        const openIfCreated = () =>
          new Promise<IDBDatabase | null>((resolve, reject) => {
            const req = indexedDB.open('chat-playground');
            let creating = false;
            req.onupgradeneeded = () => {
              creating = true;
              req.transaction?.abort(); // never create it ourselves
            };
            req.onsuccess = () => {
              if (req.result.objectStoreNames.contains('messages')) return resolve(req.result);
              req.result.close();
              resolve(null);
            };
            req.onerror = () => (creating ? resolve(null) : reject(req.error ?? new Error('open failed')));
          });
        let db: IDBDatabase | null = null;
        for (let i = 0; i < 300 && db === null; i++) {
          db = await openIfCreated();
          if (db === null) await new Promise((r) => setTimeout(r, 50));
        }
        if (db === null) throw new Error('the app did not create its database within 15 s');
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['conversations', 'messages'], 'readwrite');
          for (const c of conversations) tx.objectStore('conversations').put(c);
          for (const m of messages) tx.objectStore('messages').put(m);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        });
        db.close();
        const raw = localStorage.getItem('pg.workspace');
        const saved = raw ? (JSON.parse(raw) as { state: Record<string, unknown>; version: number }) : { state: {}, version: 1 };
        saved.state = { ...saved.state, activeConversationId: activeId };
        localStorage.setItem('pg.workspace', JSON.stringify(saved));
      },
      { conversations, messages, activeId },
    );
  }

  /** Deletes everything the app stored in this browser and reloads. */
  async wipeStorage(): Promise<void> {
    await this.page.goto('/__ref/health'); // same origin, no app holding the database open
    await this.page.evaluate(async () => {
      localStorage.clear();
      await new Promise((resolve, reject) => {
        const req = indexedDB.deleteDatabase('chat-playground');
        req.onsuccess = resolve;
        req.onerror = reject;
      });
    });
    await this.page.goto('/');
    await expect(this.composer).toBeVisible();
  }

  /** What the reference endpoint received, newest last. */
  async receivedRequests(): Promise<{ body: Record<string, unknown>; headers: Record<string, string> }[]> {
    const res = await this.page.request.get('/__ref/requests');
    return (await res.json()) as { body: Record<string, unknown>; headers: Record<string, string> }[];
  }
}

/**
 * Runs `assertion`, reloads the page, waits for the app, and runs it again: the state it checks is
 * stored, not only shown.
 */
export async function expectBeforeAndAfterReload(page: Page, assertion: () => Promise<unknown>): Promise<void> {
  await base.step('before reload', async () => {
    await assertion();
  });
  await page.reload();
  await expect(page.getByTestId('composer-input')).toBeVisible();
  await base.step('after reload', async () => {
    await assertion();
  });
}

export const test = base.extend<
  { app: PlaygroundPage; sharedApp: PlaygroundPage },
  { sharedApps: (file: string) => Promise<PlaygroundPage> }
>({
  app: async ({ page }, use) => {
    await use(new PlaygroundPage(page));
  },
  /**
   * One app per spec file and worker, started once and reused by the tests of that file that opt in
   * (each starts with `await sharedApp.fresh()`, a new conversation): for many short cases that only
   * need a new conversation, not a new browser profile. Not for tests that change settings, install
   * a fake clock or look at storage as a whole; those take `app`, a fresh context each. No trace or
   * failure screenshot is recorded for it.
   */
  sharedApp: async ({ sharedApps }, use, testInfo) => {
    await use(await sharedApps(testInfo.file));
  },
  sharedApps: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, serviceWorkers } = workerInfo.project.use;
      const apps = new Map<string, Promise<PlaygroundPage>>();
      await use((file) => {
        let app = apps.get(file);
        if (!app) {
          app = (async () => {
            const context = await browser.newContext({
              baseURL,
              viewport,
              userAgent,
              deviceScaleFactor,
              isMobile,
              hasTouch,
              serviceWorkers,
            });
            const shared = new PlaygroundPage(await context.newPage());
            await shared.open();
            return shared;
          })();
          apps.set(file, app);
        }
        return app;
      });
      for (const app of apps.values()) await (await app).page.context().close();
    },
    { scope: 'worker' },
  ],
});

export { expect };
