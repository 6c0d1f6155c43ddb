/**
 * How a lane of requests to one endpoint profile keeps under the provider's rate limits. Pure.
 *
 * OpenAI documents these response headers (platform.openai.com/docs/guides/rate-limits, "Rate
 * limits in headers"): `x-ratelimit-limit-requests` / `-tokens`, `x-ratelimit-remaining-requests` /
 * `-tokens`, and `x-ratelimit-reset-requests` / `-tokens`, "the time until the rate limit resets to
 * its initial state", written as Go durations such as `1s`, `6m0s` or `12ms`. Azure OpenAI sends the
 * reset as a whole number of seconds, and sometimes `-1` / `0` when it does not track a limit
 * (openai/openai-dotnet#838): unknown, never "nothing left".
 */

/** A Go-style duration (`1s`, `6m0s`, `12ms`, `1h2m3.5s`), or a bare number of seconds, in ms. */
export function parseResetDuration(text: string | null | undefined): number | undefined {
  if (text == null) return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };
  const parts = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|ns))+$/.test(t) ? t.match(/\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|ns)/g) : null;
  if (!parts) return undefined;
  let ms = 0;
  for (const part of parts) {
    const [, n, unit] = /^(\d+(?:\.\d+)?)(.+)$/.exec(part)!;
    ms += Number(n) * units[unit!]!;
  }
  return Math.round(ms);
}

interface Limit {
  limit?: number;
  remaining?: number;
  resetMs?: number;
}

function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function number(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined; // -1: not tracked
}

function limitOf(headers: Readonly<Record<string, string>>, what: 'requests' | 'tokens'): Limit {
  const limit = number(header(headers, `x-ratelimit-limit-${what}`));
  const remaining = number(header(headers, `x-ratelimit-remaining-${what}`));
  const resetMs = parseResetDuration(header(headers, `x-ratelimit-reset-${what}`));
  // `limit: 0` with `remaining: 0` is Azure's "not tracked", not an empty bucket.
  if (limit === 0) return {};
  return {
    ...(limit !== undefined ? { limit } : {}),
    ...(remaining !== undefined ? { remaining } : {}),
    ...(resetMs !== undefined ? { resetMs } : {}),
  };
}

/** The longest a lane waits on a server's word (a longer Retry-After is taken as this). */
export const MAX_LANE_WAIT_MS = 5 * 60_000;
const clampWait = (ms: number) => Math.min(MAX_LANE_WAIT_MS, Math.max(0, Math.ceil(ms)));

/**
 * How long to wait before sending again after a refusal (`attempt`: 0-based) — a lane after a 429, a
 * cell after a 5xx: the server's Retry-After (already read as `retryAfterMs`), else the reset of
 * the limit that ran out, else backoff (1 s, 2 s, 4 s … up to 30 s).
 */
export function waitAfterRateLimit(retryAfterMs: number | undefined, headers: Readonly<Record<string, string>>, attempt: number): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return clampWait(retryAfterMs);
  const resets = (['requests', 'tokens'] as const)
    .map((what) => limitOf(headers, what))
    .filter((l) => l.remaining === 0 && l.resetMs !== undefined && l.resetMs > 0)
    .map((l) => l.resetMs!);
  if (resets.length > 0) return clampWait(Math.max(...resets));
  return clampWait(Math.min(30_000, 1000 * 2 ** Math.max(0, attempt)));
}

/** What a lane should do before its next start, from the last response's headers. */
export interface Pacing {
  /** Requests in flight at most (never above the person's limit). */
  maxInFlight: number;
  /** At least this long between two starts. */
  spacingMs: number;
  /** Start nothing for this long. */
  pauseMs: number;
  /** Why the lane is slowed or paused; null when it runs freely. */
  reason: string | null;
}

/**
 * The time until `need` more units are free, for a bucket that refills to `limit` within `resetMs`
 * (the refill is taken as steady, as OpenAI describes its limits: a per-minute limit refills per
 * second). Without a limit, the whole reset.
 */
function timeUntil(l: Limit, need: number): number {
  if (l.resetMs === undefined) return 1000;
  if (l.limit === undefined || l.remaining === undefined || l.limit <= l.remaining) return l.resetMs;
  const perMs = (l.limit - l.remaining) / Math.max(1, l.resetMs);
  return Math.min(l.resetMs, Math.max(0, need - l.remaining) / perMs);
}

/**
 * Pacing from the last response of the lane. A limit is low when what is left covers fewer than two
 * rounds of `concurrency` requests: the lane then keeps at most half of what is left in flight and
 * spaces its starts over the time until reset, so it slows down before the server says 429.
 * `tokensPerRequest` is the lane's guess of one request's tokens (prompt + completion).
 */
export function pacingFrom(headers: Readonly<Record<string, string>>, concurrency: number, tokensPerRequest: number): Pacing {
  const limit = Math.max(1, Math.floor(concurrency));
  const pacing: Pacing = { maxInFlight: limit, spacingMs: 0, pauseMs: 0, reason: null };
  const perRequest = Math.max(1, tokensPerRequest);
  for (const what of ['requests', 'tokens'] as const) {
    const l = limitOf(headers, what);
    if (l.remaining === undefined) continue;
    const unit = what === 'requests' ? 1 : perRequest;
    const left = Math.floor(l.remaining / unit); // requests this limit still allows
    if (left < 1) {
      pacing.pauseMs = Math.max(pacing.pauseMs, clampWait(timeUntil(l, unit)));
      pacing.maxInFlight = 1;
      pacing.reason = `${what} limit reached`;
    } else if (left < 2 * limit) {
      pacing.maxInFlight = Math.min(pacing.maxInFlight, Math.max(1, Math.floor(left / 2)));
      const spacing = l.resetMs !== undefined ? clampWait(l.resetMs / left) : 0;
      pacing.spacingMs = Math.max(pacing.spacingMs, spacing);
      pacing.reason ??= `few ${what} left (${l.remaining})`;
    }
  }
  return pacing;
}
