import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQuery } from './canonical-query.js';

describe('canonicalQuery', () => {
  it('sorts by name in code-unit order and leaves out signature', () => {
    expect(canonicalQuery({ timestamp: '2', signature: 'x', appkey: 'k', B: '1', a: '0' })).toBe(
      'B=1&a=0&appkey=k&timestamp=2',
    );
  });

  it('uses code-unit order, not locale or code-point order', () => {
    // U+FF5E sorts after U+1F600's high surrogate (0xD83D) in code units, though its code point is lower.
    expect(
      canonicalQuery([
        ['\uff5e', '1'],
        ['😀', '2'],
        ['Z', '3'],
        ['é', '4'],
      ]),
    ).toBe('Z=3&é=4&😀=2&～=1');
  });

  it('keeps raw, unencoded values', () => {
    expect(canonicalQuery({ q: 'a b&c=d+e%20/ü' })).toBe('q=a b&c=d+e%20/ü');
  });

  it('accepts finite numbers, URLSearchParams and Maps', () => {
    expect(canonicalQuery({ timestamp: 1717639699, n: -1.5 })).toBe('n=-1.5&timestamp=1717639699');
    expect(canonicalQuery(new URLSearchParams('b=2&a=1'))).toBe('a=1&b=2');
    expect(
      canonicalQuery(
        new Map<string, string | number>([
          ['b', 2],
          ['a', '1'],
        ]),
      ),
    ).toBe('a=1&b=2');
  });

  it.each([
    [{ t: undefined }, /"t" must be a string or a finite number, got undefined/],
    [{ t: null }, /"t" must be a string or a finite number, got null/],
    [{ t: Number.NaN }, /"t" must be a string or a finite number, got NaN/],
    [{ t: Number.POSITIVE_INFINITY }, /got Infinity/],
    [{ t: {} }, /got object/],
    [{ '': 'x' }, /name must be a non-empty string/],
    [{ t: 'a\ud800' }, /"t" is not well-formed Unicode/],
    [new URLSearchParams('a=1&a=2'), /"a" appears more than once/],
  ])('refuses bad input with a TypeError naming the parameter (%#)', (params, message) => {
    expect(() => canonicalQuery(params as never)).toThrow(TypeError);
    expect(() => canonicalQuery(params as never)).toThrow(message);
  });

  it('never echoes a value in its errors', () => {
    expect(() => canonicalQuery({ signature: Symbol('secret-value') } as never)).toThrow(
      /got symbol$/,
    );
    expect(() =>
      canonicalQuery([
        ['a', 'secret-value'],
        ['a', 'secret-value'],
      ]),
    ).not.toThrow(/secret-value/);
  });

  it('is order-independent (property)', () => {
    const pairs = fc.uniqueArray(
      fc.tuple(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string({ unit: 'grapheme' })),
      {
        selector: ([name]) => name,
      },
    );
    fc.assert(
      fc.property(pairs, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const shuffled = [...list];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(canonicalQuery(shuffled)).toBe(canonicalQuery(list));
      }),
    );
  });
});
