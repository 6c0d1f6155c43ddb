import type { Locator } from '@playwright/test';
import { expect, test } from './support/app';

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
