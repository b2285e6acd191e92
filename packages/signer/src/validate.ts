/**
 * Throws a TypeError naming `name` unless `value` is a non-empty string. Never echoes the value:
 * it may be a secret.
 * @internal
 */
export function assertNonEmptyString(
  value: unknown,
  name: string,
  where: string,
): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    const got = value === '' ? 'an empty string' : value === null ? 'null' : typeof value;
    throw new TypeError(`${where}: ${name} must be a non-empty string, got ${got}`);
  }
}
