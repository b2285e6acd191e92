import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSigner } from './create-signer.js';
import { verifySignedUrl } from './verify-signed-url.js';

const tokens = new Map([['app-1', 'token-1']]);
const resolve = (appkey: string) => tokens.get(appkey);
const T = 1_700_000_000;
const at = (seconds: number) => () => seconds * 1000;
const signer = createSigner({ appkey: 'app-1', accessToken: 'token-1' }, { now: at(T) });
const base = 'https://gw.example/v2/ivh/p';

describe('verifySignedUrl', () => {
  it('accepts what the signer signed, also as a request target or URLSearchParams', () => {
    const url = signer.signUrl(`${base}?x=1`);
    const ok = { ok: true, appkey: 'app-1', timestamp: T };
    expect(verifySignedUrl(url, resolve, { now: at(T) })).toEqual(ok);
    const target = url.slice(url.indexOf('/v2'));
    expect(verifySignedUrl(target, resolve, { now: at(T) })).toEqual(ok);
    expect(verifySignedUrl(new URL(url).searchParams, resolve, { now: at(T) })).toEqual(ok);
  });

  it.each([
    ['missing-parameter', 'appkey', (u: URL) => u.searchParams.delete('appkey')],
    ['missing-parameter', 'signature', (u: URL) => u.searchParams.set('signature', '')],
    ['duplicate-parameter', 'timestamp', (u: URL) => u.searchParams.append('timestamp', String(T))],
    ['duplicate-parameter', 'x', (u: URL) => u.searchParams.append('x', '1')],
    ['malformed-timestamp', 'timestamp', (u: URL) => u.searchParams.set('timestamp', '17e8')],
    ['malformed-timestamp', 'timestamp', (u: URL) => u.searchParams.set('timestamp', '-5')],
    ['unknown-appkey', undefined, (u: URL) => u.searchParams.set('appkey', 'other')],
    ['bad-signature', undefined, (u: URL) => u.searchParams.set('x', '2')],
    ['bad-signature', undefined, (u: URL) => u.searchParams.append('extra', '1')],
  ] as const)('refuses with %s (%s)', (reason, parameter, mutate) => {
    const url = new URL(signer.signUrl(`${base}?x=1`));
    mutate(url);
    const result = verifySignedUrl(url, resolve, { now: at(T) });
    expect(result).toEqual(
      parameter === undefined ? { ok: false, reason } : { ok: false, reason, parameter },
    );
  });

  it('allows ±300 s by default, in both directions, and is configurable', () => {
    const url = signer.signUrl(base);
    expect(verifySignedUrl(url, resolve, { now: at(T + 300) }).ok).toBe(true);
    expect(verifySignedUrl(url, resolve, { now: at(T - 300) }).ok).toBe(true);
    expect(verifySignedUrl(url, resolve, { now: at(T + 301) })).toMatchObject({
      reason: 'expired',
    });
    expect(verifySignedUrl(url, resolve, { now: at(T - 301) })).toMatchObject({
      reason: 'expired',
    });
    expect(verifySignedUrl(url, resolve, { now: at(T + 30), maxSkewSeconds: 10 })).toMatchObject({
      reason: 'expired',
    });
  });

  it('treats an unencoded "+" in the signature as the gateway does: a bad signature', () => {
    // Find a timestamp whose signature contains "+", then send it without percent-encoding.
    for (let t = T; t < T + 500; t++) {
      const { signature } = createSigner(
        { appkey: 'app-1', accessToken: 'token-1' },
        { now: at(t) },
      ).sign();
      if (!signature.includes('+')) continue;
      const raw = `${base}?appkey=app-1&timestamp=${t}&signature=${signature}`;
      expect(verifySignedUrl(raw, resolve, { now: at(t) })).toEqual({
        ok: false,
        reason: 'bad-signature',
      });
      return;
    }
    throw new Error('no signature with "+" found');
  });

  it('never throws on hostile query strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (query) => {
        const result = verifySignedUrl(`/p?${query}`, resolve, { now: at(T) });
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('round-trips any names and values (property)', () => {
    const name = fc
      .string({ minLength: 1, unit: 'grapheme' })
      .filter((n) => !['appkey', 'timestamp', 'signature'].includes(n));
    const value = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(' ', '&', '=', '+', '%', '/', '😀', '%2B', 'a b'),
    );
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 6 }), (params) => {
        const url = signer.signUrl(base, params);
        expect(verifySignedUrl(url, resolve, { now: at(T) })).toEqual({
          ok: true,
          appkey: 'app-1',
          timestamp: T,
        });
      }),
    );
  });

  it('fails when any single character of the URL query changes (property)', () => {
    const url = signer.signUrl(base, { q: 'hello world', n: 42 });
    const queryStart = url.indexOf('?') + 1;
    fc.assert(
      fc.property(
        fc.integer({ min: queryStart, max: url.length - 1 }),
        fc.constantFrom(...'abcXYZ0129%&=+-_.~'),
        (index, replacement) => {
          fc.pre(url[index] !== replacement);
          const tampered = url.slice(0, index) + replacement + url.slice(index + 1);
          // Decoding may map a change to the same text ("%41" vs "A"); only a changed meaning must fail.
          fc.pre(String(new URL(tampered).searchParams) !== String(new URL(url).searchParams));
          expect(verifySignedUrl(tampered, resolve, { now: at(T) }).ok).toBe(false);
        },
      ),
    );
  });

  it('fails when any single character of the access token changes (property)', () => {
    const url = signer.signUrl(base);
    fc.assert(
      fc.property(
        fc.nat({ max: 'token-1'.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        (index, c) => {
          const token = `${'token-1'.slice(0, index)}${c}${'token-1'.slice(index + 1)}`;
          fc.pre(token !== 'token-1');
          expect(verifySignedUrl(url, () => token, { now: at(T) })).toEqual({
            ok: false,
            reason: 'bad-signature',
          });
        },
      ),
    );
  });
});
