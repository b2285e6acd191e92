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
    if (inString) {
      if (c === 0x5c)
        i++; // Backslash: skip the escaped character.
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
