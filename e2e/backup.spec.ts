import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { defaultRequestParams } from '../src/domain/params';
import { expect, test } from './support/app';
import { PNG } from './support/editor';

/**
 * Issue 22 items 8, 9, 10 and 15: a backup is complete (settings, never keys), a large import is
 * read off the page's thread with progress and Cancel, and an image survives the database being
 * deleted under the app.
 */
test.describe.configure({ timeout: 120_000 });

/** A v2 backup of `count` conversations of `perConversation` messages of `chars` characters each, written to disk. */
async function generatedBackup(name: string, count: number, perConversation: number, chars: number, marker: string): Promise<string> {
  const params = defaultRequestParams('ref-chat');
  const filler = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(chars / 27)).slice(0, chars);
  const parts: string[] = ['{"format":"chat-playground","version":2,"conversations":['];
  for (let c = 0; c < count; c++) {
    const messages = Array.from({ length: perConversation }, (_, m) => ({
      id: `${marker}-${c}-${m}`,
      parentId: m === 0 ? null : `${marker}-${c}-${m - 1}`,
      role: m % 2 === 0 ? 'user' : 'assistant',
      content: [{ type: 'text', text: `${m} ${filler}` }],
      status: 'done',
      createdAt: 1000 + m,
      updatedAt: 1000 + m,
    }));
    const conversation = {
      id: `${marker}-${c}`,
      title: `${marker} ${c}`,
      createdAt: 1000,
      updatedAt: 2000 + c,
      currentLeafId: `${marker}-${c}-${perConversation - 1}`,
      params,
      endpoint: { baseURL: 'http://x/v1', name: 'Reference', builtIn: 'reference' },
      messages,
    };
    parts.push(`${c === 0 ? '' : ','}${JSON.stringify(conversation)}`);
  }
  parts.push('],"blobs":{}}');
  const file = path.join(tmpdir(), `${name}-${process.pid}-${Date.now()}.chat.json`);
  await writeFile(file, parts.join(''));
  return file;
}

test('export everything carries the settings but no key, and restores them on another browser', async ({ app, page }) => {
  const t = Date.now();
  await app.open();
  await page.evaluate(
    ({ t }) => {
      localStorage.setItem('pg.apiKey.reference', `sk-canary-${t}`);
      localStorage.setItem('pg.secretHeaders.reference', JSON.stringify({ 'x-api-key': `xk-canary-${t}` }));
      localStorage.setItem('pg.modelFacts', JSON.stringify({ state: { overrides: { [`model-${t}`]: { inputPrice: 1.25 } } }, version: 1 }));
    },
    { t },
  );
  await page.reload();
  await app.sendAndWait(`Backed up ${t} [[reply:with settings]]`);
  const backup = await app.share.exportMenu(/Export all conversations/);
  expect(backup.text).not.toContain(`sk-canary-${t}`);
  expect(backup.text).not.toContain(`xk-canary-${t}`);
  const doc = JSON.parse(backup.text) as { settings: { stores: Record<string, { state: unknown }> } };
  // What this browser changed from the defaults (profiles, presets, layout untouched here are not saved yet).
  expect(Object.keys(doc.settings.stores)).toContain('modelFacts');
  expect(doc.settings.stores.modelFacts!.state).toEqual({ overrides: { [`model-${t}`]: { inputPrice: 1.25 } } });

  await app.wipeStorage();
  await app.share.importFile(backup.name, backup.text);
  const question = page.getByTestId('import-question');
  await expect(question).toContainText('price and model edits');
  await page.getByRole('button', { name: 'Restore settings' }).click();
  // The page reloads with the settings in place and the conversation back.
  await expect(app.library.conversation(`Backed up ${t}`)).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('pg.modelFacts'))).toContain(`model-${t}`);
  expect(await page.evaluate(() => localStorage.getItem('pg.apiKey.reference'))).toBeNull();
});

test('a large import shows progress and Cancel writes nothing', async ({ app, page }) => {
  const marker = `cancel${Date.now()}`;
  const file = await generatedBackup('cancel', 600, 10, 10_000, marker); // about 60 MB
  await app.open();
  await page.getByTestId('import-file-input').setInputFiles(file);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await progress.getByTestId('import-cancel').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Import cancelled: nothing was written.' })).toBeVisible();
  await expect(progress).toHaveCount(0);
  await page.waitForTimeout(1500);
  await expect(app.library.conversation(`${marker} 0`)).toHaveCount(0);
  const stored = await page.evaluate(
    (marker) =>
      new Promise<number>((resolve, reject) => {
        const q = indexedDB.open('chat-playground');
        q.onerror = () => reject(q.error);
        q.onsuccess = () => {
          const count = q.result
            .transaction('conversations')
            .objectStore('conversations')
            .count(IDBKeyRange.bound(`${marker}-`, `${marker}-\uffff`));
          count.onsuccess = () => {
            q.result.close();
            resolve(count.result);
          };
        };
      }),
    marker,
  );
  expect(stored).toBe(0);
});

test('a 50 MB backup imports with no task on the page over 100 ms', async ({ app, page }) => {
  const marker = `big${Date.now()}`;
  const count = Number(process.env.BIG_IMPORT_CONVERSATIONS ?? 500);
  const file = await generatedBackup('big', count, 10, 10_000, marker); // 100 KB each: about 50 MB
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await app.open();
  await page.waitForTimeout(1000); // past the first screen's own work
  const start = await page.evaluate(() => performance.now());
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('toast').filter({ hasText: `Imported ${count} conversations` })).toBeVisible({ timeout: 90_000 });
  const end = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(
    (start) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= start),
    start,
  );
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  if (process.env.SHOW_TASKS) console.log(JSON.stringify(tasks.map((t) => [Math.round(t.start - start), Math.round(t.duration)])));
  const figure = `${count / 10} MB import: ${Math.round(end - start)} ms, longest main-thread task ${Math.round(longest)} ms, ${tasks.length} tasks over 50 ms`;
  console.log(figure);
  // A long task is wall-clock time: on a machine running more threads than it has cores, the page's
  // thread waits for a core mid-task and any task looks long. The figure is then reported, not judged.
  const overloaded = loadavg()[0]! > cpus().length;
  test.info().annotations.push({
    type: 'figure',
    description: `${figure}${overloaded ? ` (load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: not judged)` : ''}`,
  });
  if (!overloaded) expect(longest).toBeLessThan(100);
});

test('the database deleted under the app: the open conversation comes back with its image', async ({ app, page, context }) => {
  const marker = `image-kept-${Date.now()}`;
  await app.open();
  await page.getByTestId('image-file-input').setInputFiles({ name: 'kept.png', mimeType: 'image/png', buffer: PNG });
  await app.sendAndWait(`${marker} [[reply:seen]]`);
  const image = app.messages.first().getByTestId('image-part').locator('img').first();
  await expect(image).toHaveAttribute('src', /^blob:/);
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
  await page.reload();
  await app.library.open(marker);
  const back = app.messages.first().getByTestId('image-part').locator('img').first();
  await expect(back).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => back.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});
