import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, MAX_MESSAGE_LENGTH } from './clip.js';

const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;

describe('clip', () => {
  it('keeps short text as it is', () => {
    expect(clip('hello', 5)).toBe('hello');
  });

  it('cuts long text to the limit, ending in an ellipsis', () => {
    expect(clip('abcdefgh', 5)).toBe('abcd…');
  });

  it('never leaves half of a surrogate pair', () => {
    expect(clip('abc😀def', 5)).toBe('abc…');
    expect(clip('ab😀cdef', 5)).toBe('ab😀…');
  });

  it('keeps any text within the message budget under 1 KB of UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        const cut = clip(text, MAX_MESSAGE_LENGTH);
        expect(cut.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
        expect(utf8(cut)).toBeLessThan(1024);
        if (cut !== text) {
          expect(cut.endsWith('…')).toBe(true);
          expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});
