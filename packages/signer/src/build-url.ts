import { joinEntries } from './canonical-query.js';
import { percentEncode } from './percent-encode.js';
import { fail, kind } from './validate.js';

/**
 * Parses `url` (a copy, when it is a `URL`) with TypeErrors that name the caller instead of the
 * runtime's generic message. Without `base` it must be absolute; verifiers pass a base so that
 * request targets like `/path?a=1` from node:http parse too.
 * @internal
 */
export function parseUrl(url: unknown, where: string, base?: string): URL {
  if (typeof url !== 'string' && !(url instanceof URL))
    fail(where, `url must be a string or URL, got ${kind(url)}`);
  try {
    return new URL(url, base);
  } catch {
    return fail(where, base ? 'url cannot be parsed' : 'url is not an absolute URL');
  }
}

/**
 * Writes `entries` (in canonical order, the signature last) as the URL's query, every name and
 * value percent-encoded once, so the server's decoded view is exactly what was signed.
 * @internal
 */
export function withQuery(url: URL, entries: ReadonlyArray<readonly [string, string]>): string {
  // Only unreserved characters and %XX remain, which the `search` setter leaves untouched.
  url.search = joinEntries(entries, percentEncode);
  return url.href;
}
