/**
 * The main thread's side of the counting worker: a cache of counts by key (message id + version,
 * so each message is sent to the worker once), and one request in flight per call.
 */
import type { Encoding } from '../../domain/tokens';
import type { CountRequest, CountResponse } from './count-core';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (res: CountResponse) => void>();
const cache: Record<Encoding, Map<string, number>> = { o200k_base: new Map(), cl100k_base: new Map() };
const MAX_CACHE = 50_000;

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  worker = new Worker(new URL('./count.worker.ts', import.meta.url), { type: 'module', name: 'token-counter' });
  worker.onmessage = (event: MessageEvent<CountResponse>) => {
    const done = pending.get(event.data.id);
    pending.delete(event.data.id);
    done?.(event.data);
  };
  return worker;
}

/** Starts the worker and loads an encoding before anything needs counting. */
export function warmUp(encoding: Encoding): void {
  getWorker()?.postMessage({ id: -1, warm: encoding });
}

export function cachedCount(encoding: Encoding, key: string): number | undefined {
  return cache[encoding].get(key);
}

export interface CountResult {
  counts: Map<string, number>;
  /** Worker time of this call (0 when everything was cached). */
  workerMs: number;
}

/** Counts the texts; keys already counted are answered from the cache without a message. */
export async function countTexts(encoding: Encoding, items: readonly (readonly [string, string])[]): Promise<CountResult> {
  const store = cache[encoding];
  const counts = new Map<string, number>();
  const missing: [string, string][] = [];
  for (const [key, text] of items) {
    const hit = store.get(key);
    if (hit === undefined) missing.push([key, text]);
    else counts.set(key, hit);
  }
  if (missing.length === 0) return { counts, workerMs: 0 };
  const w = getWorker();
  if (!w) {
    for (const [key, text] of missing) counts.set(key, Math.ceil(text.length / 4));
    return { counts, workerMs: 0 };
  }
  const id = nextId++;
  const res = await new Promise<CountResponse>((resolve) => {
    pending.set(id, resolve);
    const req: CountRequest = { id, encoding, items: missing };
    w.postMessage(req);
  });
  if (store.size > MAX_CACHE) store.clear();
  for (const [key, n] of res.counts) {
    counts.set(key, n);
    store.set(key, n);
  }
  return { counts, workerMs: res.ms };
}
