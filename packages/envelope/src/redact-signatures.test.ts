import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSignatures } from './redact-signatures.js';

describe('redactSignatures', () => {
  it.each([
    [
      'https://gw.tvs.qq.com/v2/ivh/a?appkey=k&timestamp=1&signature=AbC%2B%3D',
      'https://gw.tvs.qq.com/v2/ivh/a?appkey=k&timestamp=1&signature=REDACTED',
    ],
    ['appkey=k&signature=x&timestamp=1', 'appkey=k&signature=REDACTED&timestamp=1'],
    ['signature=abc', 'signature=REDACTED'],
    [
      '?SIGNATURE=a&%73ignature=b&x-signature=c',
      '?SIGNATURE=REDACTED&%73ignature=REDACTED&x-signature=REDACTED',
    ],
    [
      'fetch failed: "wss://h/p?requestid=r&signature=s" (ECONNRESET)',
      'fetch failed: "wss://h/p?requestid=r&signature=REDACTED (ECONNRESET)',
    ],
    ['a=1&b=2 timeout=5', 'a=1&b=2 timeout=5'],
    ['?signature=&a=1', '?signature=REDACTED&a=1'],
    ['?%zzsignature=v', '?%zzsignature=REDACTED'],
  ])('redacts %s', (text, expected) => {
    expect(redactSignatures(text)).toBe(expected);
  });

  it('leaves no part of a signature value a query parser would read (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (prefix, secret) => {
        const query = `${prefix}&signature=${encodeURIComponent(secret)}`;
        const kept = new URLSearchParams(redactSignatures(query)).getAll('signature');
        expect(kept.every((value) => value === 'REDACTED')).toBe(true);
      }),
    );
  });

  it('leaves no signature value in any URL that carries one (property)', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9%+/=._~-]{8,64}$/);
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true }),
        value,
        fc.constantFrom('signature', 'Signature', '%73ignature'),
        fc.constantFrom('', ' failed', '" (ECONNRESET)', "')", '#top'),
        (url, secret, name, tail) => {
          const signed = `${url}${url.includes('?') ? '&' : '?'}${name}=${secret}`;
          expect(redactSignatures(`${signed}${tail}`)).not.toContain(`=${secret}`);
        },
      ),
    );
  });

  it('changes nothing in text without a signature parameter (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/signature/i.test(decodeURIComponentSafe(text)));
        expect(redactSignatures(text)).toBe(text);
      }),
    );
  });
});

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
