/** How the client retries. Every field is optional; `retry: false` turns retries off. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). A clock-skew re-sign does not count. */
  limit?: number;
  /** The first backoff in milliseconds, doubled on each retry (default 300). */
  baseDelay?: number;
  /** The longest backoff in milliseconds (default 10 000). */
  maxDelay?: number;
  /**
   * The longest `Retry-After` the client waits, in milliseconds (default 30 000). A longer one
   * fails the call at once with the gateway's answer, so the caller can schedule it.
   */
  maxRetryAfter?: number;
}

/** @internal */
export interface RetryPolicy {
  readonly limit: number;
  readonly baseDelay: number;
  readonly maxDelay: number;
  readonly maxRetryAfter: number;
}

function nonNegative(value: unknown, name: string, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new TypeError(`createClient: retry.${name} must be a non-negative number`);
  }
  if (integer && !Number.isInteger(value)) {
    throw new TypeError(`createClient: retry.${name} must be a whole number`);
  }
  return value;
}

/** @internal */
export function retryPolicy(retry: RetryOptions | false | undefined): RetryPolicy {
  if (retry === false) return { limit: 0, baseDelay: 0, maxDelay: 0, maxRetryAfter: 0 };
  if (retry !== undefined && (retry === null || typeof retry !== 'object')) {
    throw new TypeError('createClient: retry must be an object or false');
  }
  const options = retry ?? {};
  return {
    limit: nonNegative(options.limit, 'limit', 2, true),
    baseDelay: nonNegative(options.baseDelay, 'baseDelay', 300),
    maxDelay: nonNegative(options.maxDelay, 'maxDelay', 10_000),
    maxRetryAfter: nonNegative(options.maxRetryAfter, 'maxRetryAfter', 30_000),
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

/** Error codes (on the error or its causes) that mean the request never left this machine. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ConnectionRefused',
]);

/**
 * Whether a failed fetch certainly did not deliver the request: the connection was refused or
 * the host did not resolve. Anything else (a reset, a dropped socket) may have reached the
 * gateway. Looks at `code` and `message` along the `cause` chain, as Node, Deno and Bun differ.
 * @internal
 */
export function wasNotSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
    if (
      typeof message === 'string' &&
      /connection refused|ECONNREFUSED|ENOTFOUND|bad port/i.test(message)
    ) {
      return true;
    }
    current = cause;
  }
  return false;
}

/** A short description of a network failure, from the deepest cause that has one. @internal */
export function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') parts.push(code);
    else if (typeof message === 'string' && message && depth > 0) parts.push(message);
    current = cause;
  }
  const first = error instanceof Error ? error.message : String(error);
  return parts.length > 0 ? `${redactUrl(first)} (${parts.join(': ')})` : redactUrl(first);
}

/** Replaces the value of any `signature` query parameter in `text` with `REDACTED`. @internal */
export function redactUrl(text: string): string {
  return text.replace(/([?&]signature=)[^&\s"']*/gi, '$1REDACTED');
}
