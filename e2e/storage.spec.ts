import { readFile } from 'node:fs/promises';
import { defaultRequestParams } from '../src/domain/params';
import { expect, test, PlaygroundPage } from './support/app';
import {
  databaseVersion,
  holdDatabaseOpen,
  overrideQuota,
  releaseDatabase,
  storedReplies,
  writeV1Database,
  type RawConversation,
} from './support/idb';

const PARAMS = defaultRequestParams('ref-chat');

// Multi-step journeys through the library; the shared 2-core machine can be slow.
test.describe.configure({ timeout: 90_000 });

test.describe('several tabs', () => {
  test('the open conversation deleted in another tab: this tab says so, and can restore it', async ({ app, context }) => {
    await app.open();
    const marker = `deleted elsewhere ${Date.now()}`;
    await app.sendAndWait(`${marker} [[reply:still here in this tab]]`);
    const other = new PlaygroundPage(await context.newPage());
    await other.open();
    await other.library.action(marker, 'Delete');
    await expect(other.library.conversation(marker)).toHaveCount(0);

    const notice = app.page.getByTestId('conversation-deleted-elsewhere');
    await expect(notice).toContainText('This conversation was deleted in another tab.');
    await expect(app.messages).toHaveCount(0);
    await notice.getByRole('button', { name: 'Restore from this tab' }).click();
    await expect(notice).toHaveCount(0);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('still here in this tab');
    await expect(other.library.conversation(marker)).toHaveCount(1);

    // Deleted again: a new conversation is the other way out.
    await other.library.action(marker, 'Delete');
    await notice.getByRole('button', { name: 'New conversation' }).click();
    await expect(notice).toHaveCount(0);
    await expect(app.composer).toBeVisible();
    await expect(app.messages).toHaveCount(0);
  });

  test('changes in one tab show in the other', async ({ app, context }) => {
    await app.open();
    const other = new PlaygroundPage(await context.newPage());
    await other.open();
    await app.sendAndWait('Shared topic [[reply:seen everywhere]]');
    await expect(other.library.conversation('Shared topic')).toHaveCount(1);
    await other.library.open('Shared topic');
    await expect(other.assistant().getByTestId('message-content')).toHaveText('seen everywhere');
    // A reply streaming in one tab grows in the other (throttled saves).
    await app.send('More [[rate:30]] [[tokens:200]]');
    await expect(other.assistant().getByTestId('message-content')).toContainText(/\w+ \w+ \w+/, { timeout: 30_000 });
    await expect(other.assistant()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await other.library.action('Shared topic', 'Rename');
    const title = other.page.getByRole('textbox', { name: 'Conversation title' });
    await title.fill('Renamed in the other tab');
    await title.press('Enter');
    await expect(app.conversations.first()).toContainText('Renamed in the other tab');
  });

  test('two tabs renaming the same conversation: the second is told, not silently overwritten', async ({ app, context }) => {
    await app.open();
    await app.sendAndWait('Contested [[reply:ok]]');
    const other = new PlaygroundPage(await context.newPage());
    await other.open();
    await app.library.action('Contested', 'Rename');
    await other.library.action('Contested', 'Rename');
    const mine = app.page.getByRole('textbox', { name: 'Conversation title' });
    const theirs = other.page.getByRole('textbox', { name: 'Conversation title' });
    await theirs.fill('Title from tab B');
    await theirs.press('Enter');
    await expect(app.page.getByRole('textbox', { name: 'Conversation title' })).toBeVisible();
    await mine.fill('Title from tab A');
    await mine.press('Enter');
    const notice = app.page.getByTestId('toast').filter({ hasText: 'renamed in another tab' });
    await expect(notice).toContainText('Title from tab B');
    await expect(app.conversations.first()).toContainText('Title from tab B');
    await notice.getByRole('button', { name: 'Use “Title from tab A”' }).click();
    await expect(other.conversations.first()).toContainText('Title from tab A');
  });

  test('settings edited in two tabs at once: one is saved, the other tab is told', async ({ app, context }) => {
    await app.open();
    await app.sendAndWait('Settings race [[reply:ok]]');
    const other = new PlaygroundPage(await context.newPage());
    await other.open();
    await other.library.open('Settings race');
    await Promise.all([
      app.page.getByTestId('model-input').fill('model-from-a'),
      other.page.getByTestId('model-input').fill('model-from-b'),
    ]);
    const notice = (p: PlaygroundPage) => p.page.getByTestId('toast').filter({ hasText: 'changed in another tab' });
    await expect.poll(async () => (await notice(app).count()) + (await notice(other).count())).toBe(1);
    await app.page.reload();
    await expect(app.page.getByTestId('model-input')).toHaveValue(/model-from-[ab]/);
  });
});

test.describe('schema versions', () => {
  const v1: RawConversation[] = [
    {
      id: 'old-1',
      title: 'Written by v1',
      updatedAt: Date.now() - 60_000,
      pinned: true,
      messages: Array.from({ length: 6 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', text: `v1 message ${i}` })),
    },
    { id: 'old-2', title: 'Also v1', updatedAt: Date.now() - 120_000, messages: [{ role: 'user', text: 'hello from v1' }] },
  ];

  test('a v1 database is upgraded with every message, once the old tab lets go', async ({ context, page }) => {
    await page.goto('/__ref/health');
    await writeV1Database(page, v1, PARAMS);
    await holdDatabaseOpen(page); // an old tab still open

    const app = new PlaygroundPage(await context.newPage());
    await app.page.goto('/');
    await expect(app.library.storageBanner('blocked')).toContainText('another tab');
    await releaseDatabase(page);
    await expect(app.library.storageBanner('blocked')).toHaveCount(0);
    await expect(app.composer).toBeVisible();
    expect(await databaseVersion(app.page)).toBe(30); // schema v3 (Dexie stores version n as n × 10)

    await expect(app.conversations).toHaveCount(2);
    await expect(app.conversations.first()).toContainText('Written by v1');
    await expect(app.conversations.first()).toHaveAttribute('data-pinned', 'true');
    await app.library.open('Written by v1');
    await expect(app.messages).toHaveCount(6);
    for (let i = 0; i < 6; i++) await expect(app.messages.nth(i).getByTestId('message-content')).toHaveText(`v1 message ${i}`);
    await app.library.open('Also v1');
    await expect(app.messages.first().getByTestId('message-content')).toHaveText('hello from v1');
  });

  test('a database from a newer build is refused, left untouched, and the app works in memory', async ({ page, context }) => {
    await page.goto('/__ref/health');
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res) => {
        const q = indexedDB.open('chat-playground', 990);
        q.onupgradeneeded = () => q.result.createObjectStore('future', { keyPath: 'id' }).put({ id: 'x', text: 'from the future' });
        q.onsuccess = () => res(q.result);
      });
      db.close();
    });
    const app = new PlaygroundPage(await context.newPage());
    await app.open();
    await expect(app.library.storageBanner('memory')).toContainText('newer version');
    const reply = await app.sendAndWait('Still works [[reply:in memory]]');
    await expect(reply.getByTestId('message-content')).toHaveText('in memory');
    expect(await databaseVersion(app.page)).toBe(990);
    const kept = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res) => {
        const q = indexedDB.open('chat-playground');
        q.onsuccess = () => res(q.result);
      });
      const names = [...db.objectStoreNames];
      db.close();
      return names;
    });
    expect(kept).toEqual(['future']);
  });
  test('a newer database still lists the conversations this build can read, and is left untouched', async ({ page, context }) => {
    await page.goto('/__ref/health');
    const now = Date.now();
    const conversation = {
      id: 'future-c1',
      title: 'Written by a newer build',
      createdAt: now,
      updatedAt: now,
      currentLeafId: 'future-m2',
      params: PARAMS,
      endpointId: 'reference',
      newerField: { x: 1 },
    };
    const message = (id: string, parentId: string | null, role: string, text: string) => ({
      id,
      conversationId: 'future-c1',
      parentId,
      role,
      content: [{ type: 'text', text }],
      status: 'done',
      createdAt: now,
      updatedAt: now,
    });
    const rows = {
      conversations: [conversation, { id: 'future-c2', title: 42, shape: 'unknown' }],
      messages: [
        message('future-m1', null, 'user', 'a question from the future'),
        message('future-m2', 'future-m1', 'assistant', 'an answer kept safe'),
      ],
    };
    await page.evaluate(async (rows) => {
      const db = await new Promise<IDBDatabase>((res) => {
        const q = indexedDB.open('chat-playground', 990);
        q.onupgradeneeded = () => {
          const d = q.result;
          const cs = d.createObjectStore('conversations', { keyPath: 'id' });
          for (const c of rows.conversations) cs.put(c);
          const ms = d.createObjectStore('messages', { keyPath: 'id' });
          for (const m of rows.messages) ms.put(m);
          d.createObjectStore('future', { keyPath: 'id' });
        };
        q.onsuccess = () => res(q.result);
      });
      db.close();
    }, rows);
    const app = new PlaygroundPage(await context.newPage());
    await app.open();
    const banner = app.library.storageBanner('memory');
    await expect(banner).toContainText('written by a newer version');
    await expect(banner).toContainText('The one this version can read is shown here');
    await expect(banner).toContainText('changes in this tab are not saved');
    await expect(app.conversations).toHaveCount(1);
    await app.library.open('Written by a newer build');
    await expect(app.messages).toHaveCount(2);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('an answer kept safe');
    expect(await databaseVersion(app.page)).toBe(990);
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res) => {
        const q = indexedDB.open('chat-playground');
        q.onsuccess = () => res(q.result);
      });
      const count = await new Promise<number>((res) => {
        const r = db.transaction('messages').objectStore('messages').count();
        r.onsuccess = () => res(r.result);
      });
      db.close();
      return count;
    });
    expect(stored).toBe(2);
  });
});

