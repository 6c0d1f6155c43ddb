/** Retry policy, as the official OpenAI SDKs do it. Pure. */
import type { AppError } from '../../domain/types';

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Delay before retry number `attempt` (0-based). A server's Retry-After wins when it is
 * sane (0 < it ≤ 60 s); otherwise exponential backoff, capped, with up to 25 % jitter
 * downwards so many clients don't retry in lockstep.
 */
export function retryDelayMs(attempt: number, error: AppError, random: () => number = Math.random): number {
  const after = error.retryAfterMs;
  if (after !== undefined && after > 0 && after <= MAX_RETRY_AFTER_MS) return after;
  const base = Math.min(INITIAL_DELAY_MS * 2 ** Math.max(0, attempt), MAX_DELAY_MS);
  return base * (1 - 0.25 * random());
}

export function shouldRetry(error: AppError): boolean {
  return error.retryable === true;
}
