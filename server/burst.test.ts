import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burstWriter } from './stream';
import { chunks, contents, post, startServer, user } from './testkit';
import type { TestServer } from './testkit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** A response that records each write's size. */
function fakeResponse() {
  const writes: number[] = [];
  let ended = false;
  const res = {
    destroyed: false,
    writableEnded: false,
    write(data: string | Buffer) {
      writes.push(Buffer.byteLength(data));
      return true;
    },
    end() {
      ended = true;
    },
  };
  return { res: res as unknown as ServerResponse, writes, ended: () => ended };
}

describe('[[burst:BYTES]]: the stream handed over in large pieces', () => {
  it('writes pieces of exactly the size, holding the remainder back until more comes or the end', async () => {
    const { res, writes, ended } = fakeResponse();
    const out = burstWriter(res, 16);
    await out.write('x'.repeat(10));
    expect(writes).toEqual([]);
    await out.write('é'.repeat(20)); // 40 bytes: a piece may end inside a character, as on a real link
    expect(writes).toEqual([16, 16, 16]);
    await out.end('tail');
    expect(writes).toEqual([16, 16, 16, 6]);
    expect(ended()).toBe(true);
  });

  it('writes through without a size', async () => {
    const { res, writes } = fakeResponse();
    const out = burstWriter(res, undefined);
    await out.write('abc');
    expect(writes).toEqual([3]);
  });

  it('delivers the same events as an unbuffered stream', async () => {
    // The same prompt (the text is seeded by it); the burst comes in the trigger header.
    const body = { model: 'ref-chat', stream: true, messages: [user('Write. [[tokens:3000]] [[rate:0]]')] };
    const bursty = await post(server.url, body, { 'X-Ref-Trigger': 'burst:16384' }).then((r) => r.text());
    const plain = await post(server.url, body).then((r) => r.text());
    expect(contents(chunks(bursty)).join('')).toBe(contents(chunks(plain)).join(''));
    expect(bursty).toContain('data: [DONE]');
  });
});
