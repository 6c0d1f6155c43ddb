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

/**
 * The worker (and its 1–2 MB encoding) starts when the page is first idle after startup, or at the
 * first key press or click, whichever comes first, so it never competes with the app's first paint.
 * Counts asked before that wait for it.
 */
let started: Promise<void> | null = null;
let warmEncoding: Encoding | null = null;

function whenStarted(): Promise<void> {
  started ??= new Promise<void>((resolve) => {
    if (typeof window === 'undefined') return resolve();
    const go = () => {
      window.removeEventListener('keydown', go, true);
      window.removeEventListener('pointerdown', go, true);
      resolve();
    };
    window.addEventListener('keydown', go, { capture: true, once: true });
    window.addEventListener('pointerdown', go, { capture: true, once: true });
    const idle = (cb: () => void) =>
      'requestIdleCallback' in window ? window.requestIdleCallback(cb, { timeout: 2000 }) : setTimeout(cb, 300);
    // Two idle periods: the first often comes between the app's own startup tasks.
    idle(() => idle(go));
  }).then(() => {
    if (warmEncoding) getWorker()?.postMessage({ id: -1, warm: warmEncoding });
  });
  return started;
}

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

/** Loads an encoding in the worker before anything needs counting (once the worker has started, see whenStarted). */
export function warmUp(encoding: Encoding): void {
  warmEncoding = encoding;
  if (worker) worker.postMessage({ id: -1, warm: encoding });
  else void whenStarted();
}

export function cachedCount(encoding: Encoding, key: string): number | undefined {
  return cache[encoding].get(key);
}

export interface CountResult {
  counts: Map<string, number>;
  /** Worker time of this call (0 when everything was cached). */
  workerMs: number;
  /** Of which spent waiting for the tokenizer to load (the first count only). */
  loadMs: number;
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
  if (missing.length === 0) return { counts, workerMs: 0, loadMs: 0 };
  await whenStarted();
  const w = getWorker();
  if (!w) {
    for (const [key, text] of missing) counts.set(key, Math.ceil(text.length / 4));
    return { counts, workerMs: 0, loadMs: 0 };
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
  return { counts, workerMs: res.ms, loadMs: res.loadMs };
}
