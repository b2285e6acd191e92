import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCallLog, redactedQuery, urlFields } from './call-log.js';

describe('redactedQuery', () => {
  it.each([
    ['?appkey=a&timestamp=1&signature=abc%2B%3D', 'appkey=a&timestamp=1&signature=REDACTED'],
    ['signature=x&signature=y', 'signature=REDACTED&signature=REDACTED'],
    ['?%73ignature=x&a=1', '%73ignature=REDACTED&a=1'],
    ['?Signature=x', 'Signature=REDACTED'],
    ['?signature', 'signature'],
    ['?a=signature', 'a=signature'],
    ['', ''],
  ])('%s → %s', (search, redacted) => {
    expect(redactedQuery(search)).toBe(redacted);
  });

  it('leaves no value the gateway would read as the signature', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (prefix, secret) => {
        const search = `?${prefix}&signature=${encodeURIComponent(secret)}`;
        const kept = new URLSearchParams(redactedQuery(search)).getAll('signature');
        expect(kept.every((value) => value === 'REDACTED')).toBe(true);
      }),
    );
  });
});

describe('urlFields', () => {
  it('keeps the path, the redacted query, appkey, timestamp and a fingerprint of the signature', () => {
    const url = new URL('https://gw.test/v2/ivh/x?appkey=k&timestamp=9&signature=c2ln');
    const fields = urlFields(url);
    expect(fields).toMatchObject({
      path: '/v2/ivh/x',
      query: 'appkey=k&timestamp=9&signature=REDACTED',
      appkey: 'k',
      timestamp: '9',
    });
    expect(fields.signature).toMatch(/^[0-9a-f]{16}$/);
    expect(urlFields(new URL(url.href)).signature).toBe(fields.signature);
    expect(urlFields(new URL(`${url.href}x`)).signature).not.toBe(fields.signature);
  });

  it('clips what a caller may make huge', () => {
    const fields = urlFields(
      new URL(`https://gw.test/${'p'.repeat(5000)}?appkey=${'k'.repeat(999)}`),
    );
    expect(fields.path.length).toBeLessThanOrEqual(2049);
    expect(fields.appkey!.length).toBeLessThanOrEqual(257);
  });
});

describe('the call log', () => {
  it('keeps at most maxCalls, dropping the oldest tenth at once', () => {
    const log = createCallLog(10);
    for (let i = 0; i < 11; i++) {
      log.record({
        at: i,
        method: 'POST',
        path: '/',
        requestId: '',
        httpStatus: 200,
        verdict: 'ok',
      });
    }
    expect(log.list.map((c) => c.at)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    log.reset();
    expect(log.list).toEqual([]);
    const off = createCallLog(0);
    off.record({ at: 0, method: 'POST', path: '/', requestId: '', httpStatus: 200, verdict: 'ok' });
    expect(off.list).toEqual([]);
  });
});
