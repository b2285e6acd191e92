/**
 * RFC 3986 percent-encoding: everything but unreserved characters (`A–Z a–z 0–9 - . _ ~`).
 * `encodeURIComponent` leaves `! ' ( ) *` alone, so those are finished here.
 * @internal
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
