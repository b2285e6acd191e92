import { describe, expect, it } from 'vitest';
import { TvsEnvelopeError } from '../errors/tvs-envelope-error.js';
import { copyJson } from './copy-json.js';

const context = { what: 'test body' };

describe('copyJson', () => {
  it('copies JSON values into fresh objects', () => {
    const input = { a: [1, 'x', true, null, { b: 2 }] };
    const out = copyJson(input, context) as typeof input;
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(out.a).not.toBe(input.a);
    expect(out.a[4]).not.toBe(input.a[4]);
  });

  it('drops __proto__ and constructor keys at every level', () => {
    const parsed = JSON.parse(
      '{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}},"k":[{"__proto__":{"z":3}}]}',
    );
    const out = copyJson(parsed, context) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['k']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys((out.k as object[])[0]!)).toEqual([]);
  });

  it('writes undefined as JSON.stringify would: members left out, items null', () => {
    expect(copyJson({ a: undefined, b: [undefined, 1] }, context)).toEqual({ b: [null, 1] });
  });

  it('accepts null-prototype objects', () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(copyJson(bare, context)).toEqual({ a: 1 });
  });

  it.each([
    ['a function', { f: () => 1 }],
    ['a symbol', { s: Symbol('s') }],
    ['a bigint', { n: 1n }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a Date', { d: new Date(0) }],
    ['a Map', new Map()],
    ['a class instance', { c: new (class Thing {})() }],
  ])('refuses %s with a not-json TvsEnvelopeError', (_what, value) => {
    expect(() => copyJson(value, context)).toThrow(TvsEnvelopeError);
    try {
      copyJson(value, context);
    } catch (error) {
      expect((error as TvsEnvelopeError).code).toBe('not-json');
      expect((error as TvsEnvelopeError).message).toMatch(/^test body holds /);
    }
  });

  it('refuses nesting deeper than 64, accepts 64', () => {
    let deep: unknown = [];
    for (let i = 1; i < 64; i++) deep = [deep];
    expect(() => copyJson(deep, context)).not.toThrow();
    expect(() => copyJson([deep], context)).toThrow(/nests deeper than 64 levels/);
  });
});
