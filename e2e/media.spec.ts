import type { Locator } from '@playwright/test';
import { expect, test } from './support/app';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** A real WAV file: 0.3 s of a 440 Hz tone, 8 kHz mono 16-bit PCM (Chromium decodes it headless). */
function toneWav(seconds = 0.3, rate = 8000): Buffer {
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Plays an <audio> element to its end; resolves with its duration, or the error that stopped it. */
async function playToEnd(audio: Locator): Promise<{ duration: number; ended: boolean; error: string | null }> {
  return audio.evaluate(
    (el: HTMLAudioElement) =>
      new Promise((resolve) => {
        const done = (error: string | null) => resolve({ duration: el.duration, ended: el.ended, error });
        el.addEventListener('ended', () => done(null), { once: true });
        el.addEventListener('error', () => done(`media error ${el.error?.code ?? '?'}`), { once: true });
        el.muted = true; // no user gesture in a test: muted playback is always allowed, and still ends
        el.play().catch((err: unknown) => done(String(err)));
        setTimeout(() => done('timed out'), 8000);
      }),
  );
}

test.describe('audio plays (the page policy allows blob: media)', () => {
  test('an attached WAV plays in the composer preview and in the sent message', async ({ app }) => {
    await app.open();
    const marker = `audio-play-${Date.now()}`;
    const cspErrors: string[] = [];
    app.page.on('console', (m) => {
      if (/Content Security Policy|media-src/i.test(m.text())) cspErrors.push(m.text());
    });
    await app.page.getByLabel('Attach files').setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav() });
    const preview = app.page.getByTestId('audio-part').locator('audio');
    await expect(preview).toHaveAttribute('src', /^blob:/);
    const played = await playToEnd(preview);
    expect(played).toEqual({ duration: expect.closeTo(0.3, 1) as unknown as number, ended: true, error: null });

    await app.send(`Listen ${marker}`);
    await expect(app.assistant()).toHaveAttribute('data-status', 'done');
    const sent = app.messages.filter({ hasText: marker }).getByTestId('audio-part').locator('audio');
    await expect(sent).toHaveAttribute('src', /^blob:/);
    expect((await playToEnd(sent)).ended).toBe(true);
    expect(cspErrors).toEqual([]);
  });
});

test.describe('remote media in message parts (the markdown rule: nothing loads before a click)', () => {
  test('an imported image URL part loads only after a click naming its host, without a referrer', async ({ app }) => {
    const marker = `remote-part-${Date.now()}`;
    const seen: { url: string; referer: string | undefined }[] = [];
    await app.page.route('https://tracker.example/**', async (route) => {
      seen.push({ url: route.request().url(), referer: (await route.request().allHeaders())['referer'] });
      await route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from(PNG, 'base64') });
    });
    await app.open();
    const body = {
      model: 'ref-chat',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: `Look ${marker}` },
            { type: 'image_url', image_url: { url: `https://tracker.example/pixel.png?reader=${marker}` } },
          ],
        },
      ],
    };
    await app.share.pasteImport(JSON.stringify(body));
    const message = app.messages.filter({ hasText: marker });
    const part = message.getByTestId('image-part');
    await expect(part).toBeVisible();
    // Shown, reloaded: still nothing fetched from the sender's host.
    await app.page.waitForTimeout(500);
    expect(seen).toEqual([]);
    await expect(part.locator('img')).toHaveCount(0);
    await part.screenshot({ path: 'test-results/remote-image-part.png' });
    await app.page.reload();
    await expect(part).toBeVisible();
    await app.page.waitForTimeout(500);
    expect(seen).toEqual([]);

    await part.getByRole('button', { name: 'Load image from tracker.example' }).click();
    await expect(part.locator('img')).toHaveAttribute('referrerpolicy', 'no-referrer');
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toEqual({ url: `https://tracker.example/pixel.png?reader=${marker}`, referer: undefined });

    // Sharing it says the link only points at that host.
    await app.page.getByTestId('share-link-button').click();
    await expect(app.page.getByTestId('share-link-linked')).toContainText('1 image is a web address, not included');
    await expect(app.page.getByTestId('share-link-linked')).toContainText('the link points at tracker.example');
    await app.page.getByRole('dialog', { name: 'Share link' }).screenshot({ path: 'test-results/share-link-linked.png' });
  });

  test('an imported audio URL part loads only after a click naming its host', async ({ app }) => {
    const marker = `remote-audio-${Date.now()}`;
    const seen: string[] = [];
    await app.page.route('https://tracker.example/**', async (route) => {
      seen.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'audio/wav', body: toneWav() });
    });
    await app.open();
    const t = 1_700_000_000_000;
    const file = {
      format: 'chat-playground',
      version: 2,
      conversations: [
        {
          id: marker,
          title: `Audio ${marker}`,
          createdAt: t,
          updatedAt: t,
          currentLeafId: 'm1',
          params: { model: 'ref-chat', values: {}, enabled: { stream: true }, extraBody: '' },
          endpoint: null,
          messages: [
            {
              id: 'm1',
              parentId: null,
              role: 'user',
              content: [
                { type: 'text', text: `Hear ${marker}` },
                { type: 'audio', source: { kind: 'url', url: `https://tracker.example/clip.wav?reader=${marker}` }, format: 'wav' },
              ],
              status: 'done',
              createdAt: t,
              updatedAt: t,
            },
          ],
        },
      ],
      blobs: {},
    };
    await app.share.importFile('audio.chat.json', JSON.stringify(file));
    const part = app.messages.filter({ hasText: marker }).getByTestId('audio-part');
    await expect(part).toBeVisible();
    await app.page.waitForTimeout(500);
    expect(seen).toEqual([]);
    await expect(part.locator('audio')).toHaveCount(0);
    await part.getByRole('button', { name: 'Load audio from tracker.example' }).click();
    await expect(part.locator('audio')).toHaveAttribute('src', `https://tracker.example/clip.wav?reader=${marker}`);
    await expect.poll(() => seen.length).toBeGreaterThan(0);
  });
});
