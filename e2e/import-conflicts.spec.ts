import { deflateRawSync } from 'node:zlib';
import { expect, test, type PlaygroundPage } from './support/app';
import { WorkspaceShell } from './support/workspace';

/**
 * An import never silently replaces a conversation (a file or link crafted with a known id), and a
 * shared conversation never switches the active endpoint without asking.
 */
type Doc = { conversations: { id: string; title: string; endpoint: unknown; messages: { role: string; content: unknown[] }[] }[] };

test.describe.configure({ timeout: 60_000 });

async function chatOnce(app: PlaygroundPage, marker: string): Promise<Doc> {
  await app.open();
  await app.sendAndWait(`Mine ${marker} [[reply:My own answer ${marker}]]`);
  await expect(app.assistant()).toContainText(`My own answer ${marker}`);
  return JSON.parse((await app.share.exportJSON()).text) as Doc;
}

/** The same conversation id with another assistant reply, as someone who knows the id would write it. */
function crafted(doc: Doc, text: string): string {
  const copy = structuredClone(doc);
  const reply = copy.conversations[0]!.messages.find((m) => m.role === 'assistant')!;
  reply.content = [{ type: 'text', text }];
  return JSON.stringify(copy);
}

test('a file reusing a conversation id asks: Keep both leaves mine as it was, Replace replaces it', async ({ app, page }) => {
  const marker = `conflict-${Date.now()}`;
  const doc = await chatOnce(app, marker);
  await expect(app.conversations).toHaveCount(1);

  await app.share.importFile('crafted.chat.json', crafted(doc, `Overwritten ${marker}`));
  const question = page.getByRole('dialog', { name: 'This conversation is already here, with different content' });
  await expect(question).toBeVisible();
  await question.screenshot({ path: 'test-results/import-conflict-question.png' });
  await expect(question.getByRole('button', { name: 'Keep both' })).toBeVisible();
  expect(await new WorkspaceShell(page).seriousA11yViolations()).toEqual([]);
  await question.getByRole('button', { name: 'Keep both' }).click();
  await expect(app.conversations).toHaveCount(2);
  await expect(page.getByTestId('toast').filter({ hasText: 'kept beside yours as a copy' })).toBeVisible();
  await expect(app.assistant()).toContainText(`Overwritten ${marker}`); // the copy is opened
  await app.conversations.filter({ hasNotText: '(imported)' }).click();
  await expect(app.assistant()).toContainText(`My own answer ${marker}`);

  // Cancel (or Escape) writes nothing.
  await app.share.importFile('crafted.chat.json', crafted(doc, `Third ${marker}`));
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Import cancelled: nothing was written.' }).first()).toBeVisible();
  await app.share.importFile('crafted.chat.json', crafted(doc, `Fourth ${marker}`));
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(app.conversations).toHaveCount(2);
  await expect(app.assistant()).toContainText(`My own answer ${marker}`);

  await app.share.importFile('crafted.chat.json', crafted(doc, `Replaced ${marker}`));
  await question.getByRole('button', { name: 'Replace' }).click();
  await expect(app.conversations).toHaveCount(2);
  await expect(app.assistant()).toContainText(`Replaced ${marker}`);
  await expect(app.messages.and(app.page.locator('[data-role=assistant]')).filter({ hasText: `My own answer ${marker}` })).toHaveCount(0);
});

test('Open in playground from a link made against another server asks before switching; Keep runs it on mine', async ({ app, page }) => {
  const marker = `elsewhere-${Date.now()}`;
  const doc = await chatOnce(app, marker);
  doc.conversations[0]!.endpoint = { baseURL: 'https://api.elsewhere.example/v1', name: 'Elsewhere' };
  const link = `/#share=${deflateRawSync(Buffer.from(JSON.stringify(doc))).toString('base64url')}`;
  await app.wipeStorage();
  await page.goto(link);
  await page.getByTestId('share-open-button').click();
  const question = page.getByRole('dialog', { name: 'Which endpoint should it run against?' });
  await expect(question).toContainText('made against api.elsewhere.example');
  await question.screenshot({ path: 'test-results/import-endpoint-question.png' });
  await question.getByRole('button', { name: /^Keep / }).click();
  await expect(app.messages).toHaveCount(2);

  // The next request goes to the endpoint that was active, not the one the link named.
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  await app.sendAndWait(`Still mine ${marker}`);
  expect((await app.receivedWith(`Still mine ${marker}`)).body).toBeTruthy();
  expect(seen.filter((u) => u.includes('elsewhere.example'))).toEqual([]);
});