test.describe('storage faults', () => {
  test('no IndexedDB (private mode): works in memory and says so', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    const app = new PlaygroundPage(page);
    await app.open();
    await expect(app.library.storageBanner('memory')).toContainText('only in memory');
    await app.sendAndWait('Private chat [[reply:kept in memory]]');
    await expect(app.library.conversation('Private chat')).toHaveCount(1);
    await app.newConversation();
    await app.library.open('Private chat');
    await expect(app.assistant().getByTestId('message-content')).toHaveText('kept in memory');
  });

  test('the database deleted under the app: the open conversation is saved again', async ({ app, context }) => {
    await app.open();
    await app.sendAndWait('Precious [[reply:do not lose me]]');
    // Stored first (the finishing write lands just after the reply shows as done).
    await expect.poll(() => storedReplies(app.page)).toEqual([{ status: 'done', text: 'do not lose me' }]);
    const other = await context.newPage();
    await other.goto('/__ref/health');
    await other.evaluate(
      () =>
        new Promise<void>((res, rej) => {
          const q = indexedDB.deleteDatabase('chat-playground');
          q.onsuccess = () => res();
          q.onerror = () => rej(q.error);
        }),
    );
    await expect(app.library.storageBanner('deleted')).toContainText('saved again');
    await expect(app.assistant().getByTestId('message-content')).toHaveText('do not lose me');
    await app.page.reload();
    await expect(app.library.conversation('Precious')).toHaveCount(1);
    await app.library.open('Precious');
    await expect(app.assistant().getByTestId('message-content')).toHaveText('do not lose me');
  });

  test('quota exceeded: a clear notice, nothing lost, space can be freed', async ({ app }) => {
    // Chromium enforces an overridden quota on databases created after the override.
    const quota = await overrideQuota(app.page, 300_000);
    await app.open();
    await quota.check();
    await app.sendAndWait('Before the disk filled [[reply:safe]]');
    const big = `Too big ${'lorem ipsum dolor sit amet '.repeat(15_000)}`;
    await app.composer.fill(big);
    await app.composer.press('ControlOrMeta+Enter');
    await expect(app.library.storageBanner('quota')).toContainText('Storage is full');
    // Nothing lost: the earlier conversation is intact and the unsaved text is back in the composer.
    await expect(app.assistant().getByTestId('message-content')).toHaveText('safe');
    await expect(app.composer).toHaveValue(big);
    await app.library.storageBanner('quota').getByRole('button', { name: 'Open Storage' }).click();
    await expect(app.page.getByTestId('storage-dialog')).toBeVisible();
    await expect(app.page.getByTestId('storage-conversation').first()).toContainText('Before the disk filled');
    await app.page.getByTestId('storage-dialog').getByRole('button', { name: 'Close' }).click();
    // The way out is right there: export everything before freeing anything.
    const download = app.page.waitForEvent('download');
    await app.library.storageBanner('quota').getByTestId('storage-banner-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^chat-playground-backup-.*\.chat\.json$/);
    expect(await readFile((await file.path())!, 'utf8')).toContain('Before the disk filled');
    await quota.reset();
  });
});

