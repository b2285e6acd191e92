import { type QueryParams, queryEntries } from './query-entries.js';

/**
 * Validated pairs in canonical order: `signature` left out, sorted by name in UTF-16 code-unit
 * order (JavaScript's default string comparison, which is what the gateway sorts by).
 * @throws TypeError when a name appears twice.
 * @internal
 */
export function canonicalEntries(
  entries: ReadonlyArray<[string, string]>,
  where: string,
): Array<[string, string]> {
  const kept = entries.filter((entry) => entry[0] !== 'signature');
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 1; i < kept.length; i++) {
    if (kept[i - 1]![0] === kept[i]![0]) {
      throw new TypeError(`${where}: parameter "${kept[i]![0]}" appears more than once`);
    }
  }
  return kept;
}

/** Joins canonical pairs as `name=value&…` with raw values. @internal */
export function joinEntries(entries: ReadonlyArray<readonly [string, string]>): string {
  let out = '';
  for (const [name, value] of entries) out += out === '' ? `${name}=${value}` : `&${name}=${value}`;
  return out;
}

/**
 * The gateway's string to sign (PROTOCOL §2, steps 1–2): every parameter except `signature`,
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
