// The app's stream client (src/lib/openai) against every hostile stream of the reference server:
// once with the exact chunk boundaries of the case (a fake fetch), once over real HTTP.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChatCompletion, type CompletionResult } from '../src/lib/openai/client';
import { HOSTILE_STREAMS, hostileStream } from './hostile';
import { startServer, type TestServer } from './testkit';

interface Expected {
  outcome: CompletionResult['outcome'];
  /** The text kept (exact), or a check on it. */
  text: string | ((text: string) => void);
  /** The error the person reads. */
  error?: RegExp;
}

const HUGE = (text: string) => {
  expect(text.startsWith('HUGE-START ')).toBe(true);
  expect(text.endsWith('HUGE-END')).toBe(true);
  expect(text.length).toBeGreaterThan(1_000_000);
};

export const EXPECTED: Record<string, Expected> = {
  'utf8-split': { outcome: 'done', text: 'Grüße 日本語 🎉👩‍👩‍👧 done.' },
  'byte-per-chunk': { outcome: 'done', text: 'One byte at a time ✓' },
  'mixed-eol': { outcome: 'done', text: 'Line endings: CR, LF and CRLF.' },
  bom: { outcome: 'done', text: 'Starts with a BOM.' },
  'sse-fields': { outcome: 'done', text: 'Comments, ids, retries and empty events.' },
  'huge-line': { outcome: 'done', text: HUGE },
  'invalid-json': { outcome: 'done', text: 'Before the bad chunk, after it.' },
  'error-with-choices': { outcome: 'error', text: 'Partial answer then ', error: /Upstream provider failed mid-answer/ },
  'error-no-choices': { outcome: 'error', text: 'Partial answer ', error: /Upstream provider failed mid-answer/ },
  'drop-mid-token': { outcome: 'interrupted', text: 'Cut off in the middle of ', error: /stopped before it was complete/ },
  'no-done-finished': { outcome: 'done', text: 'Finished, but no DONE line.' },
  'after-done': { outcome: 'done', text: 'Everything before DONE.' },
  '503-html': { outcome: 'error', text: '', error: /HTML page \(status 503: Service Temporarily Unavailable\)/ },
  '504-html': { outcome: 'error', text: '', error: /HTML page \(status 504: Gateway Time-out\)/ },
  gzip: { outcome: 'done', text: 'Compressed with gzip and still read.' },
  'no-headers': { outcome: 'error', text: '', error: /did not start answering within 0\.3 s/ },
  'proto-keys': { outcome: 'done', text: 'Safe from pollution.' },
  'endless-line': { outcome: 'error', text: 'Kept before the endless line.', error: /more than 16 MB without ending an event/ },
  'binary-200': { outcome: 'error', text: '', error: /answered with a PNG image \(image\/png\), not text/ },
  'gzip-unlabelled': { outcome: 'error', text: '', error: /answered with gzip-compressed data \(text\/event-stream; charset=utf-8\)/ },
};

/** A fetch answering with the case's pieces, one network chunk each (gzip is undone by real fetch, so here too). */
function fakeFetch(name: string): typeof fetch {
  const c = hostileStream(name)!;
  return ((_url: unknown, init?: RequestInit) => {
    const signal = init?.signal;
    if (c.silent) return new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        const piece = c.pieces[i++];
        if (piece) return ctrl.enqueue(new Uint8Array(piece));
        if (c.after === 'destroy') ctrl.error(new TypeError('network error'));
        else if (c.after === 'end') ctrl.close();
        // 'hold': never closes; only a cancel ends it.
        return undefined;
      },
    });
    return Promise.resolve(new Response(body, { status: c.status, headers: { 'content-type': c.contentType } }));
  }) as typeof fetch;
}

