import { describe, expect, it } from 'vitest';
import { describeNetworkError, wasNotSent } from './network-error.js';

describe('network errors', () => {
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
    expect(wasNotSent('a string')).toBe(false);
  });

  it('describes the chain of codes, redacted', () => {
    const error = new TypeError('fetch failed for http://h/p?signature=abc', {
      cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
    });
    expect(describeNetworkError(error)).toBe(
      'fetch failed for http://h/p?signature=REDACTED (ECONNRESET)',
    );
  });
});
