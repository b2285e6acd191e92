import { DEFAULTS } from './internal/defaults.js';
import { numberOption, objectOption } from './internal/validate.js';

// The channel reconnects with the same backoff and redacts its URLs the same way.
export { redactUrl } from './internal/redact.js';

/** How the client retries. Every field is optional; `retry: false` turns retries off. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). A clock-skew re-sign does not count. */
  limit?: number | undefined;
  /** The first backoff in milliseconds, doubled on each retry (default 300). */
  baseDelay?: number | undefined;
  /** The longest backoff in milliseconds (default 10 000). */
  maxDelay?: number | undefined;
  /**
   * The longest `Retry-After` the client waits, in milliseconds (default 30 000). A longer one
   * fails the call at once with the gateway's answer, so the caller can schedule it.
   */
  maxRetryAfter?: number | undefined;
}

/** @internal */
export interface RetryPolicy {
  readonly limit: number;
  readonly baseDelay: number;
  readonly maxDelay: number;
  readonly maxRetryAfter: number;
}

const NO_RETRIES: RetryPolicy = { limit: 0, baseDelay: 0, maxDelay: 0, maxRetryAfter: 0 };

/**
 * The retry policy from `retry` (`false`: none), each unset field from `base` (the client's
 * policy, for a per-call override) or the defaults. @internal
 */
export function retryPolicy(
  retry: RetryOptions | false | undefined,
  where = 'createClient',
  base: RetryPolicy = DEFAULTS.retry,
): RetryPolicy {
  if (retry === false) return NO_RETRIES;
  const options = objectOption(retry, where, 'retry');
  const ms = { unit: 'milliseconds' };
  return {
    limit: numberOption(options.limit, base.limit, where, 'retry.limit', { integer: true }),
    baseDelay: numberOption(options.baseDelay, base.baseDelay, where, 'retry.baseDelay', ms),
    maxDelay: numberOption(options.maxDelay, base.maxDelay, where, 'retry.maxDelay', ms),
    maxRetryAfter: numberOption(
      options.maxRetryAfter,
      base.maxRetryAfter,
      where,
      'retry.maxRetryAfter',
      ms,
    ),
  };
}

/**
 * Exponential backoff with full jitter: uniform in [0, min(maxDelay, base · 2^(n−1))) before
 * retry `n` (from 1). The client's one backoff: the transport and the command channel's
 * reconnection both use it. @internal
 */
export function backoff(
  policy: Pick<RetryPolicy, 'baseDelay' | 'maxDelay'>,
  retry: number,
  random: () => number = Math.random,
): number {
  return random() * Math.min(policy.maxDelay, policy.baseDelay * 2 ** (retry - 1));
}

/**
 * Milliseconds to wait from a `Retry-After` header (seconds or an HTTP date), or `undefined`
 * when absent or unreadable. @internal
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