function check(name: string, r: CompletionResult): void {
  const want = EXPECTED[name]!;
  const text = r.completion.choices[0]?.content ?? '';
  expect(r.outcome, name).toBe(want.outcome);
  if (typeof want.text === 'string') expect(text, name).toBe(want.text);
  else want.text(text);
  if (want.error) expect(r.error?.message ?? '', name).toMatch(want.error);
  else expect(r.error, name).toBeNull();
  // No prototype pollution, whatever the stream carried.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

const run = (fetchFn: typeof fetch | undefined, baseURL: string, name: string) =>
  runChatCompletion({
    endpoint: { baseURL },
    body: { model: 'ref-chat', stream: true, messages: [{ role: 'user', content: `[[fault:${name}]]` }] },
    signal: new AbortController().signal,
    maxRetries: 0,
    firstByteTimeoutMs: 300,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  });

it('every hostile stream of the server has an expectation here', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...HOSTILE_STREAMS].sort());
});

describe('hostile streams, exact chunk boundaries', () => {
  for (const name of HOSTILE_STREAMS) {
    it(name, async () => check(name, await run(fakeFetch(name), 'http://hostile.test/v1', name)), 20_000);
  }
});

describe('hostile streams over real HTTP from the reference server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  for (const name of HOSTILE_STREAMS) {
    it(name, async () => check(name, await run(undefined, `${server.url}/v1`, name)), 20_000);
  }
});

describe('extra checks', () => {
  it('proto-keys: the tool call named "constructor" keeps its exact arguments', async () => {
    const r = await run(fakeFetch('proto-keys'), 'http://hostile.test/v1', 'proto-keys');
    const call = r.completion.choices[0]?.toolCalls[0];
    expect(call?.name).toBe('constructor');
    expect(call?.arguments).toBe('{"__proto__":{"polluted":"yes"}}');
    expect(r.completion.choices).toHaveLength(1);
    expect(r.completion.usage?.totalTokens).toBe(6);
  });

  it('invalid-json: the reply goes on, and says one event was dropped, with its raw text', async () => {
    const r = await run(fakeFetch('invalid-json'), 'http://hostile.test/v1', 'invalid-json');
    expect(r.completion.dropped).toEqual({ count: 1, samples: ['{"choices":[{"delta":{"content":"oops"'] });
  });

  it('after-done: returns at [DONE] although the socket stays open, ignoring what follows', async () => {
    const started = Date.now();
    const r = await run(fakeFetch('after-done'), 'http://hostile.test/v1', 'after-done');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.stringify(r.completion)).not.toContain('INJECTED');
  });

  it('no-headers: Stop (abort) ends the wait at once, with no error', async () => {
    const ctrl = new AbortController();
    const pending = runChatCompletion({
      endpoint: { baseURL: 'http://hostile.test/v1' },
      body: { model: 'ref-chat', stream: true, messages: [{ role: 'user', content: 'x' }] },
      signal: ctrl.signal,
      fetch: fakeFetch('no-headers'),
    });
    setTimeout(() => ctrl.abort(), 50);
    const r = await pending;
    expect(r.outcome).toBe('aborted');
    expect(r.error).toBeNull();
  });
});

/** A fetch answering with `bytes` cut at `cuts`, ending as the case does. */
function cutFetch(name: string, cuts: number[]): typeof fetch {
  const c = hostileStream(name)!;
  const bytes = Buffer.concat(c.pieces);
  const points = [...new Set(cuts.filter((n) => n > 0 && n < bytes.length))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  return (() => {
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        const piece = pieces[i++];
        if (piece) return ctrl.enqueue(new Uint8Array(piece));
        if (c.after === 'destroy') ctrl.error(new TypeError('network error'));
        else if (c.after === 'end') ctrl.close();
        return undefined;
      },
    });
    return Promise.resolve(new Response(body, { status: c.status, headers: { 'content-type': c.contentType } }));
  }) as unknown as typeof fetch;
}

describe('chunking never matters (fast-check)', () => {
  // The two biggest cases (1 MB, 24 MB) are left out: 400 runs of them would take minutes.
  const names = HOSTILE_STREAMS.filter((n) => n !== 'no-headers' && n !== 'huge-line' && n !== 'endless-line');
  it('any split of any hostile stream gives the same outcome, text and error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }),
        async (name, fractions) => {
          const size = Buffer.concat(hostileStream(name)!.pieces).length;
          check(
            name,
            await run(
              cutFetch(
                name,
                fractions.map((f) => Math.floor(f * size)),
              ),
              'http://hostile.test/v1',
              name,
            ),
          );
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
