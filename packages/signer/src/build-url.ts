import { percentEncode } from './percent-encode.js';

/**
 * Parses `url` as an absolute URL, with a TypeError that names the caller instead of the
 * runtime's generic message.
 * @internal
 */
export function parseUrl(url: string | URL, where: string): URL {
  if (url instanceof URL) return new URL(url.href);
  if (typeof url !== 'string')
    throw new TypeError(`${where}: url must be a string or URL, got ${typeof url}`);
  try {
    return new URL(url);
  } catch {
    throw new TypeError(`${where}: url is not an absolute URL`);
  }
}

/**
 * Writes `entries` (already in canonical order) plus the signature as the URL's query, every
 * name and value percent-encoded once, so the server's decoded view is exactly what was signed.
 * @internal
 */
export function withSignedQuery(
  url: URL,
  entries: ReadonlyArray<readonly [string, string]>,
  signature: string,
): string {
  let query = '';
  for (const [name, value] of entries) query += `${percentEncode(name)}=${percentEncode(value)}&`;
  // Only unreserved characters and %XX remain, which the `search` setter leaves untouched.
  url.search = `?${query}signature=${percentEncode(signature)}`;
  return url.href;
}
