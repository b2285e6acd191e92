import { refuse } from './errors.js';

/**
 * What a browser may send: a JSON `POST` with a bearer token, and `X-TVS-SDK`, which
 * `@tvs/client` sends on every call (without it in the list, a page using the client is
 * refused at the preflight). The Worker forwards none of them.
 */
export const ALLOWED_METHODS = 'POST, OPTIONS';
export const ALLOWED_HEADERS = 'Authorization, Content-Type, X-TVS-SDK';
/** How long a browser may cache a preflight answer, in seconds. */
export const PREFLIGHT_MAX_AGE = 600;

/**
 * Adds CORS headers for an accepted origin. Every response varies by `Origin` (an allowed one is
 * echoed, any other gets none), so `Vary: Origin` is always set. Never a wildcard, never
 * `Access-Control-Allow-Credentials`: callers authenticate with a header, not cookies.
 */
export function withCors(response: Response, origin: string | undefined): Response {
  const headers = new Headers(response.headers);
  headers.append('Vary', 'Origin');
  if (origin !== undefined) headers.set('Access-Control-Allow-Origin', origin);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/**
 * Answers a preflight from an origin already accepted, for a route that exists: 204 with the
 * allowed methods and headers, or 405 when the browser asks for another method.
 */
export function preflight(request: Request): Response {
  const method = request.headers.get('Access-Control-Request-Method');
  if (method !== 'POST') {
    return refuse('method-not-allowed', 'Only POST is allowed.', { Allow: 'POST, OPTIONS' });
  }
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE),
      'Cache-Control': 'no-store',
    },
  });
}
