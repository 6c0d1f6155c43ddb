import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { looksBinary } from './binary-body';
import { runChatCompletion } from './client';
import { fetchSeq, opts, sseOf, chunk, finish, sseResponse } from './test-support';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
]);

describe('binary bodies', () => {
  it('tells binary from text, including text in other scripts and with whitespace', () => {
    expect(looksBinary(new TextDecoder().decode(PNG))).toBe(true);
    expect(looksBinary(new TextDecoder().decode(gzipSync('data: {"a":1}\n\n')))).toBe(true);
    expect(looksBinary('data: {"choices":[]}\n\n\tdata: [DONE]\r\n')).toBe(false);
    expect(looksBinary('日本語のテキスト、Ελληνικά, العربية 🎉')).toBe(false);
    expect(looksBinary('')).toBe(false);
  });

  it('a stream labelled text/event-stream that is really gzip (its Content-Encoding dropped) says so', async () => {
    const zipped = gzipSync(sseOf([chunk('hello'), finish]));
    const r = await runChatCompletion(opts(fetchSeq(sseResponse(new Uint8Array(zipped))).fetch));
    expect(r.outcome).toBe('error');
    expect(r.error?.message).toBe(
      'The server answered with gzip-compressed data (text/event-stream; charset=utf-8), not text: this is not a chat completion.',
    );
    expect(r.error?.hint).toContain('no Content-Encoding');
  });

  it('an image where a completion was asked for says what it is, streamed or not', async () => {
    for (const stream of [true, false]) {
      const png = new Response(PNG, { status: 200, headers: { 'content-type': 'image/png' } });
      const r = await runChatCompletion(
        opts(fetchSeq(png).fetch, { body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream } }),
      );
      expect(r.outcome).toBe('error');
      expect(r.error?.message).toBe('The server answered with a PNG image (image/png), not text: this is not a chat completion.');
      expect(r.error?.detail).toMatch(/^Starts with: /);
    }
  });

  it('an error status with a binary body says the body is binary', async () => {
    const bad = new Response(PNG, { status: 502, headers: { 'content-type': 'application/octet-stream' } });
    const r = await runChatCompletion(opts(fetchSeq(bad).fetch, { maxRetries: 0 }));
    expect(r.error?.message).toContain('The body is binary data, not text.');
  });
});
