/**
 * Every default of the client in one place, in the manner of ky's `source/utils/normalize.ts`:
 * option resolution, the waiters, the pager and the HTTP drive read from here, and the README's
 * option table quotes these values. @internal
 */
export const DEFAULTS = {
  /** `cn`: mainland China (docs/protocol.md §1). */
  region: 'cn',
  /** Milliseconds one attempt may take, headers and body. */
  timeout: 30_000,
  /** Milliseconds a whole call may take, retries and waits included: no limit. */
  totalTimeout: false,
  retry: {
    /** Retries after the first attempt; the clock-skew re-sign does not count. */
    limit: 2,
    /** The first backoff, doubled on each retry (full jitter). */
    baseDelay: 300,
    maxDelay: 10_000,
    /** A longer `Retry-After` fails the call at once, so the caller can schedule it. */
    maxRetryAfter: 30_000,
  },
  /**
   * The largest response body read, in bytes: 16 MiB. The largest documented answers (a `tts`
   * progress with the timings of a 20,000-character script, a long session list) stay far
   * below it; the pages give no limit.
   */
  maxResponseBytes: 16 * 2 ** 20,
  /** `waitFor`: first poll interval, growing ×1.5 while the task runs, up to the longest. */
  waitFor: { pollInterval: 2_000, maxPollInterval: 30_000, timeout: 3_600_000, growth: 1.5 },
  /** `sessions.waitReady`: preparing a session takes seconds to a minute or two. */
  waitReady: { pollInterval: 1_000, timeout: 120_000 },
  /** Items per page of the paging iterators: the largest `PageSize` the list calls take. */
  pageSize: 100,
  /** Sessions the HTTP drive remembers for pacing. */
  drivePacers: 256,
} as const;

/** The longest timer a runtime keeps (2^31 − 1 ms, about 24.8 days); ky refuses longer ones. */
export const MAX_TIMER_MS = 2_147_483_647;
