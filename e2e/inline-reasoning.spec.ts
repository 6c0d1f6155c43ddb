import { expect, expectBeforeAndAfterReload, test } from './support/app';

// A reasoning model served without a reasoning parser (Ollama, LM Studio, vLLM, llama.cpp with
// --reasoning-format none) writes its thinking inside `content` between <think> tags.

test('inline <think> is shown as reasoning while it streams and after a reload, and never sent back', async ({ app, page }) => {
  await app.open();
  await app.send('Hi [[persona:inline-think]] [[rate:6]]');
  const reply = app.assistant();
  const reasoning = reply.getByTestId('message-reasoning');
  const content = reply.getByTestId('message-content');
  // Still thinking: the thinking is in the open Reasoning block, the content is empty.
  await expect(async () => {
    expect(await reply.getAttribute('data-status')).toBe('streaming');
    expect(await reasoning.innerText()).toContain('I should');
    expect(await content.innerText()).toBe('');
  }).toPass({ timeout: 10_000, intervals: [50] });
  await expect(reasoning).toBeVisible();

  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expectBeforeAndAfterReload(page, async () => {
    const done = app.assistant();
    await expect(done).toHaveAttribute('data-finish-reason', 'stop');
    await expect(done.getByTestId('message-content')).toHaveText('Hello!');
    await expect(done.getByTestId('message-reasoning')).toHaveText('I should greet.');
    await expect(done.getByTestId('reasoning-unclosed')).toHaveCount(0);
  });

  // The next request carries the reply as the person sees it: no thinking, no tags.
  await app.sendAndWait('[[reply:Next]] inline-marker');
  const { body } = await app.receivedWith('inline-marker');
  const sent = JSON.stringify(body);
  expect(sent).not.toMatch(/<\/?think>|I should greet/);
  expect((body.messages as { role: string; content: unknown }[]).find((m) => m.role === 'assistant')).toEqual({
    role: 'assistant',
    content: 'Hello!',
  });
});

test('the content never shows a tag or the thinking, frame by frame', async ({ app, page }) => {
  await app.open();
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { __contentSeen: Set<string> }).__contentSeen = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-role="assistant"] [data-testid="message-content"]')) seen.add(el.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const reply = await app.sendAndWait('Hi [[persona:inline-think]] [[rate:40]]');
  await expect(reply.getByTestId('message-content')).toHaveText('Hello!');
  const seen = await page.evaluate(() => [...(window as unknown as { __contentSeen: Set<string> }).__contentSeen]);
  expect(seen.length).toBeGreaterThan(0);
  for (const text of seen) expect('Hello!'.startsWith(text), `content showed ${JSON.stringify(text)}`).toBe(true);
});

test('thinking that never closes stays reasoning and says so', async ({ app, page }) => {
  await app.open();
  await app.sendAndWait('Hi [[persona:inline-think-open]]');
  await expectBeforeAndAfterReload(page, async () => {
    const done = app.assistant();
    await expect(done).toHaveAttribute('data-finish-reason', 'length');
    await expect(done.getByTestId('message-content')).toHaveText('');
    await expect(done.getByTestId('message-reasoning')).toHaveText(/^I should greet, but first let me think about how$/);
    await expect(done.getByTestId('reasoning-unclosed')).toBeVisible();
  });
});
