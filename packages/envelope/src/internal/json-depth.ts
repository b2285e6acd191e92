/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth`, found by one linear scan
 * that skips string contents. Run before `JSON.parse`, so that hostile nesting is refused before
 * any engine builds it (or overflows its stack on it). Malformed text is left to `JSON.parse`.
 * @internal
 */
export function exceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) inString = !inString;
    else if (inString) {
      if (c === 0x5c) i++; // Backslash: skip the escaped character.
    } else if ((c | 0x20) === 0x7b) {
      // `[` and `{` differ only in bit 0x20, as do `]` and `}`.
      if (++depth > maxDepth) return true;
    } else if ((c | 0x20) === 0x7d) depth--;
  }
  return false;
}
