import { describe, expect, it } from 'vitest';
import { backoff, parseRetryAfter, retryPolicy } from './retry-policy.js';

describe('retry policy', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const policy = retryPolicy({ baseDelay: 100, maxDelay: 1000 });
    expect(backoff(policy, 1, () => 0.999)).toBeCloseTo(99.9);
    expect(backoff(policy, 3, () => 0.5)).toBe(200);
    expect(backoff(policy, 10, () => 0.999)).toBeLessThan(1000);
    expect(backoff(policy, 2, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    const now = Date.UTC(2025, 0, 1);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
  });

  it('takes defaults, false for none, and a per-call override over the client policy', () => {
    expect(retryPolicy(undefined)).toEqual({
      limit: 2,
      baseDelay: 300,
      maxDelay: 10_000,
      maxRetryAfter: 30_000,
    });
    expect(retryPolicy(false).limit).toBe(0);
    const client = retryPolicy({ limit: 5, baseDelay: 1 });
    expect(retryPolicy({ limit: 1 }, 'video.make', client)).toEqual({ ...client, limit: 1 });
    expect(() => retryPolicy({ limit: 1.5 })).toThrow(
      /retry.limit must be a non-negative whole number/,
    );
    expect(() => retryPolicy({ baseDelay: -1 }, 'video.progress')).toThrow(
      /^video.progress: retry.baseDelay/,
    );
    expect(() => retryPolicy('x' as never)).toThrow(/retry must be an object/);
  });
});
