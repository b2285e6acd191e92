import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64 } from './base64.js';

describe('base64', () => {
  it('matches RFC 4648 test vectors', () => {
    const te = new TextEncoder();
    for (const [input, out] of [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foobar', 'Zm9vYmFy'],
    ]) {
      expect(base64(te.encode(input))).toBe(out);
    }
  });

  it('agrees with Node for any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });
});
