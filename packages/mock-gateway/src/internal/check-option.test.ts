import { describe, expect, it } from 'vitest';
import { numberOption } from './check-option.js';

describe('numberOption', () => {
  it('gives the fallback for undefined, and the value when it fits the rule', () => {
    expect(numberOption(undefined, 'x', 7)).toBe(7);
    expect(numberOption(2.5, 'x', 7)).toBe(2.5);
    expect(numberOption(0, 'x', 7, { allowZero: true })).toBe(0);
    expect(numberOption(3, 'x', 7, { integer: true })).toBe(3);
  });

  it.each([
    [0, {}, 'x must be a positive number'],
    [-1, { allowZero: true }, 'x must be a non-negative number'],
    [1.5, { integer: true }, 'x must be a positive integer'],
    [Number.NaN, {}, 'x must be a positive number'],
    [Number.POSITIVE_INFINITY, {}, 'x must be a positive number'],
    ['3', {}, 'x must be a positive number'],
  ])('refuses %j (%j) with a TypeError naming it', (value, rule, message) => {
    expect(() => numberOption(value, 'x', 1, rule)).toThrow(
      new TypeError(`createMockGateway: ${message}`),
    );
  });
});
