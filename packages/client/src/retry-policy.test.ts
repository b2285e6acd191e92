import { describe, expect, it } from 'vitest';
import { backoff, parseRetryAfter, redactUrl, retryPolicy, wasNotSent } from './retry-policy.js';

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

  it('tells a refused connection from one that may have delivered', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
    expect(wasNotSent(refused)).toBe(true);
    expect(wasNotSent(new Error('wrapper', { cause: refused }))).toBe(true);
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(wasNotSent(reset)).toBe(false);
    expect(
      wasNotSent(new TypeError('error sending request: Connection refused (os error 111)')),
    ).toBe(true);
  });

  it('redacts signatures in URLs', () => {
    expect(redactUrl('POST https://h/p?appkey=a&timestamp=1&signature=abc%2B%3D x')).toBe(
      'POST https://h/p?appkey=a&timestamp=1&signature=REDACTED x',
    );
  });
});
