/**
 * The most UTF-16 code units an error message of this package holds: 333. No code unit takes
 * more than 3 bytes of UTF-8, so every message stays under 1 KB.
 *
 * @example
 * ```ts
 * import { MAX_MESSAGE_LENGTH, TvsError } from '@tvs/envelope';
 * const error = new TvsError('x'.repeat(5000), { code: 1, category: 'unknown', retryable: false });
 * error.message.length <= MAX_MESSAGE_LENGTH; // true
 * ```
 */
export const MAX_MESSAGE_LENGTH = 333;

/**
 * `text` cut to at most `max` UTF-16 code units, ending in `…` when cut, never splitting a
 * surrogate pair.
 * @internal
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if ((text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  return `${text.slice(0, end)}…`;
}
