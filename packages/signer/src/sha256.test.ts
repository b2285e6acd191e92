import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from './sha256.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const digest = (message: Uint8Array) => {
  const out = new Uint8Array(32);
  sha256(message, out);
  return hex(out);
};
const ascii = (text: string) => new TextEncoder().encode(text);

describe('sha256', () => {
  // FIPS 180-2, Appendix B (one block, two blocks, a million "a") and the empty message.
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('matches the FIPS 180-2 vector for %#', (message, expected) => {
    expect(digest(ascii(message))).toBe(expected);
  });

  it('agrees with node:crypto on every length around the block and padding edges (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(digest(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 500 },
    );
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 255);
      expect(digest(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('may write the digest over its own message', () => {
    const bytes = ascii('x'.repeat(32));
    const expected = createHash('sha256').update(bytes).digest('hex');
    sha256(bytes, bytes);
    expect(hex(bytes)).toBe(expected);
  });
});
