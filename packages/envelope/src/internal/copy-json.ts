import type { TvsEnvelopeError } from '../errors/tvs-envelope-error.js';
import { MAX_DEPTH } from '../limits.js';
import { type DecodeContext, envelopeError } from './envelope-error.js';
import { jsonType } from './is-record.js';

/**
 * A fresh copy of a JSON value built only from plain objects, arrays and primitives, nesting at
 * most {@link MAX_DEPTH} deep, with the keys `__proto__` and `constructor` dropped wherever they
 * appear: assigning `__proto__` replaces an object's prototype, and `constructor.prototype` is
 * the classic route to `Object.prototype` through naive merges. Object members whose value is
 * `undefined` are left out and `undefined` array items become `null`, as `JSON.stringify`
 * writes them.
 *
 * @throws TvsEnvelopeError `not-json` for functions, symbols, bigints, non-finite numbers and
 *   objects that are not plain (Date, Map, class instances); `too-deep`.
 * @internal
 */
export function copyJson(value: unknown, context: DecodeContext, depth = 1): unknown {
  // `Number.isFinite` is true for finite numbers only, so NaN and Infinity fall through.
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Number.isFinite(value)) return value;
  if (typeof value === 'object') {
    if (depth > MAX_DEPTH) throw tooDeep(context);
    if (Array.isArray(value)) {
      return Array.from(value, (item) =>
        item === undefined ? null : copyJson(item, context, depth + 1),
      );
    }
    const proto: unknown = Object.getPrototypeOf(value);
    // Plain: made by a literal or JSON.parse, in this realm or another one.
    if (proto === null || Object.getPrototypeOf(proto) === null) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item: unknown = (value as Record<string, unknown>)[key];
        if (item !== undefined && key !== '__proto__' && key !== 'constructor') {
          out[key] = copyJson(item, context, depth + 1);
        }
      }
      return out;
    }
  }
  const what = typeof value === 'object' ? 'a non-plain object' : jsonType(value);
  throw envelopeError(context, 'not-json', `holds ${what}, which JSON cannot`);
}

/** The error for nesting deeper than {@link MAX_DEPTH}, in parsed values and in text. @internal */
export function tooDeep(context: DecodeContext): TvsEnvelopeError {
  return envelopeError(context, 'too-deep', `nests deeper than ${MAX_DEPTH} levels`);
}
