import { describe, expect, it } from 'vitest';
import { describeErrorCode, errorTable } from './error-table.js';

/** Every code PROTOCOL.md §5 lists, written out here independently of the table. */
const documented = [
  100001,
  100002,
  100003,
  100005,
  100008,
  100009,
  110006,
  100012,
  801004,
  100013,
  100014,
  100015,
  100016,
  110007,
  110005,
  801005,
  -101000,
  -101001,
  -101002,
  ...Array.from({ length: 10 }, (_, i) => 110013 + i), // 110013–110022
  ...Array.from({ length: 15 }, (_, i) => 801000 + i), // task FailCodes 801000–801014
];

const categories = [
  'auth',
  'validation',
  'not-found',
  'quota',
  'throttle',
  'session',
  'content',
  'conflict',
  'expired',
  'internal',
];

describe('errorTable', () => {
  it('covers every documented code', () => {
    const missing = documented.filter((code) => !Object.hasOwn(errorTable, code));
    expect(missing).toEqual([]);
  });

  it('holds nothing but documented codes', () => {
    const extra = Object.keys(errorTable)
      .map(Number)
      .filter((code) => !documented.includes(code));
    expect(extra).toEqual([]);
  });

  it.each(documented)('%i has a known category and a one-line explanation with advice', (code) => {
    const info = errorTable[code]!;
    expect(categories).toContain(info.category);
    expect(typeof info.retryable).toBe('boolean');
    expect(info.explanation).toMatch(/^[A-Z][^\n]{10,90}\.$/);
    expect(info.explanation).toContain(':'); // What it means: what to do.
  });

  it.each([
    // Retryable: the gateway did not act and asking again later can succeed.
    [100012, 'throttle', true],
    [801004, 'throttle', true],
    [-101000, 'internal', true],
    [-101001, 'internal', true],
    [-101002, 'internal', true],
    [100008, 'quota', true],
    [100014, 'quota', true],
    // Not retryable.
    [100001, 'validation', false],
    [100002, 'validation', false],
    [100003, 'validation', false],
    [100005, 'auth', false],
    [100009, 'not-found', false],
    [110006, 'not-found', false],
    [100013, 'quota', false],
    [100015, 'expired', false],
    [110007, 'expired', false],
    [110005, 'conflict', false],
    [801005, 'content', false],
    [110013, 'session', false],
    [110014, 'session', true],
    [801007, 'internal', true],
    [801010, 'validation', false],
  ] as const)('classifies %i as %s, retryable %s', (code, category, retryable) => {
    expect(describeErrorCode(code)).toMatchObject({ category, retryable });
  });

  it('classifies the session codes 110013–110022 as session errors', () => {
    for (let code = 110013; code <= 110022; code++) {
      expect(describeErrorCode(code).category).toBe('session');
    }
  });

  it('gives distinct explanations, except for the two "too frequent" codes', () => {
    const texts = Object.values(errorTable).map((info) => info.explanation);
    expect(new Set(texts).size).toBe(texts.length - 1);
  });
});

describe('describeErrorCode', () => {
  it.each([0, 1, 123, -5, 999999, Number.MAX_SAFE_INTEGER])(
    'gives unknown, not retryable, for %i',
    (code) => {
      expect(describeErrorCode(code)).toMatchObject({ category: 'unknown', retryable: false });
    },
  );

  it('does not read inherited properties', () => {
    expect(describeErrorCode('toString' as never).category).toBe('unknown');
  });
});
