import { describe, expect, it } from 'vitest';
import type { AppError } from '../../domain/types';
import { retryDelayMs, shouldRetry } from './retry';

const err = (extra: Partial<AppError> = {}): AppError => ({ kind: 'http', message: 'x', ...extra });

describe('retryDelayMs', () => {
  it('backs off exponentially with downward jitter, capped at 8 s', () => {
    expect(retryDelayMs(0, err(), () => 0)).toBe(500);
    expect(retryDelayMs(0, err(), () => 1)).toBe(375);
    expect(retryDelayMs(1, err(), () => 0)).toBe(1000);
    expect(retryDelayMs(3, err(), () => 0)).toBe(4000);
    expect(retryDelayMs(4, err(), () => 0)).toBe(8000);
    expect(retryDelayMs(10, err(), () => 0.5)).toBe(7000);
  });

  it('honours a sane Retry-After', () => {
    expect(retryDelayMs(0, err({ retryAfterMs: 2500 }))).toBe(2500);
    expect(retryDelayMs(0, err({ retryAfterMs: 60_000 }))).toBe(60_000);
    expect(retryDelayMs(0, err({ retryAfterMs: 0 }), () => 0)).toBe(500);
    expect(retryDelayMs(0, err({ retryAfterMs: 120_000 }), () => 0)).toBe(500);
  });
});

describe('shouldRetry', () => {
  it('follows the retryable flag', () => {
    expect(shouldRetry(err({ retryable: true }))).toBe(true);
    expect(shouldRetry(err({ retryable: false }))).toBe(false);
    expect(shouldRetry(err())).toBe(false);
  });
});
