/**
 * The URL of a request: the listening origin with the target's path and query. The target's
 * own scheme and host (an absolute-form target, RFC 9112 §3.2.2) never count, so media URLs
 * always point at the listening address. Undefined for a target that is neither.
 * @internal
 */
export function requestUrl(target: string, origin: string): string | undefined {
  let pathAndQuery = target;
  if (!target.startsWith('/')) {
    const absolute = URL.canParse(target) ? new URL(target) : undefined;
    if (absolute?.protocol !== 'http:' && absolute?.protocol !== 'https:') return undefined;
    pathAndQuery = `${absolute.pathname}${absolute.search}`;
  }
  // Concatenated, not resolved: `//host/x` stays a path of this origin.
  const url = `${origin}${pathAndQuery}`;
  return URL.canParse(url) ? new URL(url).href : undefined;
}
