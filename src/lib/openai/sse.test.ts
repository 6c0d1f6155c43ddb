import { describe, expect, it } from 'vitest';
import { readEventStream } from './sse';
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
    const expected = [['a\nb', 'delta'], ['c', undefined]];
    expect(await events(text)).toEqual(expected);
    expect(await events(text, everyByte(text.length))).toEqual(expected);
  });

  it('strips a BOM and dispatches a last event without a blank line', async () => {
    expect(await events('\uFEFFdata: x\n\ndata: y')).toEqual([['x', undefined], ['y', undefined]]);
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
