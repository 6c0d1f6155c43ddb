// One gate per endpoint profile: how many of the grid's requests may be in flight to it, when the
// next may start (spaced out when its rate limits run low), and a pause for the whole lane after a
// 429 — every cell of that profile waits, cells of other profiles go on.
import type { Pacing } from '../../domain/rate-pacing';
import type { Clock } from '../generation/deps';

/** What the grid shows of a lane. `waiting`: paused until `until` (epoch ms); `slowed`: fewer in flight or starts spaced. */
export interface LaneView {
  endpointId: string;
  state: 'running' | 'waiting' | 'slowed';
  until: number | null;
  reason: string | null;
}

interface Waiter {
  grant: (release: (() => void) | null) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

export class LaneGate {
  private held = 0;
  private readonly queue: Waiter[] = [];
  private pausedUntil = 0;
  private pauseReason: string | null = null;
  private nextStartAt = 0;
  private pacing: Pacing;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly endpointId: string,
    private readonly limit: number,
    private readonly clock: Clock,
    private readonly onView: (view: LaneView) => void,
  ) {
    this.pacing = { maxInFlight: Math.max(1, limit), spacingMs: 0, pauseMs: 0, reason: null };
  }

  /** Waits for a slot; null when `signal` aborts first. `first`: ahead of the queue (a cell sent back after a 429). */
  acquire(signal: AbortSignal, first = false): Promise<(() => void) | null> {
    if (signal.aborted) return Promise.resolve(null);
    return new Promise((grant) => {
      const waiter: Waiter = {
        grant,
        signal,
        onAbort: () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          grant(null);
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      if (first) this.queue.unshift(waiter);
      else this.queue.push(waiter);
      this.pump();
    });
  }

  /** The server said 429: nothing starts on this profile until `until`. */
  pause(until: number, reason: string): void {
    if (until > this.pausedUntil) {
      this.pausedUntil = until;
      this.pauseReason = reason;
    }
    this.publish();
    this.pump();
  }

  /** The last response's rate-limit headers, read into pacing (domain/rate-pacing). */
  pace(pacing: Pacing): void {
    this.pacing = { ...pacing, maxInFlight: Math.min(Math.max(1, this.limit), pacing.maxInFlight) };
    if (pacing.pauseMs > 0) this.pause(this.clock.now() + pacing.pauseMs, pacing.reason ?? 'rate limit reached');
    this.publish();
    this.pump();
  }

  /** Stops the timer (the run is over). */
  close(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private publish(): void {
    const now = this.clock.now();
    const waiting = this.pausedUntil > now;
    const slowed = this.pacing.reason !== null && (this.pacing.maxInFlight < this.limit || this.pacing.spacingMs > 0);
    this.onView({
      endpointId: this.endpointId,
      state: waiting ? 'waiting' : slowed ? 'slowed' : 'running',
      until: waiting ? this.pausedUntil : null,
      reason: waiting ? this.pauseReason : slowed ? this.pacing.reason : null,
    });
  }

  private pump(): void {
    const now = this.clock.now();
    const wasWaiting = this.timer !== null;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (wasWaiting && this.pausedUntil <= now) this.publish();
    while (this.queue.length > 0 && this.held < this.pacing.maxInFlight) {
      const readyAt = Math.max(this.pausedUntil, this.nextStartAt);
      if (readyAt > now) {
        this.timer = this.clock.setTimeout(() => this.pump(), readyAt - now);
        return;
      }
      const waiter = this.queue.shift()!;
      waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.held++;
      this.nextStartAt = now + this.pacing.spacingMs;
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        this.held--;
        this.pump();
      });
    }
    // Nobody waiting: still say when the pause is over.
    if (this.timer === null && this.pausedUntil > now) this.timer = this.clock.setTimeout(() => this.pump(), this.pausedUntil - now);
  }
}
