import type { Config } from './config.js';
import { secretsEqual } from './constant-time.js';
import { refuse } from './errors.js';

/** The caller's origin once accepted: the value to echo in CORS headers, if any. */
export type OriginCheck =
  | { readonly ok: true; readonly origin: string | undefined }
  | { readonly ok: false; readonly response: Response };

/**
 * The origin rule. A request carrying `Origin` (every browser `POST`, preflight and WebSocket
 * handshake does: for a WebSocket it is the only defence against other sites' pages) must
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

/** The subprotocol the Worker's command channel speaks: offered by the caller, echoed back. */
export const CHANNEL_PROTOCOL = 'tvs-edge-signer';
/** The subprotocol element that carries the caller's bearer token: `bearer.<token>`. */
const BEARER_PROTOCOL = 'bearer.';

/** Whether the request asks for a WebSocket. */
export function isWebSocketUpgrade(request: Request): boolean {
  return request.headers.get('Upgrade')?.toLowerCase() === 'websocket';
}

/** The elements of `Sec-WebSocket-Protocol` (a comma-separated list of tokens). */
export function offeredProtocols(request: Request): string[] {
  const header = request.headers.get('Sec-WebSocket-Protocol') ?? '';
  return header
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * The token the caller presents: `Authorization: Bearer <token>`, or, on a WebSocket upgrade
 * without that header, the subprotocol element `bearer.<token>`. A browser cannot set headers
 * on a WebSocket; the subprotocol is the one field it lets a page fill, it stays out of URLs
 * (and so out of access logs and `Referer`), and the Worker never echoes it.
 */
function presentedToken(request: Request): string | undefined {
  const header = request.headers.get('Authorization');
  if (header !== null) return BEARER.exec(header)?.[1] ?? '';
  if (!isWebSocketUpgrade(request)) return undefined;
  const element = offeredProtocols(request).find((item) => item.startsWith(BEARER_PROTOCOL));
  return element?.slice(BEARER_PROTOCOL.length);
}

/**
 * The bearer rule, when `EDGE_BEARER_TOKEN` is set: the token from {@link presentedToken},
 * compared in constant time. Returns a 401 refusal, or undefined when the caller may go on.
 */
export async function checkBearer(request: Request, config: Config): Promise<Response | undefined> {
  const expected = config.bearerToken;
  if (expected === undefined) return undefined;
  const challenge = { 'WWW-Authenticate': 'Bearer realm="tvs-edge-signer"' };
  const presented = presentedToken(request);
  if (presented === undefined) {
    return refuse(
      'unauthorized',
      `Send Authorization: Bearer <token>; on a WebSocket, offer the subprotocols ${CHANNEL_PROTOCOL} and bearer.<token>.`,
      challenge,
    );
  }
  if (!(await secretsEqual(presented, expected))) {
    return refuse('unauthorized', 'The bearer token is not valid.', challenge);
  }
  return undefined;
}
