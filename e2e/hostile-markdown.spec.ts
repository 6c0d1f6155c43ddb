import { chainConversation } from '../bench/lib/data';
import { expect, test } from './support/app';

/**
 * Markdown built to hurt the parser: thousands of nested quotes (a stack overflow that used to take
 * the whole app down), tens of thousands of unclosed brackets and emphasis markers, hundreds of list
 * levels (each froze the page for 20–70 s). Each such block shows as plain text with a note, decided
 * before parsing; a message that fails to render anyway shows its plain text, and the app goes on.
 */
const HOSTILE: [name: string, text: string, reason: string][] = [
  ['nested quotes', `${'>'.repeat(5000)} QUOTES-END`, 'nesting'],
  ['unclosed brackets', `${'['.repeat(30_000)} BRACKETS-END`, 'links'],
  ['half links', `${'](x '.repeat(20_000)} HALF-LINKS-END`, 'links'],
  ['emphasis runs', `${'*a _b '.repeat(20_000)} EMPHASIS-END`, 'delimiters'],
  [
    'list levels',
    `${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n${'  '.repeat(400)}LIST-END`,
    'nesting',
  ],
];

test('pathological markdown opens at once as plain text with a note, and a message that cannot render does not take the app down', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const texts = HOSTILE.flatMap(([name, text]) => [`Send me ${name}`, text]);
  texts.push('And a broken row?', 'The text of a BROKEN-ROW.', 'And normal markdown?', 'Still **formatted** after all that.');
  const { conversation, messages } = chainConversation('hostile-md', 'Hostile markdown', texts);
  // A row that fails to render: its name is an object (a corrupt or hand-edited database row).
  const broken = messages.find((m) => m.content[0]?.type === 'text' && m.content[0].text.includes('BROKEN-ROW'))!;
  (broken as unknown as Record<string, unknown>).name = { not: 'a string' };
  await app.open();
  await app.seed([conversation], messages, conversation.id);

  const started = Date.now();
  await page.reload();
  const replies = page.locator('[data-testid="message"][data-role="assistant"]');
  await expect(replies.last().locator('strong')).toHaveText('formatted', { timeout: 30_000 });
  for (const [name, text, reason] of HOSTILE) {
    const reply = replies.filter({ hasText: text.slice(-12) });
    await expect(reply, name).toHaveCount(1);
    const plain = reply.getByTestId('markdown-plain-block');
    await expect(plain, name).toHaveAttribute('data-reason', reason);
    await expect(plain, name).toContainText('Shown as plain text');
  }
  const elapsed = Date.now() - started;
  // Before: the quotes crashed the page, the rest froze it for 20–70 s each.
  expect(elapsed).toBeLessThan(15_000);

  const failed = page.locator('[data-render-failed="true"]');
  await expect(failed).toHaveCount(1);
  await expect(failed.getByTestId('message-render-failed')).toContainText('could not be displayed, so its plain text is shown');
  await expect(failed.getByTestId('message-content')).toHaveText('The text of a BROKEN-ROW.');

  // The page answers, and a new conversation works (this one is past the model's context).
  await app.newConversation();
  await app.send('[[reply:Alive and well.]]');
  await expect(app.assistant().getByTestId('message-content')).toHaveText('Alive and well.');
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  expect(pageErrors).toEqual([]);
});

test('an 8 MB reply opens at once, shows its start and size, and can be downloaded whole or shown in full', async ({ app, page }) => {
  test.setTimeout(90_000);
  const huge = `HUGE-HEAD ${'lorem ipsum dolor sit amet, '.repeat(300_000)}HUGE-TAIL`;
  expect(huge.length).toBeGreaterThan(8_000_000);
  const { conversation, messages } = chainConversation('huge-reply', 'Huge reply', ['Say a lot', huge]);
  await app.open();
  await app.seed([conversation], messages, conversation.id);
  await page.reload();

  const reply = app.assistant();
  const note = reply.getByTestId('huge-text');
  await expect(note).toContainText('8.0 MB');
  await expect(note).toContainText('too large to render here');
  await expect(reply.getByTestId('message-content')).toContainText('HUGE-HEAD');
  // Only the start is in the page, not 8 MB of text.
  const inPage = await reply.getByTestId('message-content').evaluate((el) => el.textContent?.length ?? 0);
  expect(inPage).toBeLessThan(50_000);

  const downloading = page.waitForEvent('download');
  await reply.getByTestId('huge-text-download').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^assistant-message-.+\.md$/);
  const saved = await file.path();
  const { statSync, readFileSync } = await import('node:fs');
  const stored = messages[1]!.content[0]!;
  expect(statSync(saved).size).toBe(Buffer.byteLength(stored.type === 'text' ? stored.text : ''));
  expect(readFileSync(saved, 'utf8')).toContain('HUGE-TAIL');

  await reply.getByTestId('huge-text-show').click();
  await expect(reply.getByTestId('huge-text')).toHaveCount(0);
  await expect(reply.getByTestId('message-content')).toContainText('HUGE-TAIL');
});
