import type { Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './support/app';

/**
 * Every hostile stream of the reference server (server/hostile.ts, plus the older [[fault:…]]
 * cases) through the whole app: the text that arrived is on screen and still there after a reload,
 * a failure reads clearly, Send works again, and the page never throws.
 */
interface Case {
  fault: string;
  /** Text the reply shows (substring); null = no reply is kept (the request failed before any text). */
  text: string | null;
  status?: 'done' | 'error' | 'interrupted';
  /** The error banner; absent = no banner. */
  error?: RegExp;
  /** CPU-bound on this shared machine: allow more time. */
  slow?: boolean;
}

const TEN = '[[reply:one two three four five six seven eight nine ten]]';

const CASES: Case[] = [
  { fault: 'utf8-split', text: 'Grüße 日本語 🎉👩‍👩‍👧 done.', status: 'done' },
  { fault: 'byte-per-chunk', text: 'One byte at a time ✓', status: 'done' },
  { fault: 'mixed-eol', text: 'Line endings: CR, LF and CRLF.', status: 'done' },
  { fault: 'bom', text: 'Starts with a BOM.', status: 'done' },
  { fault: 'sse-fields', text: 'Comments, ids, retries and empty events.', status: 'done' },
  { fault: 'huge-line', text: 'HUGE-END', status: 'done', slow: true },
  { fault: 'invalid-json', text: 'Before the bad chunk, after it.', status: 'done' },
  { fault: 'malformed', text: 'one', status: 'done' },
  { fault: 'error-with-choices', text: 'Partial answer then', status: 'error', error: /Upstream provider failed mid-answer/ },
  { fault: 'error-no-choices', text: 'Partial answer', status: 'error', error: /Upstream provider failed mid-answer/ },
  { fault: 'midstream-error', text: 'one', status: 'error', error: /server had an error/ },
  { fault: 'drop-mid-token', text: 'Cut off in the middle of', status: 'interrupted', error: /stopped before it was complete/ },
  { fault: 'drop', text: 'one', status: 'interrupted', error: /stopped before it was complete/ },
  { fault: 'no-done', text: 'one', status: 'interrupted', error: /stopped before it was complete/ },
  { fault: 'no-done-finished', text: 'Finished, but no DONE line.', status: 'done' },
  { fault: 'after-done', text: 'Everything before DONE.', status: 'done' },
  { fault: 'html-200', text: null, error: /HTML page \(status 200/ },
  { fault: 'html', text: null, error: /HTML page \(status 502/ },
  { fault: '503-html', text: null, error: /HTML page \(status 503/ },
  { fault: '504-html', text: null, error: /HTML page \(status 504/ },
  { fault: 'json-for-stream', text: 'plain json body', status: 'done' },
  { fault: 'gzip', text: 'Compressed with gzip and still read.', status: 'done' },
  { fault: 'no-headers', text: null, error: /did not start answering within 1 s/ },
  { fault: 'proto-keys', text: 'Safe from pollution.', status: 'done' },
  { fault: 'binary-200', text: null, error: /answered with a PNG image \(image\/png\), not text/ },
  { fault: 'gzip-unlabelled', text: null, error: /answered with gzip-compressed data \(text\/event-stream; charset=utf-8\), not text/ },
  {
    fault: 'endless-line',
    text: 'Kept before the endless line.',
    status: 'error',
    error: /more than 16 MB without ending an event, so reading stopped/,
    slow: true,
  },
];

test.describe.configure({ timeout: 45_000 });

/** The reply's text, shortened to its ends (a 4 MB reply would make every poll slow). */
function replyText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const all = document.querySelectorAll('[data-testid="message"][data-role="assistant"] [data-testid="message-content"]');
    const text = all[all.length - 1]?.textContent ?? '';
    return text.length > 2000 ? `${text.slice(0, 1000)}…${text.slice(-1000)}` : text;
  });
}

/** A short first-byte timeout only where the case is about it: on a loaded machine a slow stream
 * (one byte per chunk) can take longer than 1 s to show its first event. */
const waitsForFirstByte = (c: Case) => c.fault === 'no-headers';

/** Opens the case's app: a new conversation in the shared one, or its own with a fake clock. */
async function start(app: PlaygroundPage, own: boolean): Promise<void> {
  if (own) {
    await app.page.clock.install();
    await app.open();
  } else await app.fresh();
}

for (const c of CASES) {
  // The cases only need a new conversation each: one app per worker serves them, except the two
  // whose 1 s first-byte timeout passes on a fake clock (installed for a whole browser context).
  const body = async (app: PlaygroundPage) => {
    const page = app.page;
    const pageErrors: string[] = [];
    const onError = (e: Error) => pageErrors.push(`${e.message}\n${e.stack ?? ''}`);
    page.on('pageerror', onError);
    await start(app, waitsForFirstByte(c));
    await page.getByTestId('max-retries-input').fill('0');
    await page.getByTestId('first-byte-timeout-input').fill(waitsForFirstByte(c) ? '1' : '30');
    if (c.slow) test.setTimeout(120_000);
    const reply = c.fault === 'json-for-stream' ? '[[reply:plain json body]]' : TEN;
    const marker = `hostile ${c.fault} ${Date.now()}`;
    await app.send(`${marker} [[fault:${c.fault}]] ${reply}`);
    if (waitsForFirstByte(c)) {
      await expect.poll(() => app.requestCount(marker)).toBe(1);
      await page.clock.fastForward(1000);
    }
    await expect(app.sendButton).toBeVisible({ timeout: c.slow ? 60_000 : 20_000 }); // the run is over
    const replies = page.locator('[data-testid="message"][data-role="assistant"]');

    if (c.text === null) await expect(replies).toHaveCount(0);
    else {
      await expect(replies).toHaveCount(1);
      await expect(app.assistant()).toHaveAttribute('data-status', c.status!);
      await expect.poll(() => replyText(page), { timeout: c.slow ? 60_000 : 10_000 }).toContain(c.text);
    }
    if (c.error) await expect(app.errorBanner).toContainText(c.error);
    else await expect(app.errorBanner).toHaveCount(0);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();

    // Send is usable again.
    await app.composer.fill('next question');
    await expect(app.sendButton).toBeEnabled();

    // What arrived is stored: the same after a reload.
    await page.reload();
    await expect(app.messages.first()).toContainText(marker);
    if (c.text === null) await expect(replies).toHaveCount(0);
    else {
      await expect(app.assistant()).toHaveAttribute('data-status', c.status!);
      await expect.poll(() => replyText(page), { timeout: c.slow ? 60_000 : 10_000 }).toContain(c.text);
    }
    page.off('pageerror', onError);
    expect(pageErrors).toEqual([]);
  };
  if (waitsForFirstByte(c)) test(`hostile stream: ${c.fault}`, ({ app }) => body(app));
  else test(`hostile stream: ${c.fault}`, ({ sharedApp }) => body(sharedApp));
}

test('a reply that skipped an unreadable event says so, with the raw text, and keeps saying it after a reload', async ({
  sharedApp: app,
}) => {
  const page = app.page;
  await app.fresh();
  await page.getByTestId('max-retries-input').fill('0');
  const marker = `dropped-event ${Date.now()}`;
  await app.send(`${marker} [[fault:invalid-json]] ${TEN}`);
  const reply = app.assistant();
  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(reply.getByTestId('message-content')).toContainText('Before the bad chunk, after it.');
  const dropped = reply.getByTestId('message-dropped-events');
  const check = async () => {
    await expect(dropped).toHaveText('1 event dropped (not valid JSON)');
    await expect(reply.getByTestId('dropped-events-details')).toHaveCount(0);
    await dropped.click();
    await expect(dropped).toHaveAttribute('aria-expanded', 'true');
    const details = reply.getByTestId('dropped-events-details');
    await expect(details).toContainText('Parts of this reply may be missing');
    await expect(details).toContainText('{"choices":[{"delta":{"content":"oops"');
  };
  await check();
  await page.reload();
  await expect(app.messages.first()).toContainText(marker);
  await check();
});
