/**
 * The connection test: GET {baseURL}/models, and when the browser refuses to show why a request
 * failed (CORS and unreachable hosts look the same to fetch), a second `no-cors` request that
 * tells the two apart: an opaque answer means the server is up and only the CORS check failed.
 */
import type { AppError } from '../../domain/types';
import { ApiError, listModels, modelsURL } from './client';
import type { EndpointConfig } from './client';
import { errorMessage } from '../../domain/errors';

export type ConnectionResult =
  | { ok: true; models: number; ms: number }
  /** `reachable` is known only for failures the browser hides (kind cors / network). */
  | { ok: false; error: AppError; reachable: boolean | null; url: string };

async function probeReachable(url: string, fetchFn: typeof fetch, signal?: AbortSignal): Promise<boolean> {
  try {
    const init: RequestInit = { method: 'GET', mode: 'no-cors', cache: 'no-store' };
    if (signal) init.signal = signal;
    await fetchFn(url, init);
    return true;
  } catch {
    return false;
  }
}

export async function testConnection(
  endpoint: EndpointConfig,
  signal?: AbortSignal,
  fetchFn: typeof fetch = (...a) => globalThis.fetch(...a),
): Promise<ConnectionResult> {
  const url = modelsURL(endpoint.baseURL);
  const started = Date.now();
  try {
    const models = await listModels(endpoint, signal, fetchFn);
    return { ok: true, models: models.length, ms: Date.now() - started };
  } catch (e) {
    if (signal?.aborted) throw e;
    const error: AppError = e instanceof ApiError ? e.error : { kind: 'network', message: errorMessage(e) };
    const hidden = error.kind === 'cors' || error.kind === 'network';
    const reachable = hidden && error.message.includes('mixed content') === false ? await probeReachable(url, fetchFn, signal) : null;
    return { ok: false, error, reachable, url };
  }
}
