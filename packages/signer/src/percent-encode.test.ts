import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentEncode } from './percent-encode.js';

describe('percentEncode', () => {
  it('encodes everything except RFC 3986 unreserved characters', () => {
    expect(percentEncode("aZ09-._~ !'()*+/=&%")).toBe('aZ09-._~%20%21%27%28%29%2A%2B%2F%3D%26%25');
    expect(percentEncode('中')).toBe('%E4%B8%AD');
  });

  it('round-trips through decodeURIComponent and leaves only unreserved characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const encoded = percentEncode(text);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(text);
      }),
    );
  });
});
