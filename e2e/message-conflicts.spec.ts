import { expect, test, PlaygroundPage } from './support/app';
import type { BrowserContext, Locator } from '@playwright/test';

// Two tabs of one browser share IndexedDB: what one writes the other sees through live queries.
test.describe.configure({ timeout: 90_000 });

async function secondTab(context: BrowserContext, title: string): Promise<PlaygroundPage> {
  const other = new PlaygroundPage(await context.newPage());
  await other.open();
  await other.library.open(title);
  return other;
}

const text = (m: Locator) => m.getByTestId('message-content');

test('the same message edited in two tabs: the second is told, and keeps its version as a copy', async ({ app, context }) => {
  await app.open();
  await app.sendAndWait('Shared draft [[reply:ok]]');
  const other = await secondTab(context, 'Shared draft');
  const mine = await app.edit(app.messages.first());
  const theirs = await other.edit(other.messages.first());

  await mine.fill('Text from tab A');
  // Tab B is told before it types another key; what it types is not written over tab A's text.
  const conflict = other.messages.first().getByTestId('edit-conflict');
  await expect(conflict).toContainText('changed in another tab');
  await theirs.fill('Text from tab B');
  await app.page.getByTestId('done-editing-button').click();
  await expect(text(app.messages.first())).toHaveText('Text from tab A');

  await conflict.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(text(other.messages.first())).toHaveText('Text from tab B');
  // Both versions are alternatives of the same turn; tab A's still has its reply. (The branch
  // shown is stored with the conversation, so a switch in one tab shows in the other.)
  await expect(other.messages.first().getByRole('group', { name: 'Alternatives' })).toContainText('2/2');
  await expect(app.messages.first().getByRole('group', { name: 'Alternatives' })).toContainText('2/2');
  await other.messages.first().getByRole('button', { name: 'Previous alternative' }).click();
  for (const tab of [other, app]) {
    await expect(text(tab.messages.first())).toHaveText('Text from tab A');
    await expect(text(tab.assistant())).toHaveText('ok');
  }
  await app.messages.first().getByRole('button', { name: 'Next alternative' }).click();
  await expect(text(other.messages.first())).toHaveText('Text from tab B');
});

test('the second writer can load the other tab’s version instead, and edit on from there', async ({ app, context }) => {
  await app.open();
  await app.sendAndWait('Load theirs [[reply:ok]]');
  const other = await secondTab(context, 'Load theirs');
  const theirs = await other.edit(other.messages.first());
  const mine = await app.edit(app.messages.first());
  await mine.fill('Written first in A');
  await app.page.getByTestId('done-editing-button').click();

  await other.messages.first().getByRole('button', { name: 'Load their version' }).click();
  await expect(theirs).toHaveValue('Written first in A');
  await theirs.fill('Written first in A, then B');
  await expect(text(app.messages.first())).toHaveText('Written first in A, then B');
  await expect(other.messages.first().getByTestId('edit-conflict')).toHaveCount(0);
});

test('a message deleted in another tab while being edited: this tab’s version can be kept', async ({ app, context }) => {
  await app.open();
  await app.sendAndWait('Deleted under me [[reply:first reply]]');
  const other = await secondTab(context, 'Deleted under me');
  const input = await app.edit(app.assistant());
  await input.fill('My careful rewrite of the reply');

  await other.messageAction(other.assistant(), 'Delete message');
  await expect(other.assistant()).toHaveCount(0);
  const notice = app.page.getByTestId('toast').filter({ hasText: 'deleted in another tab' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Keep my version' }).click();
  await expect(text(app.assistant())).toHaveText('My careful rewrite of the reply');
  await expect(text(other.assistant())).toHaveText('My careful rewrite of the reply');
});

test('a reorder in another tab while editing: no false alarm, the text being typed is kept', async ({ app, context }) => {
  await app.open();
  await app.sendAndWait('Reorder me [[reply:the reply]]');
  const other = await secondTab(context, 'Reorder me');
  await (await app.edit(app.messages.first())).fill('Edited in A');
  await expect(text(other.messages.first())).toHaveText('Edited in A');

  await other.messageAction(other.assistant(), 'Move up');
  await expect(other.messages.first()).toHaveAttribute('data-role', 'assistant');
  await expect(app.messages.first()).toHaveAttribute('data-role', 'assistant');
  await app.page.getByTestId('message-text-input').fill('Edited in A, then more');
  await expect(text(other.messages.nth(1))).toHaveText('Edited in A, then more');
  await expect(app.page.getByTestId('edit-conflict')).toHaveCount(0);
  await expect(text(other.messages.first())).toHaveText('the reply');
});

test('a reply finishing in one tab while the other edits and extends the conversation: both are kept', async ({ app, context }) => {
  await app.open();
  await app.sendAndWait('Race [[reply:ok]]');
  const other = await secondTab(context, 'Race');
  await app.send('Slow one [[rate:25]] [[tokens:80]]');
  await expect(app.assistant()).toHaveAttribute('data-status', 'streaming');
  // Tab B edits the first question and adds a message after the reply that is still streaming in A.
  const first = await other.edit(other.messages.first());
  await first.fill('First question, edited in B');
  await other.page.getByTestId('done-editing-button').click();
  await expect(other.messages).toHaveCount(4);
  const added = await other.addMessage('user', 'Follow-up typed in B');
  await expect(added.getByTestId('message-text-input')).toHaveValue('Follow-up typed in B');

  await expect(app.assistant()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  for (const tab of [app, other]) {
    await expect(tab.messages).toHaveCount(5);
    await expect(text(tab.messages.first())).toHaveText('First question, edited in B');
    await expect(tab.messages.nth(3)).toHaveAttribute('data-role', 'assistant');
    await expect(text(tab.messages.nth(3))).toContainText(/\w+ \w+ \w+/);
  }
  await expect(other.messages.nth(4).getByTestId('message-text-input')).toHaveValue('Follow-up typed in B');
  await app.page.reload();
  await expect(app.messages).toHaveCount(5);
  await expect(text(app.messages.nth(4))).toHaveText('Follow-up typed in B');
});
