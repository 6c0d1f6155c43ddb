import { defaultRequestParams } from '../src/domain/params';
import { expect, test } from './support/app';
import { putConversations, waitForCheckpoint, type RawConversation } from './support/idb';

const PARAMS = defaultRequestParams('ref-chat');

// Multi-step journeys through the library; the shared 2-core machine can be slow.
test.describe.configure({ timeout: 90_000 });

test.describe('library actions', () => {
  test('search sees a conversation back from Undo at once, without a reload', async ({ app }) => {
    await app.open();
    const word = `zeppelin${Date.now()}`;
    // The word is past the title's 60 characters: the conversation is found through its message text.
    await app.sendAndWait(`Undo me, a question long enough to push the rest out of its title [[reply:the ${word} flies]]`);
    await app.newConversation();
    await app.sendAndWait('Stays [[reply:nothing to see]]');
    await app.library.search.fill(word);
    await expect(app.conversations).toHaveCount(1);
    await app.library.search.fill('');

    await app.library.action('Undo me', 'Delete');
    await expect(app.library.conversation('Undo me')).toHaveCount(0);
    await app.library.search.fill(word);
    await expect(app.conversations).toHaveCount(0);
    await app.library.search.fill('');
    await app.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect(app.library.conversation('Undo me')).toHaveCount(1);
    // Its messages came back with their old timestamps; search must find them all the same.
    await app.library.search.fill(word);
    await expect(app.conversations).toHaveCount(1);
    await expect(app.conversations.first()).toContainText('Undo me');
  });

  test('pin, duplicate, tag and filter, delete with Undo', async ({ app }) => {
    await app.open();
    await app.sendAndWait('Alpha topic [[reply:alpha answer]]');
    await app.newConversation();
    await app.sendAndWait('Beta topic [[reply:beta answer]]');
    await expect(app.conversations.first()).toContainText('Beta topic');

    // Pin: the older conversation moves on top, under "Pinned", and stays there after a reload.
    await app.library.action('Alpha topic', 'Pin to top');
    await expect(app.conversations.first()).toContainText('Alpha topic');
    await expect(app.conversations.first()).toHaveAttribute('data-pinned', 'true');
    await expect(app.page.getByRole('navigation', { name: 'Conversations' }).getByText('Pinned', { exact: true })).toBeVisible();
    await app.page.reload();
    await expect(app.conversations.first()).toContainText('Alpha topic');

    // Duplicate: a copy with the same messages opens.
    await app.library.action('Alpha topic', 'Duplicate');
    await expect(app.library.conversation(/Alpha topic.*\(copy\)/)).toHaveCount(1);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('alpha answer');
    await expect(app.messages).toHaveCount(2);

    // Tags and the tag filter.
    await app.library.action('Beta topic', 'Edit tags…');
    const tags = app.page.getByRole('textbox', { name: 'Tags, separated by commas' });
    await tags.fill('work, ideas');
    await tags.press('Enter');
    await expect(app.library.conversation('Beta topic').getByTestId('conversation-tag')).toHaveText(['ideas', 'work']);
    await app.page.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: 'work' }).click();
    await expect(app.conversations).toHaveCount(1);
    await expect(app.conversations.first()).toContainText('Beta topic');
    await app.page.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: 'All' }).click();
    await expect(app.conversations).toHaveCount(3);

    // Delete with Undo: gone at once, back with every message.
    await app.library.open('Beta topic');
    await app.library.action('Beta topic', 'Delete');
    await expect(app.library.conversation('Beta topic')).toHaveCount(0);
    await app.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect(app.library.conversation('Beta topic')).toHaveCount(1);
    await expect(app.assistant().getByTestId('message-content')).toHaveText('beta answer');
    await app.page.reload();
    await expect(app.library.conversation('Beta topic').getByTestId('conversation-tag')).toHaveText(['ideas', 'work']);

    // Deleted for good when not undone.
    await app.library.action(/Alpha topic.*\(copy\)/, 'Delete');
    await expect(app.library.conversation(/Alpha topic.*\(copy\)/)).toHaveCount(0);
    await app.page.reload();
    await expect(app.conversations).toHaveCount(2);
  });

  test('rename inline, and a title asked from the model', async ({ app }) => {
    await app.open();
    const marker = `name-me-${Date.now()}`;
    await app.sendAndWait(`Please name me ${marker} [[reply:Naming Things Well]]`);
    await expect(app.conversations.first()).toContainText('Please name me');
    await app.library.action('Please name me', 'Rename');
    const title = app.page.getByRole('textbox', { name: 'Conversation title' });
    await title.fill('My own title');
    await title.press('Enter');
    await expect(app.conversations.first()).toContainText('My own title');

    await app.library.action('My own title', 'Ask the model for a title');
    // The reference endpoint echoes the trigger found in the excerpt it was sent.
    await expect(app.conversations.first()).toContainText('Naming Things Well');
    const sent = (await app.receivedRequests()).filter(
      (r) => JSON.stringify(r.body).includes('Write a title') && JSON.stringify(r.body).includes(marker),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).not.toHaveProperty('stream');
  });
});

