/** A `Date.now`-compatible clock: milliseconds since the Unix epoch. */
export type Now = () => number;

/**
 * The gateway's sense of time. `now()` is the base clock (the `now` option, else `Date.now`)
 * plus everything {@link GatewayClock.advance} added; tasks render against it. What the gateway
 * *shows* — the `Date` header and the ±300 s signature window — is `now()` plus the clock-skew
 * fault, so a client can be tested against a gateway whose clock is wrong.
 */
export interface GatewayClock {
  /** Gateway time in milliseconds (without the skew fault). */
  now(): number;
  /** Gateway time as the gateway shows it: `now()` plus the clock-skew fault. */
  wallClock(): number;
  /**
   * Moves gateway time forward by `ms` and settles every task up to the new time; resolves once
   * the callbacks of the tasks that ended have been delivered. The way tests make rendering
   * instant and deterministic.
   */
  advance(ms: number): Promise<void>;
  /** Whether the clock is the real one (no `now` option): tasks then end on timers. */
  readonly real: boolean;
}

/** @internal */
export function createClock(
  base: Now | undefined,
  skewMs: () => number,
  onAdvance: () => Promise<void>,
): GatewayClock {
  if (base !== undefined && typeof base !== 'function') {
    throw new TypeError('createMockGateway: now must be a function returning milliseconds');
  }
  const source = base ?? Date.now;
  let offset = 0;
  const now = () => source() + offset;
  return {
    now,
    wallClock: () => now() + skewMs(),
    async advance(ms: number) {
      if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms)) {
        throw new TypeError('clock.advance: ms must be a finite, non-negative number');
      }
      offset += ms;
      await onAdvance();
    },
    real: base === undefined,
  };
}