test('the Storage dialog shows use and the biggest conversations', async ({ app }) => {
  await app.open();
  await app.sendAndWait('Small one [[reply:a]]');
  await app.newConversation();
  await app.sendAndWait(`Big one ${'many different words here '.repeat(400)} [[reply:b]]`);
  await app.page.getByTestId('storage-button').click();
  await expect(app.page.getByTestId('storage-usage')).toContainText(/used/);
  await expect(app.page.getByTestId('storage-conversation')).toHaveCount(2);
  await expect(app.page.getByTestId('storage-conversation').first()).toContainText('Big one');
});

test.describe('start-up', () => {
  // Requests the service worker answers are invisible to page.route.
  test.use({ serviceWorkers: 'block' });

  test('stored conversations paint before the database code has loaded; it loads behind them and everything works', async ({
    app,
    page,
  }) => {
    await app.open();
    await app.sendAndWait('Older topic [[reply:first answer]]');
    await app.newConversation();
    await app.sendAndWait('Open topic [[reply:the open answer]]');
    await app.library.action('Older topic', 'Pin to top');

    // Hold the database code (Dexie and the repositories) until the first screen has painted.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let requested = false;
    await page.route(/\/assets\/store-[^/]+\.js$/, async (route) => {
      requested = true;
      await held;
      await route.continue();
    });
    await page.reload();
    await expect(app.composer).toBeVisible();
    await expect(app.library.conversation('Older topic')).toHaveCount(1);
    await expect(app.library.conversation('Open topic')).toHaveCount(1);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('the open answer');
    expect(requested).toBe(true);

    // A new conversation opens at once, empty (the open one is not shown in its place); sending
    // while the database code is still on its way waits for it, then goes through.
    await app.newConversation();
    await app.send('After start-up [[reply:saved as usual]]');
    release();
    await expect(app.assistant().getByTestId('message-content')).toHaveText('saved as usual', { timeout: 20_000 });
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    await expect(app.messages).toHaveCount(2);
    await page.reload();
    await expect(app.assistant().getByTestId('message-content')).toHaveText('saved as usual');
    await expect(app.library.conversation('Older topic')).toHaveCount(1);
    await app.library.open('Open topic');
    await expect(app.messages).toHaveCount(2);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('the open answer');
  });

  test('the database code cannot load: stored conversations still show, a notice says nothing is saved, Reload recovers', async ({
    app,
    page,
  }) => {
    test.setTimeout(60_000);
    await app.open();
    await app.sendAndWait('Kept topic [[reply:stored before]]');
    await page.route(/\/assets\/store-[^/]+\.js$/, (route) => route.abort());
    await page.reload();
    await expect(app.library.conversation('Kept topic')).toHaveCount(1);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('stored before');
    await expect(app.library.storageBanner('code')).toContainText('changes in this tab are not saved', { timeout: 30_000 });
    await page.unroute(/\/assets\/store-[^/]+\.js$/);
    await app.library.storageBanner('code').getByRole('button', { name: 'Reload' }).click();
    await expect(app.assistant().getByTestId('message-content')).toHaveText('stored before');
    await expect(app.library.storageBanner('code')).toHaveCount(0);
    const reply = await app.sendAndWait('And after [[reply:saved again]]');
    await expect(reply.getByTestId('message-content')).toHaveText('saved again');
  });
});
