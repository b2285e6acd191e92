const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * UTF-8 bytes of `text`. Signing strings are almost always ASCII, and a plain loop beats
 * `TextEncoder` on short strings by about a microsecond, which is most of a signature's cost.
 * The returned view aliases `scratch` when it fits, so use it before the next call.
 * @internal
 */
export function utf8(text: string, scratch: Uint8Array): Uint8Array {
  const length = text.length;
  if (length <= scratch.length) {
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) return encoder.encode(text);
      scratch[i] = code;
    }
    return scratch.subarray(0, length);
  }
  return encoder.encode(text);
}