test.describe('search', () => {
  test('finds titles and message text, highlighted', async ({ app }) => {
    await app.open();
    // First lines longer than a title, so the reply (trigger) is not part of the title.
    await app.sendAndWait(
      'Travel plans for the summer holidays, with a first line longer than a title [[reply:Take the night train to Lisbon]]',
    );
    await app.newConversation();
    await app.sendAndWait('Sourdough starter care in a small kitchen, a first line longer than a title [[reply:Feed it flour and water]]');
    await app.newConversation();
    await app.sendAndWait('Zeppelin history [[reply:Airships]]');

    await app.library.search.fill('zeppelin');
    await expect(app.conversations).toHaveCount(1);
    await expect(app.conversations.first().locator('mark')).toHaveText(['Zeppelin']);

    // Message text (the reply), with an excerpt around the match.
    await app.library.search.fill('lisbon');
    await expect(app.conversations).toHaveCount(1);
    await expect(app.conversations.first()).toContainText('Travel plans');
    await expect(app.conversations.first().getByTestId('conversation-snippet')).toContainText('night train to Lisbon');
    await expect(app.conversations.first().getByTestId('conversation-snippet').locator('mark').first()).toHaveText('Lisbon');

    // Every word must match, in the title or the text.
    await app.library.search.fill('sourdough water');
    await expect(app.conversations).toHaveCount(1);
    await expect(app.conversations.first()).toContainText('Sourdough starter');
    await app.library.search.fill('sourdough lisbon');
    await expect(app.conversations).toHaveCount(0);
    await expect(app.page.getByTestId('search-summary')).toHaveText('No matches');

    // New text is found as soon as it is saved.
    await app.library.search.fill('');
    await app.library.open('Sourdough starter');
    await app.sendAndWait('Anything else? [[reply:Keep it warm, like a quokka]]');
    await app.library.search.fill('quokka');
    await expect(app.conversations).toHaveCount(1);
    await expect(app.conversations.first()).toContainText('Sourdough starter');

    await app.library.search.press('Escape');
    await expect(app.conversations).toHaveCount(3);
  });

  test('a large library: the list is virtualized and search covers every conversation', async ({ app }) => {
    await app.open();
    const now = Date.now();
    const list: RawConversation[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `big-${i}`,
      title: `Topic number ${i}`,
      updatedAt: now - i * 3_600_000,
      messages: [
        { role: 'user', text: `Question ${i}${i === 2999 ? ' about the albatross' : ''}` },
        { role: 'assistant', text: `Answer ${i}` },
      ],
    }));
    await putConversations(app.page, list, PARAMS);
    await app.page.reload();
    await expect(app.conversations.first()).toContainText('Topic number 0');
    const rendered = await app.conversations.count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    // Grouped by day: the oldest rows sit under a month heading.
    const list$ = app.page.getByRole('list', { name: 'Conversation list' });
    // Rows far down have estimated heights until measured: keep scrolling to the end, as a person would.
    await expect(async () => {
      await list$.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect(app.library.conversation('Topic number 2999')).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await app.library.search.fill('albatross');
    await expect(app.conversations).toHaveCount(1);
    await expect(app.conversations.first()).toContainText('Topic number 2999');
    await app.library.open('Topic number 2999');
    await expect(app.messages.first().getByTestId('message-content')).toHaveText('Question 2999 about the albatross');
  });
});

test('branches: the sidebar opens a conversation on its current branch, and a switch sticks', async ({ app }) => {
  await app.open();
  await app.sendAndWait('Branchy [[reply:first take]]');
  await app.assistant().hover();
  await app.assistant().getByRole('button', { name: 'Regenerate' }).click();
  await expect(app.assistant().getByTestId('branch-position')).toHaveText('2/2');
  await expect(app.assistant()).toHaveAttribute('data-status', 'done');
  await app.newConversation();
  await app.sendAndWait('Other [[reply:other]]');

  await app.library.open('Branchy');
  await expect(app.assistant().getByTestId('branch-position')).toHaveText('2/2');
  await app.assistant().getByRole('button', { name: 'Previous alternative' }).click();
  await expect(app.assistant().getByTestId('branch-position')).toHaveText('1/2');
  await expect(app.assistant().getByTestId('message-content')).toHaveText('first take');

  await app.library.open('Other');
  await expect(app.assistant().getByTestId('message-content')).toHaveText('other');
  await app.library.open('Branchy');
  await expect(app.assistant().getByTestId('branch-position')).toHaveText('1/2');
  await expect(app.assistant().getByTestId('message-content')).toHaveText('first take');
});

test('a killed tab mid-stream: what arrived is kept, marked interrupted', async ({ app, context }) => {
  await app.open();
  await app.send('Long story [[rate:20]] [[tokens:600]]');
  await expect(app.assistant().getByTestId('message-content')).toContainText(/\w+ \w+ \w+ \w+ \w+/, { timeout: 10_000 });
  await waitForCheckpoint(app.page); // a throttled save holds them
  await app.page.close({ runBeforeUnload: false });

  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('conversation-item').filter({ hasText: 'Long story' }).getByRole('button').first().click();
  const reply = page.locator('[data-testid="message"][data-role="assistant"]');
  await expect(reply).toHaveAttribute('data-status', 'interrupted');
  await expect(reply.getByTestId('message-content')).toContainText(/\w+ \w+ \w+/);
  await expect(reply).toContainText('interrupted');
});
