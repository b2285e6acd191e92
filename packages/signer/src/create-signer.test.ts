import { describe, expect, it } from 'vitest';
import { canonicalQuery } from './canonical-query.js';
import { createSigner } from './create-signer.js';
import { signString } from './sign-string.js';

const credentials = { appkey: 'app-1', accessToken: 'token-1' };
const at = (seconds: number) => () => seconds * 1000;

describe('createSigner', () => {
  it('signs appkey and whole seconds from the injected clock', () => {
    const signed = createSigner(credentials, { now: () => 1_700_000_000_999 }).sign();
    expect(signed.timestamp).toBe('1700000000');
    expect(signed.signature).toBe(signString('appkey=app-1&timestamp=1700000000', 'token-1'));
  });

  it('signs extra parameters with the common ones', () => {
    const signed = createSigner(credentials, { now: at(5) }).sign({ requestid: 'S1' });
    expect(signed).toEqual({
      appkey: 'app-1',
      requestid: 'S1',
      timestamp: '5',
      signature: signString('appkey=app-1&requestid=S1&timestamp=5', 'token-1'),
    });
  });

  it('refuses extras that would override what the signer sets', () => {
    const signer = createSigner(credentials);
    for (const name of ['appkey', 'timestamp', 'signature']) {
      expect(() => signer.sign({ [name]: 'x' })).toThrow(
        new TypeError(`sign: parameter "${name}" is set by the signer`),
      );
      expect(() => signer.signUrl('https://h/p', { [name]: 'x' })).toThrow(TypeError);
    }
  });

  it('does not let a __proto__ parameter reach the prototype', () => {
    const signed = createSigner(credentials, { now: at(1) }).sign([['__proto__', 'x']]);
    expect(Object.getPrototypeOf(signed)).toBe(Object.prototype);
    expect(Object.hasOwn(signed, '__proto__')).toBe(true);
  });

  it.each([
    [
      { appkey: '', accessToken: 't' },
      'createSigner: appkey must be a non-empty string, got an empty string',
    ],
    [{ appkey: 'a' }, 'createSigner: accessToken must be a non-empty string, got undefined'],
    [
      { appkey: 'a', accessToken: 5 },
      'createSigner: accessToken must be a non-empty string, got number',
    ],
    [null, 'createSigner: credentials must be an object, got null'],
  ])('refuses bad credentials clearly (%#)', (input, message) => {
    expect(() => createSigner(input as never)).toThrow(new TypeError(message));
  });

  it('refuses a clock that returns nonsense', () => {
    expect(() => createSigner(credentials, { now: () => Number.NaN }).sign()).toThrow(
      /now\(\) must return milliseconds/,
    );
    expect(() => createSigner(credentials, { now: 5 as never })).toThrow(/now must be a function/);
  });
});

describe('Signer.signUrl', () => {
  const signer = createSigner(credentials, { now: at(1_700_000_000) });

  it('keeps and signs the URL own parameters, in canonical order, signature last', () => {
    const url = signer.signUrl('https://gw.example/v2/ivh/x?z=1&b=two%20words#frag');
    const parsed = new URL(url);
    expect([...parsed.searchParams.keys()]).toEqual(['appkey', 'b', 'timestamp', 'z', 'signature']);
    expect(parsed.hash).toBe('#frag');
    expect(parsed.searchParams.get('signature')).toBe(
      signString(
        canonicalQuery({ appkey: 'app-1', b: 'two words', timestamp: 1_700_000_000, z: 1 }),
        'token-1',
      ),
    );
  });

  it('percent-encodes every value exactly once (RFC 3986)', () => {
    const url = signer.signUrl('https://gw.example/p', { q: "a+b c/d=e&f'!" });
    expect(url).toContain('q=a%2Bb%20c%2Fd%3De%26f%27%21');
    expect(url).not.toMatch(/%25/);
  });

  it('replaces appkey, timestamp and signature when re-signing instead of repeating them', () => {
    const first = signer.signUrl('https://gw.example/p?x=1');
    const later = createSigner(credentials, { now: at(1_700_000_100) });
    const again = new URL(later.signUrl(first));
    for (const name of ['appkey', 'timestamp', 'signature', 'x'])
      expect(again.searchParams.getAll(name)).toHaveLength(1);
    expect(again.searchParams.get('timestamp')).toBe('1700000100');
    expect(again.href).toBe(later.signUrl('https://gw.example/p?x=1'));
  });

  it('refuses a duplicate name in the URL, or between the URL and the extras', () => {
    expect(() => signer.signUrl('https://gw.example/p?a=1&a=2')).toThrow(
      'signUrl: parameter "a" appears more than once',
    );
    expect(() => signer.signUrl('https://gw.example/p?a=1', { a: 2 })).toThrow(
      /"a" appears more than once/,
    );
  });

  it('refuses a relative or non-string URL clearly', () => {
    expect(() => signer.signUrl('/v2/ivh/x')).toThrow(
      new TypeError('signUrl: url is not an absolute URL'),
    );
    expect(() => signer.signUrl(42 as never)).toThrow(/url must be a string or URL, got number/);
  });

  it('does not modify a URL object passed in', () => {
    const input = new URL('https://gw.example/p?x=1');
    signer.signUrl(input);
    expect(input.href).toBe('https://gw.example/p?x=1');
  });
});
