/**
 * Compares two strings in time that depends only on `expected`'s length, so a caller cannot
 * learn how many leading characters of a forged signature were right.
 * @internal
 */
export function constantTimeEqual(actual: string, expected: string): boolean {
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    // charCodeAt past the end is NaN, which `| 0` turns into 0; the length check already failed.
    diff |= (actual.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  }
  return diff === 0;
}
