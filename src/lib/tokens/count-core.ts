/**
 * Token counting with gpt-tokenizer, one encoding module imported on first use (each is ~1–2 MB,
 * so it never reaches the initial bundle). Runs inside the counting worker; tests call it directly.
 */
import type { Encoding } from '../../domain/tokens';

type CountFn = (text: string) => number;

const loaded: Partial<Record<Encoding, Promise<CountFn>>> = {};

/** Special-token strings in user text are counted as plain text, never rejected. */
const PLAIN = { disallowedSpecial: new Set<string>() };

export function loadCounter(encoding: Encoding): Promise<CountFn> {
  loaded[encoding] ??= (
    encoding === 'cl100k_base' ? import('gpt-tokenizer/encoding/cl100k_base') : import('gpt-tokenizer/encoding/o200k_base')
  ).then((mod) => (text: string) => {
    if (text === '') return 0;
    try {
      return mod.countTokens(text, PLAIN);
    } catch {
      return Math.ceil(text.length / 4); // never fail the meter on one odd string
    }
  });
  return loaded[encoding];
}

export interface CountRequest {
  id: number;
  encoding: Encoding;
  /** [cache key, text] pairs: only texts the client has no count for yet. */
  items: [string, string][];
}

export interface CountResponse {
  id: number;
  counts: [string, number][];
  /** Time spent counting in the worker (ms). */
  ms: number;
  /** Time this request waited for the tokenizer to load first (ms; 0 once loaded). */
  loadMs: number;
}

export async function handleCount(req: CountRequest, now: () => number): Promise<CountResponse> {
  const began = now();
  const count = await loadCounter(req.encoding);
  const loaded = now();
  const counts: [string, number][] = req.items.map(([key, text]) => [key, count(text)]);
  return { id: req.id, counts, ms: now() - loaded, loadMs: loaded - began };
}
