import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_STREAMS, hostileStream } from './hostile';
import { post, startServer, user } from './testkit';
import type { TestServer } from './testkit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const ask = (name: string, signal?: AbortSignal): Promise<Response> =>
  fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'ref-chat', stream: true, messages: [user(`[[fault:${name}]]`)] }),
    ...(signal ? { signal } : {}),
  });

/** Reads raw bytes until the body ends, breaks, or `stopAt` shows up. */
async function readBytes(res: Response, stopAt?: string): Promise<{ bytes: Buffer; broken: boolean; reads: number }> {
  const reader = res.body!.getReader();
  const parts: Buffer[] = [];
  let reads = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads++;
      parts.push(Buffer.from(value));
      if (stopAt && Buffer.concat(parts).includes(stopAt)) {
        await reader.cancel();
        break;
      }
    }
    return { bytes: Buffer.concat(parts), broken: false, reads };
  } catch {
    return { bytes: Buffer.concat(parts), broken: true, reads };
  }
}

describe('hostile streams', () => {
  it('has every case the client suite relies on', () => {
    expect(HOSTILE_STREAMS).toEqual(
      expect.arrayContaining([
        'utf8-split',
        'byte-per-chunk',
        'mixed-eol',
        'bom',
        'sse-fields',
        'huge-line',
        'invalid-json',
        'error-with-choices',
        'error-no-choices',
        'drop-mid-token',
        'no-done-finished',
        'after-done',
        '503-html',
        '504-html',
        'gzip',
        'no-headers',
        'proto-keys',
        'endless-line',
        'binary-200',
        'gzip-unlabelled',
      ]),
    );
  });

  for (const name of HOSTILE_STREAMS.filter((n) => !['no-headers', 'after-done', 'drop-mid-token', 'endless-line'].includes(n))) {
    it(`[[fault:${name}]] sends exactly its bytes`, async () => {
      const c = hostileStream(name)!;
      const res = await ask(name);
      expect(res.status).toBe(c.status);
      expect(res.headers.get('content-type')).toBe(c.contentType);
      const { bytes, broken } = await readBytes(res);
      expect(broken).toBe(false);
      expect(bytes.equals(Buffer.concat(c.pieces))).toBe(true); // fetch undoes the gzip
      if (c.gzip) expect(res.headers.get('content-encoding')).toBe('gzip');
    });
  }

  it('utf8-split really cuts inside characters, byte-per-chunk sends many pieces', () => {
    const split = hostileStream('utf8-split')!.pieces;
    expect(split.some((p) => p.length > 0 && (p[0]! & 0xc0) === 0x80)).toBe(true);
    const bytes = hostileStream('byte-per-chunk')!.pieces;
    expect(bytes.every((p) => p.length === 1)).toBe(true);
    expect(hostileStream('mixed-eol')!.pieces.some((p) => p.at(-1) === 0x0d)).toBe(true);
    expect(hostileStream('huge-line')!.pieces[0]!.length).toBeGreaterThan(1_000_000);
  });

  it('[[fault:drop-mid-token]] resets the connection inside a character', async () => {
    const { bytes, broken } = await readBytes(await ask('drop-mid-token'));
    expect(broken).toBe(true);
    expect(bytes.at(-1)).toBe(0xc3);
  });

  it('[[fault:after-done]] keeps sending after [DONE] and holds the socket open', async () => {
    const res = await ask('after-done');
    const { bytes } = await readBytes(res, 'data: {broken');
    const text = bytes.toString('utf8');
    expect(text.indexOf('INJECTED AFTER DONE')).toBeGreaterThan(text.indexOf('[DONE]'));
  });

  it('[[fault:endless-line]] sends text, then over 16 MB of one line with no newline', async () => {
    const res = await ask('endless-line');
    const reader = res.body!.getReader();
    let text = '';
    let total = 0;
    while (total < 20 * 1024 * 1024) {
      const { done, value } = await reader.read();
      expect(done).toBe(false);
      total += value!.byteLength;
      if (text.length < 4096) text += Buffer.from(value!).toString('utf8');
    }
    await reader.cancel();
    expect(text).toContain('Kept before the endless line.');
    const lastLine = text.slice(text.lastIndexOf('\n') + 1);
    expect(lastLine.startsWith('data: {')).toBe(true);
    expect(total - text.lastIndexOf('\n')).toBeGreaterThan(16 * 1024 * 1024);
  });

  it('[[fault:no-headers]] never sends even a status line', async () => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(new Error('no response')), 400);
    await expect(ask('no-headers', ctrl.signal)).rejects.toThrow();
    clearTimeout(timer);
  });

  it('an unknown fault name still answers normally', async () => {
    const res = await post(server.url, { model: 'ref-chat', stream: false, messages: [user('[[fault:nope]] [[reply:ok]]')] });
    expect(res.status).toBe(200);
  });
});

describe('key-echoing faults', () => {
  const withKey = (fault: string) =>
    fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-echo-test-123' },
      body: JSON.stringify({ model: 'ref-chat', stream: true, messages: [user(`[[fault:${fault}]]`)] }),
    });

  it('[[fault:echo-key]] repeats the key in a 401', async () => {
    const res = await withKey('echo-key');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Incorrect API key provided: sk-echo-test-123.');
  });

  it('[[fault:echo-org]] answers as OpenAI does for a wrong organization: 401, repeating the header', async () => {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'OpenAI-Organization': 'org-echo-test-456' },
      body: JSON.stringify({ model: 'ref-chat', stream: true, messages: [user('[[fault:echo-org]]')] }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        message: 'No such organization: org-echo-test-456.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_organization',
      },
    });
    // Without the header, there is nothing to refuse: an ordinary reply.
    const plain = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'ref-chat', stream: false, messages: [user('[[fault:echo-org]] [[reply:ok]]')] }),
    });
    expect(plain.status).toBe(200);
  });

  it('[[fault:echo-key-stream]] repeats it in a mid-stream error', async () => {
    const res = await withKey('echo-key-stream');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    expect(text.indexOf('sk-echo-test-123')).toBeGreaterThan(text.indexOf('Started, then'));
  });
});
