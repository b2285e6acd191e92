import { MAX_TIMER_MS } from './defaults.js';

/** What a number option may be. */
export interface NumberRule {
  /** Greater than zero (default: zero allowed). */
  readonly positive?: boolean;
  readonly integer?: boolean;
  readonly max?: number;
  /** What the number counts, for the message (`milliseconds`). */
  readonly unit?: string;
}

/**
 * The one number-option check of the client: `value`, or `fallback` when it is `undefined`;
 * anything else throws a `TypeError` naming `where` and `name` and what was expected. @internal
 */
export function numberOption(
  value: unknown,
  fallback: number,
  where: string,
  name: string,
  rule: NumberRule = {},
): number {
  if (value === undefined) return fallback;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.positive ? value > 0 : value >= 0) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok) {
    const what = `${rule.positive ? 'a positive' : 'a non-negative'} ${rule.integer ? 'whole number' : 'number'}${rule.unit ? ` of ${rule.unit}` : ''}`;
    const limit = rule.max === undefined ? '' : ` up to ${rule.max}`;
    throw new TypeError(`${where}: ${name} must be ${what}${limit}, got ${describe(value)}`);
  }
  return value as number;
}

/** A duration in milliseconds: a positive number up to the longest timer, or `false` for none. @internal */
export function durationOption(
  value: unknown,
  fallback: number | false,
  where: string,
  name: string,
): number | false {
  if (value === false) return false;
  if (value === undefined) return fallback;
  if (typeof value !== 'number') {
    throw new TypeError(
      `${where}: ${name} must be a positive number of milliseconds or false, got ${describe(value)}`,
    );
  }
  return numberOption(value, 0, where, name, {
    positive: true,
    max: MAX_TIMER_MS,
    unit: 'milliseconds',
  });
}

/** An options object: `{}` for `undefined`, a `TypeError` for anything but a plain object. @internal */
export function objectOption<T extends object>(
  value: T | undefined,
  where: string,
  name = 'options',
): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${where}: ${name} must be an object, got ${describe(value)}`);
  }
  return value;
}

/** A function option, or `undefined`. @internal */
export function functionOption<F>(
  value: F | undefined,
  where: string,
  name: string,
): F | undefined {
  if (value === undefined || typeof value === 'function') return value;
  throw new TypeError(`${where}: ${name} must be a function, got ${describe(value)}`);
}

/** A short description of a bad value for a message: its type, never a string's content. @internal */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
