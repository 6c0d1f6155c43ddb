// Streams a plan as server-sent events: paced by tokens per second (each
// choice advances one token per tick, so choices stream side by side), or as
// fast as the socket takes it when the rate is 0.
import type { ServerResponse } from 'node:http';
import type { Plan } from './plan';
import { ChunkWriter } from './render';
import type { RenderOptions } from './render';
import { sleep, write } from './http';

export type StreamFault = 'midstream-error' | 'drop' | 'malformed' | 'no-done';

export interface Pacing {
  /** Tokens per second; 0 = unlimited. */
  rate: number;
  /** Extra delay before the first token, after the role chunks. */
  firstTokenMs: number;
  /** Write the stream in pieces of exactly this many bytes (the last one shorter): bursty delivery. */
  burstBytes?: number;
}

/**
 * Writes what it is given in pieces of `size` bytes, holding back the remainder until more comes
 * or the stream ends — what a client sees behind a buffering proxy. Without a size, writes through.
 */
export function burstWriter(res: ServerResponse, size: number | undefined) {
  let held = Buffer.alloc(0);
  return {
    async write(text: string): Promise<boolean> {
      if (!size) return write(res, text);
      held = Buffer.concat([held, Buffer.from(text)]);
      while (held.length >= size) {
        const piece = held.subarray(0, size);
        held = held.subarray(size);
        if (!(await write(res, piece))) return false;
      }
      return true;
    },
    async end(text: string): Promise<void> {
      if (size) {
        await this.write(text);
        if (held.length > 0) await write(res, held);
        res.end();
        return;
      }
      await write(res, text);
      res.end();
    },
  };
}

const BATCH_BYTES = 64 * 1024;

const MIDSTREAM_ERROR = `data: ${JSON.stringify({
  error: { message: 'The server had an error while processing your request.', type: 'server_error', code: 'stream_failure' },
})}\n\n`;

export async function streamPlan(
  res: ServerResponse,
  plan: Plan,
  render: RenderOptions,
  pacing: Pacing,
  fault?: StreamFault,
): Promise<void> {
  const writer = new ChunkWriter(plan, render);
  const out = burstWriter(res, pacing.burstBytes);
  const iterators = plan.choices.map((choice) => writer.ticksOf(choice));
  let closed = false;
  res.on('close', () => {
    closed = true;
  });

  // Role chunks go out at once, so clients see the stream open before the first token.
  let head = '';
  for (const it of iterators) head += (it.next().value ?? []).join('');
  if (!(await out.write(head))) return;
  if (pacing.firstTokenMs > 0) await sleep(pacing.firstTokenMs);

  const first = plan.choices[0];
  const faultAt = fault && first ? Math.max(1, Math.min(5, Math.floor(ChunkWriter.ticks(first) / 2))) : Infinity;
  const active = [...iterators];
  const start = Date.now();
  let tick = 0;
  let buffer = '';

  while (active.length > 0 && !closed) {
    const due = pacing.rate > 0 ? Math.floor(((Date.now() - start) * pacing.rate) / 1000) + 1 : Infinity;
    while (tick < due && active.length > 0 && buffer.length < BATCH_BYTES) {
      for (let i = 0; i < active.length;) {
        const step = active[i]?.next();
        if (!step || step.done) active.splice(i, 1);
        else {
          buffer += step.value.join('');
          i++;
        }
      }
      tick++;
      if (tick === faultAt) {
        if (fault === 'malformed') buffer += 'data: {not json\n\n';
        else {
          if (fault === 'midstream-error') buffer += MIDSTREAM_ERROR;
          if (fault !== 'drop') return void res.end(buffer);
          // Let the tokens reach the client before the connection breaks, as a real drop would.
          await new Promise<void>((resolve) => res.write(buffer, () => resolve()));
          // A browser discards bytes the page has not read yet when the body then fails.
          await sleep(300);
          res.destroy();
          return;
        }
      }
    }
    if (buffer.length > 0) {
      const ok = await out.write(buffer);
      buffer = '';
      if (!ok) return;
    }
    if (pacing.rate > 0) {
      const nextAt = start + (tick * 1000) / pacing.rate;
      await sleep(Math.max(0, nextAt - Date.now()));
    } else {
      // Let other requests and disconnect events through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (closed) return;
  if (render.includeUsage) buffer += writer.usageEvent();
  buffer += 'data: [DONE]\n\n';
  await out.end(buffer);
}
