/**
 * The most UTF-16 code units an error message of this package holds: 333. No code unit takes
 * more than 3 bytes of UTF-8, so every message stays under 1 KB.
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
