import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './utf8.js';

describe('utf8', () => {
  it('agrees with TextEncoder for any well-formed text, short or long (property)', () => {
    const te = new TextEncoder();
    const scratch = new Uint8Array(16);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect([...utf8(text, scratch)]).toEqual([...te.encode(text)]);
      }),
    );
  });

  it('writes ASCII into the scratch buffer without allocating', () => {
    const scratch = new Uint8Array(8);
    expect(utf8('abc', scratch).buffer).toBe(scratch.buffer);
  });
});
