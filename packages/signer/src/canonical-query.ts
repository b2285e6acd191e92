import { type QueryParams, queryEntries } from './query-entries.js';
import { fail } from './validate.js';

/**
 * Pairs in canonical order: `signature` left out, sorted by name in UTF-16 code-unit order
 * (JavaScript's default string comparison, which is what the gateway sorts by).
 * @throws TypeError when a name appears twice.
 * @internal
 */
export function canonicalEntries(
  entries: ReadonlyArray<[string, string]>,
  where: string,
): Array<[string, string]> {
  const kept = entries
    .filter(([name]) => name !== 'signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < kept.length; i++) {
    const name = kept[i]![0];
    if (kept[i - 1]![0] === name) fail(where, `parameter "${name}" appears more than once`);
  }
  return kept;
}

/** Joins pairs as `name=value&…`, raw unless `encode` is given. @internal */
export function joinEntries(
  entries: ReadonlyArray<readonly [string, string]>,
  encode: (text: string) => string = String,
): string {
  return entries.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

/**
 * The gateway's string to sign (docs/protocol.md §2, steps 1–2): every parameter except `signature`,
 * sorted by name in code-unit order, joined as `name=value` with `&`, using raw (unencoded)
 * values.
 *
 * @throws TypeError naming the parameter when a value is not a string or finite number, a name
 *   is empty, or a name appears twice.
 * @example
 * ```ts
 * import { canonicalQuery } from '@tvs/signer';
 * canonicalQuery({ timestamp: 1717639699, appkey: 'my-appkey' });
 * // => 'appkey=my-appkey&timestamp=1717639699'
 * ```
 */
export function canonicalQuery(params: QueryParams): string {
  return joinEntries(canonicalEntries(queryEntries(params, 'canonicalQuery'), 'canonicalQuery'));
}
