const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * UTF-8 bytes of `text`, written into `scratch` when they fit (so use the result before the
 * next call) to spare an allocation per signature; otherwise a fresh array.
 * @internal
 */
export function utf8(text: string, scratch: Uint8Array): Uint8Array {
  const { read, written } = encoder.encodeInto(text, scratch);
  return read === text.length ? scratch.subarray(0, written) : encoder.encode(text);
}
