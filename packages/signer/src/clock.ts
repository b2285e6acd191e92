import { fail, kind } from './validate.js';

/** A `Date.now`-compatible clock: milliseconds since the Unix epoch. */
export type Clock = () => number;

/** Whole Unix seconds from `now()`, refusing a clock that returns nonsense. @internal */
export function unixSeconds(now: Clock, where: string): number {
  const ms = now();
  // 8.64e15 ms is the last instant a Date can hold; it also bounds the timestamp to 13 digits.
  if (typeof ms !== 'number' || !(ms >= 0 && ms <= 8.64e15))
    fail(where, `now() must return milliseconds since the epoch, got ${kind(ms, true)}`);
  return Math.floor(ms / 1000);
}

/** Checks an injectable clock option and falls back to `Date.now`. @internal */
export function clockOption(now: unknown, where: string): Clock {
  if (now === undefined) return Date.now;
  if (typeof now !== 'function') fail(where, `now must be a function, got ${kind(now)}`);
  return now as Clock;
}
