import { assertWellFormed, fail, kind } from './validate.js';

/** A query parameter value the gateway can sign: a string, or a finite number (sent as its decimal text). */
export type QueryValue = string | number;

/**
 * Query parameters: a plain object, a `URLSearchParams`, a `Map`, or any iterable of
 * `[name, value]` pairs (the only forms that can carry a duplicate name, which is refused).
 */
export type QueryParams =
  | Readonly<Record<string, QueryValue>>
  | Iterable<readonly [string, QueryValue]>;

/** Shared by both shape checks: a non-object and a malformed pair need the same fix. */
const SHAPE = 'parameters must be an object or an iterable of [name, value] pairs';

/**
 * Validated `[name, value]` pairs as strings, in input order. Every message names the parameter
 * and the kind of problem, never the value.
 * @internal
 */
export function queryEntries(params: QueryParams, where: string): Array<[string, string]> {
  if (params === null || typeof params !== 'object') fail(where, SHAPE);
  const out: Array<[string, string]> = [];
  for (const pair of Symbol.iterator in params ? params : Object.entries(params)) {
    if (!Array.isArray(pair) || pair.length !== 2) fail(where, SHAPE);
    let [name, value] = pair as [unknown, unknown];
    if (typeof name !== 'string' || !name)
      fail(where, 'a parameter name must be a non-empty string');
    if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
    if (typeof value !== 'string')
      fail(
        where,
        `parameter "${name}" must be a string or a finite number, got ${kind(value, true)}`,
      );
    // Checked apart, so a surrogate ending the name cannot pair with one starting the value.
    assertWellFormed(name, 'a parameter name', where);
    assertWellFormed(value as string, `parameter "${name}"`, where);
    out.push([name, value]);
  }
  return out;
}
