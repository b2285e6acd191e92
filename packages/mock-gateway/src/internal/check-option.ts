/**
 * The one check of a numeric option: `undefined` gives `fallback`; anything else must be a
 * finite number above zero (or zero, with `allowZero`), whole with `integer`. Throws a
 * `TypeError` naming the option.
 * @internal
 */
export function numberOption(
  value: unknown,
  name: string,
  fallback: number,
  rule: { readonly integer?: boolean; readonly allowZero?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.allowZero ? value >= 0 : value > 0) &&
    (!rule.integer || Number.isInteger(value));
  if (!ok) {
    const what = rule.integer ? 'integer' : 'number';
    const sign = rule.allowZero ? 'non-negative' : 'positive';
    throw new TypeError(`createMockGateway: ${name} must be a ${sign} ${what}`);
  }
  return value as number;
}
