import { describe, expect, it } from 'vitest';
import { EventTooLargeError, readEventStream } from './sse';
import { everyByte, streamOf } from './test-support';

async function events(text: string, cuts: number[] = []) {
  const out: [string, string | undefined][] = [];
  const bytes = new TextEncoder().encode(text);
  await readEventStream(streamOf(bytes, cuts), (data, event) => out.push([data, event]));
  return out;
}

describe('readEventStream', () => {
  it('handles CR, LF and CRLF, comments, id/retry fields and multi-line data', async () => {
    const text = ': hello\r\rretry: 3000\nid: 7\nevent: delta\ndata: a\ndata: b\r\n\r\ndata: c\r\r';
    const expected = [
      ['a\nb', 'delta'],
      ['c', undefined],
    ];
    expect(await events(text)).toEqual(expected);
    expect(await events(text, everyByte(text.length))).toEqual(expected);
  });

  it('strips a BOM and dispatches a last event without a blank line', async () => {
    expect(await events('\uFEFFdata: x\n\ndata: y')).toEqual([
      ['x', undefined],
      ['y', undefined],
    ]);
  });

  it('reassembles a character split across chunks', async () => {
    const text = 'data: 🎉é\n\n';
    expect(await events(text, [7, 8, 9, 11])).toEqual([['🎉é', undefined]]);
  });

  it('stops with the abort reason when the signal fires', async () => {
    const ctrl = new AbortController();
    const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('data: a\n\n')) });
    const reading = readEventStream(body, () => ctrl.abort(new Error('stop')), ctrl.signal);
    await expect(reading).rejects.toThrow('stop');
  });
});

describe('large reads', () => {
  it('parses a read far larger than one slice without losing or reordering events', async () => {
    const events = Array.from({ length: 20_000 }, (_, i) => `data: {"i":${i},"t":"é✓ token ${i}"}\n\n`).join('');
    const bytes = new TextEncoder().encode(events);
    expect(bytes.byteLength).toBeGreaterThan(5 * 64 * 1024);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes);
        c.close();
      },
    });
    const seen: string[] = [];
    await readEventStream(body, (data) => seen.push(data));
    expect(seen).toHaveLength(20_000);
    expect(seen[19_999]).toBe('{"i":19999,"t":"é✓ token 19999"}');
    expect(seen.every((d, i) => JSON.parse(d).i === i)).toBe(true);
  });
});

describe('a line that never ends', () => {
  /** A body that sends `head`, then `filler` forever (until cancelled), like a server stuck mid-line. */
  function endless(head: string, filler: string) {
    const enc = new TextEncoder();
    let cancelled = false;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(enc.encode(head)),
      pull: (c) => {
        sent++;
        c.enqueue(enc.encode(filler));
      },
      cancel: () => {
        cancelled = true;
      },
    });
    return { body, wasCancelled: () => cancelled, pulls: () => sent };
  }

  it('stops at the cap with EventTooLargeError, cancels the body, and keeps the events before it', async () => {
    const { body, wasCancelled, pulls } = endless('data: {"a":1}\n\ndata: {"b":', 'x'.repeat(1000));
    const seen: string[] = [];
    const reading = readEventStream(body, (data) => seen.push(data), undefined, { maxEventChars: 50_000 });
    await expect(reading).rejects.toBeInstanceOf(EventTooLargeError);
    expect(seen).toEqual(['{"a":1}']);
    expect(wasCancelled()).toBe(true);
    expect(pulls()).toBeLessThan(60);
  });

  it('counts an event assembled from many data lines, but not keep-alive comments', async () => {
    const manyLines = 'data: 0123456789\n'.repeat(200);
    await expect(readEventStream(endless(manyLines, 'data: more\n').body, () => {}, undefined, { maxEventChars: 1000 })).rejects.toThrow(
      EventTooLargeError,
    );
    const comments = `${': keep-alive\n'.repeat(500)}data: done\n\n`;
    const seen: string[] = [];
    await readEventStream(streamOf(new TextEncoder().encode(comments)), (d) => seen.push(d), undefined, { maxEventChars: 1000 });
    expect(seen).toEqual(['done']);
  });
});
