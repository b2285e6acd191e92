import { type DecodeContext, envelopeError } from './envelope-error.js';
import { MAX_DEPTH } from './limits.js';

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
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      break;
    case 'object': {
      if (value === null) return null;
      if (depth > MAX_DEPTH) {
        throw envelopeError(context, 'too-deep', `nests deeper than ${MAX_DEPTH} levels`);
      }
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (const item of value) {
          out.push(item === undefined ? null : copyJson(item, context, depth + 1));
        }
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      // Plain: made by a literal or JSON.parse, in this realm or another one.
      if (proto !== null && Object.getPrototypeOf(proto) !== null) break;
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
  throw envelopeError(context, 'not-json', `holds ${describe(value)}, which JSON cannot`);
}

function describe(value: unknown): string {
  return typeof value === 'object' ? 'an object that is not plain' : `a ${typeof value}`;
}
