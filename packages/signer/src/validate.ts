/**
 * Throws `TypeError('<where>: <problem>')`. Every message names the function and the parameter;
 * one builder keeps them uniform (and the bundle small).
 * @internal
 */
export function fail(where: string, problem: string): never {
  throw new TypeError(`${where}: ${problem}`);
}

/**
 * What `value` is, for a message's "got …": its type, not its text, since it may be a secret.
 * Numbers are spelled out only with `showNumber`, where they cannot be one.
 * @internal
 */
export function kind(value: unknown, showNumber?: boolean): string | number | null {
  return value === ''
    ? 'an empty string'
    : value === null || (showNumber && typeof value === 'number')
      ? (value as number | null)
      : typeof value;
}

/**
 * Throws a TypeError naming `name` unless `value` is a non-empty string.
 * @internal
 */
export function assertNonEmptyString(
  value: unknown,
  name: string,
  where: string,
): asserts value is string {
  if (typeof value !== 'string' || !value)
    fail(where, `${name} must be a non-empty string, got ${kind(value)}`);
}

// In a /u regex \p{Cs} matches only unpaired surrogates, which have no UTF-8 form to sign.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Throws a TypeError naming `name` when `text` holds a lone surrogate: such text has no UTF-8
 * form, and `TextEncoder` would silently sign U+FFFD instead. The message never quotes the text,
 * which may be a secret.
 * @internal
 */
export function assertWellFormed(text: string, name: string, where: string): void {
  if (LONE_SURROGATE.test(text))
    fail(where, `${name} is not well-formed Unicode (it holds a lone surrogate)`);
}
