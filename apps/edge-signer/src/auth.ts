import type { Config } from './config.js';
import { secretsEqual } from './constant-time.js';
import { refuse } from './errors.js';

/** The caller's origin once accepted: the value to echo in CORS headers, if any. */
export type OriginCheck =
  | { readonly ok: true; readonly origin: string | undefined }
  | { readonly ok: false; readonly response: Response };

/**
 * The origin rule. A request carrying `Origin` (every browser `POST` and preflight does) must
 * name an origin in `ALLOWED_ORIGINS`. A request without one (a server, curl) is let through
 * to the bearer check only when `EDGE_BEARER_TOKEN` is set: in origin-only mode it is refused.
 */
export function checkOrigin(request: Request, config: Config): OriginCheck {
  const origin = request.headers.get('Origin');
  if (origin === null) {
    if (config.bearerToken !== undefined) return { ok: true, origin: undefined };
    return {
      ok: false,
      response: refuse('origin-required', 'Call this endpoint from a page on an allowed origin.'),
    };
  }
  if (config.allowedOrigins.has(origin)) return { ok: true, origin };
  return {
    ok: false,
    response: refuse('origin-not-allowed', 'This origin may not call this endpoint.'),
  };
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * The bearer rule, when `EDGE_BEARER_TOKEN` is set: `Authorization: Bearer <token>`, compared in
 * constant time. Returns a 401 refusal, or undefined when the caller may go on.
 */
export async function checkBearer(request: Request, config: Config): Promise<Response | undefined> {
  const expected = config.bearerToken;
  if (expected === undefined) return undefined;
  const challenge = { 'WWW-Authenticate': 'Bearer realm="tvs-edge-signer"' };
  const header = request.headers.get('Authorization');
  if (header === null) {
    return refuse('unauthorized', 'Send Authorization: Bearer <token>.', challenge);
  }
  const presented = BEARER.exec(header)?.[1] ?? '';
  if (!(await secretsEqual(presented, expected))) {
    return refuse('unauthorized', 'The bearer token is not valid.', challenge);
  }
  return undefined;
}
