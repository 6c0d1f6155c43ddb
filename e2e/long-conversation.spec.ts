import { chainConversation, markdownText } from '../bench/lib/data';
import { expect, test } from './support/app';

// A conversation far longer than a screen: only the rows near the viewport are in the DOM, it opens
// at its last message, scrolls to its first, and keeps working (send, follow the reply).
test('a 400-message conversation opens at its end, scrolls to its start and takes a new turn', async ({ app, page }) => {
  test.setTimeout(90_000); // ~100 wheel steps on a busy 2-core machine
  const texts = Array.from({ length: 400 }, (_, i) => `Turn ${i} says: ${markdownText(i + 1, 300)}`);
  const { conversation, messages } = chainConversation('long-e2e', 'A very long conversation', texts);
  await app.open();
  await app.seed([conversation], messages, conversation.id);
  await page.reload();

  const last = app.messages.last();
  await expect(last.getByTestId('message-content')).toContainText('Turn 399 says');
  await expect(last).toBeInViewport();
  const rendered = await app.messages.count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(40); // virtualized: not 400 nodes

  // Wheel up until the first turn shows; it must get there.
  const list = page.locator('[data-bench-scroller]');
  await list.hover();
  const first = page.getByTestId('message-content').filter({ hasText: 'Turn 0 says' });
  const atTop = () => list.evaluate((el) => el.scrollTop <= 0);
  for (let i = 0; i < 300 && !(await atTop()); i++) await page.mouse.wheel(0, -8000);
  await expect(first).toBeInViewport();
  // Rows that mounted mid-scroll painted plain text first; once still, they are real markdown.
  const firstReply = page.getByTestId('message-content').filter({ hasText: 'Turn 1 says' });
  await expect(firstReply.locator('p').first()).toBeVisible();

  // A new turn jumps back to the end and streams there.
  await app.send('[[reply:The newest answer at the very end.]]');
  const reply = app.assistant();
  await expect(reply.getByTestId('message-content')).toHaveText('The newest answer at the very end.');
  await expect(reply).toHaveAttribute('data-status', 'done');
  await expect(reply).toBeInViewport();
});
