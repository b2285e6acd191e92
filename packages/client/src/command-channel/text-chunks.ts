const encoder = new TextEncoder();

/**
 * Splits `text` into pieces of at most `maxBytes` bytes of UTF-8, never inside a code point,
 * preferring to break after whitespace or punctuation in the last quarter of a piece. @internal
 */
export function splitUtf8(text: string, maxBytes: number): string[] {
  if (encoder.encode(text).byteLength <= maxBytes) return text === '' ? [] : [text];
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  let lastBreak = -1;
  for (const char of text) {
    const size = encoder.encode(char).byteLength;
    if (bytes + size > maxBytes) {
      const cut = lastBreak > piece.length * 0.75 ? lastBreak : piece.length;
      pieces.push(piece.slice(0, cut));
      piece = piece.slice(cut);
      bytes = encoder.encode(piece).byteLength;
      lastBreak = -1;
    }
    piece += char;
    bytes += size;
    if (/[\s,.;:!?，。；：！？、]/u.test(char)) lastBreak = piece.length;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
