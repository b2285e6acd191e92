/** How far the gateway's clock may be from ours before the client corrects for it. */
export const SKEW_THRESHOLD_MS = 2 * 60 * 1000;

/**
 * A clock that signs with the gateway's idea of the time once it has learned the offset. One per
 * client, so every call (concurrent ones included) shares what any of them learned. @internal
 */
export interface SkewClock {
  /** Milliseconds since the epoch, corrected by the learned offset. */
  now(): number;
  /** The learned offset in milliseconds (server minus local; 0 until learned). */
  readonly offset: number;
  /**
   * Called when the gateway refused a call's signature. `serverMs` is its `Date` header,
   * `signedWithOffset` the offset the refused attempt was signed with. Learns the offset when
   * the clocks are more than {@link SKEW_THRESHOLD_MS} apart and returns whether re-signing can
   * help (the offset changed since that attempt was signed).
   */
  observe(serverMs: number, signedWithOffset: number): boolean;
}

/** @internal */
export function createSkewClock(base: () => number): SkewClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    get offset() {
      return offset;
    },
    observe(serverMs, signedWithOffset) {
      const local = base();
      // The Date header has whole seconds: aim at the middle of that second.
      const server = serverMs + 500;
      if (Math.abs(server - (local + offset)) > SKEW_THRESHOLD_MS) offset = server - local;
      return offset !== signedWithOffset;
    },
  };
}
