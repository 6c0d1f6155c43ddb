import { describe, expect, it } from 'vitest';
import { MAX_LANE_WAIT_MS, pacingFrom, parseResetDuration, waitAfterRateLimit } from './rate-pacing';

describe('parseResetDuration', () => {
  it('reads the Go durations OpenAI sends', () => {
    expect(parseResetDuration('1s')).toBe(1000);
    expect(parseResetDuration('6m0s')).toBe(360_000);
    expect(parseResetDuration('12ms')).toBe(12);
    expect(parseResetDuration('1m30.5s')).toBe(90_500);
    expect(parseResetDuration('1h2m3s')).toBe(3_723_000);
    expect(parseResetDuration('0s')).toBe(0);
  });
  it('reads a bare number as seconds (Azure)', () => {
    expect(parseResetDuration('20')).toBe(20_000);
    expect(parseResetDuration('0.5')).toBe(500);
  });
  it('refuses what is not a duration', () => {
    for (const bad of [undefined, null, '', 'soon', '1x', '-1', 's', '1s garbage']) expect(parseResetDuration(bad)).toBeUndefined();
  });
});

describe('waitAfterRateLimit', () => {
  it("takes the server's Retry-After first", () => {
    expect(waitAfterRateLimit(12_000, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '30s' }, 0)).toBe(12_000);
  });
  it('else the reset of the limit that ran out', () => {
    const headers = {
      'x-ratelimit-remaining-requests': '5',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0s',
    };
    expect(waitAfterRateLimit(undefined, headers, 0)).toBe(MAX_LANE_WAIT_MS);
    expect(waitAfterRateLimit(undefined, { ...headers, 'x-ratelimit-reset-tokens': '7s' }, 0)).toBe(7000);
  });
  it('else backs off, doubling, up to 30 s', () => {
    expect([0, 1, 2, 10].map((a) => waitAfterRateLimit(undefined, {}, a))).toEqual([1000, 2000, 4000, 30_000]);
  });
  it('never waits longer than five minutes on a server’s word', () => {
    expect(waitAfterRateLimit(3_600_000, {}, 0)).toBe(MAX_LANE_WAIT_MS);
  });
});

describe('pacingFrom', () => {
  it('runs freely while plenty is left', () => {
    const headers = {
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-reset-requests': '6ms',
      'x-ratelimit-remaining-tokens': '2000000',
    };
    expect(pacingFrom(headers, 4, 500)).toEqual({ maxInFlight: 4, spacingMs: 0, pauseMs: 0, reason: null });
  });
  it('runs freely without rate-limit headers', () => {
    expect(pacingFrom({}, 3, 500)).toEqual({ maxInFlight: 3, spacingMs: 0, pauseMs: 0, reason: null });
  });
  it('slows down when few requests are left: half of them in flight, starts spread over the reset', () => {
    const p = pacingFrom({ 'x-ratelimit-remaining-requests': '4', 'x-ratelimit-reset-requests': '2s' }, 4, 500);
    expect(p).toEqual({ maxInFlight: 2, spacingMs: 500, pauseMs: 0, reason: 'few requests left (4)' });
  });
  it('slows down when the tokens left cover fewer than two rounds', () => {
    const p = pacingFrom({ 'x-ratelimit-remaining-tokens': '3000', 'x-ratelimit-reset-tokens': '6s' }, 4, 1000);
    expect(p.maxInFlight).toBe(1);
    expect(p.spacingMs).toBe(2000);
    expect(p.reason).toBe('few tokens left (3000)');
  });
  it('pauses until one request is free when none is left (steady refill)', () => {
    const headers = { 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m0s' };
    expect(pacingFrom(headers, 4, 100)).toEqual({ maxInFlight: 1, spacingMs: 0, pauseMs: 1000, reason: 'requests limit reached' });
  });
  it('pauses the whole reset when the limit is unknown', () => {
    const p = pacingFrom({ 'x-ratelimit-remaining-tokens': '10', 'x-ratelimit-reset-tokens': '8s' }, 2, 500);
    expect(p.pauseMs).toBe(8000);
    expect(p.reason).toBe('tokens limit reached');
  });
  it("takes Azure's -1 / 0 as not tracked", () => {
    const headers = { 'x-ratelimit-limit-tokens': '-1', 'x-ratelimit-remaining-tokens': '-1', 'x-ratelimit-reset-tokens': '0' };
    expect(pacingFrom(headers, 4, 500).reason).toBeNull();
    expect(pacingFrom({ 'x-ratelimit-limit-tokens': '0', 'x-ratelimit-remaining-tokens': '0' }, 4, 500).reason).toBeNull();
  });
  it('never allows more in flight than the person asked for', () => {
    expect(pacingFrom({ 'x-ratelimit-remaining-requests': '3' }, 1, 1).maxInFlight).toBe(1);
  });
});
