import { sleep } from './sleep.js';

/** Options of {@link Pacer}. */
export interface PacerOptions {
  /** Most calls a second it ever allows (default: no limit until the gateway throttles). */
  maxRate?: number | undefined;
  /** Fewest calls a second it backs off to (default 1). */
  minRate?: number | undefined;
  /** First pause after a throttle, ms (default 500); doubles with each throttle in a row. */
  baseDelayMs?: number | undefined;
  /** Longest pause, ms (default 30 000). */
  maxDelayMs?: number | undefined;
  now?: (() => number) | undefined;
  random?: (() => number) | undefined;
}

/**
 * Paces calls to the gateway, which publishes no rate limit beyond its "too frequent" codes
 * (100012, 801004; https://cloud.tencent.com/document/product/1240/81277). Additive increase,
 * multiplicative decrease: each throttle halves the allowed rate (from what was actually being
 * sent) and pauses every caller for a backoff that doubles while throttles keep coming (with
 * jitter); each success raises the rate again. Throttling never fails anything: callers just
 * wait longer.
 *
 * @example
 * ```ts
 * const pacer = new Pacer({ maxRate: 20 });
 * const grantedAt = await pacer.acquire();
 * try { await call(); pacer.succeeded(); } catch { await sleep(pacer.throttled(grantedAt)); }
 * ```
 */
export class Pacer {
  readonly #maxRate: number;
  readonly #minRate: number;
  readonly #baseDelay: number;
  readonly #maxDelay: number;
  readonly #now: () => number;
  readonly #random: () => number;
  #rate: number;
  #nextAt = 0;
  #pausedUntil = 0;
  #streak = 0;
  #lastThrottle = Number.NEGATIVE_INFINITY;
  /** Grant times of the last second, to measure the rate actually sent. */
  #recent: number[] = [];
  /** Throttles seen so far. */
  throttles = 0;

  constructor(options: PacerOptions = {}) {
    this.#maxRate = options.maxRate ?? Number.POSITIVE_INFINITY;
    this.#minRate = options.minRate ?? 1;
    this.#baseDelay = options.baseDelayMs ?? 500;
    this.#maxDelay = options.maxDelayMs ?? 30_000;
    this.#now = options.now ?? (() => performance.now());
    this.#random = options.random ?? Math.random;
    if (!(this.#maxRate > 0)) throw new RangeError('Pacer: maxRate must be positive');
    this.#rate = this.#maxRate;
  }

  /** Calls a second currently allowed (`Infinity` before any throttle, without `maxRate`). */
  get rate(): number {
    return this.#rate;
  }

  /** Milliseconds until calls may resume (0 when not paused). */
  get pausedFor(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }

  /** Waits for this call's turn; resolves with the time it was granted (for {@link throttled}). */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.#now();
      const at = Math.max(now, this.#pausedUntil, this.#nextAt);
      if (at <= now) return this.#grant(now);
      // Reserve the slot, then check again on waking: a throttle meanwhile moves the pause.
      if (Number.isFinite(this.#rate)) this.#nextAt = at + 1000 / this.#rate;
      await sleep(at - now, signal);
      if (this.#now() >= this.#pausedUntil) return this.#grant(this.#now());
    }
  }

  #grant(now: number): number {
    if (Number.isFinite(this.#rate)) this.#nextAt = Math.max(this.#nextAt, now + 1000 / this.#rate);
    this.#recent.push(now);
    while (this.#recent.length > 0 && this.#recent[0]! < now - 1000) this.#recent.shift();
    return now;
  }

  /**
   * The gateway said "too frequent" to a call granted at `grantedAt`: slow down and pause.
   * Calls that were already on their way when an earlier throttle came back belong to the same
   * episode: they wait out the current pause without deepening it. Returns the pause in ms.
   */
  throttled(grantedAt = Number.POSITIVE_INFINITY): number {
    this.throttles++;
    const now = this.#now();
    if (grantedAt < this.#lastThrottle) return Math.max(0, this.#pausedUntil - now);
    this.#lastThrottle = now;
    const sent = Math.max(this.#recent.filter((t) => t >= now - 1000).length, 1);
    this.#rate = Math.max(this.#minRate, Math.min(this.#rate, sent) / 2);
    const ceiling = Math.min(this.#maxDelay, this.#baseDelay * 2 ** this.#streak);
    this.#streak++;
    // Half fixed, half jitter: callers that were throttled together do not retry together.
    const delay = ceiling / 2 + (this.#random() * ceiling) / 2;
    this.#pausedUntil = Math.max(this.#pausedUntil, now + delay);
    this.#nextAt = Math.max(this.#nextAt, this.#pausedUntil);
    return delay;
  }

  /**
   * A call went through: recover half the rate (at least one call a second), so a run back from
   * its floor is at full speed again within a few seconds of the gateway relenting.
   */
  succeeded(): void {
    this.#streak = 0;
    if (this.#rate < this.#maxRate)
      this.#rate = Math.min(this.#maxRate, this.#rate + Math.max(1, this.#rate / 2));
  }
}
