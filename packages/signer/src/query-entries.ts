/** A query parameter value the gateway can sign: a string, or a finite number (sent as its decimal text). */
export type QueryValue = string | number;

/**
 * Query parameters: a plain object, a `URLSearchParams`, a `Map`, or any iterable of
 * `[name, value]` pairs (the only forms that can carry a duplicate name, which is refused).
 */
export type QueryParams =
  | Readonly<Record<string, QueryValue>>
  | Iterable<readonly [string, QueryValue]>;

// In a /u regex \p{Cs} matches only unpaired surrogates, which have no UTF-8 form to sign.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Validated `[name, value]` pairs as strings, in input order. Every message names the parameter
 * and the kind of problem, never the value.
 * @internal
 */
export function queryEntries(params: QueryParams, where: string): Array<[string, string]> {
  if (params === null || typeof params !== 'object') {
    throw new TypeError(
      `${where}: parameters must be an object or an iterable of [name, value] pairs`,
    );
  }
  const raw: Iterable<readonly [unknown, unknown]> =
    Symbol.iterator in params
      ? (params as Iterable<readonly [unknown, unknown]>)
      : Object.entries(params);
  const out: Array<[string, string]> = [];
  for (const pair of raw) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new TypeError(`${where}: each parameter must be a [name, value] pair`);
    }
    const [name, value] = pair as [unknown, unknown];
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(`${where}: a parameter name must be a non-empty string`);
    }
    if (LONE_SURROGATE.test(name)) {
      throw new TypeError(`${where}: parameter name is not well-formed Unicode`);
    }
    out.push([name, valueText(name, value, where)]);
  }
  return out;
}

function valueText(name: string, value: unknown, where: string): string {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) {
      throw new TypeError(`${where}: parameter "${name}" is not well-formed Unicode`);
    }
    return value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const got = value === null ? 'null' : typeof value === 'number' ? String(value) : typeof value;
  throw new TypeError(
    `${where}: parameter "${name}" must be a string or a finite number, got ${got}`,
  );
}
