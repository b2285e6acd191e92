import { fail } from './validate.js';
import { type VerifyFailure, type VerifyOptions, verifyQuery } from './verify-query.js';

/** A URL whose signature checked out. */
export interface VerifySuccess {
  readonly ok: true;
  /** The caller's application key. */
  readonly appkey: string;
  /** The signed `timestamp`, in Unix seconds. */
  readonly timestamp: number;
}

/** Looks up the access token for an appkey; return undefined for an unknown appkey. */
export type AccessTokenResolver = (appkey: string) => string | null | undefined;

/**
 * Verifies a gateway-style signed URL the way the gateway does: `appkey`, `timestamp` and
 * `signature` each present exactly once, `timestamp` within ±300 s of now (configurable), and
 * the HMAC of every other parameter matching in constant time. For servers, the mock gateway and
 * WebSocket upgrades. `resolveAccessToken` is synchronous; with an async key store, look the
 * token up first (the `appkey` query parameter names it) and pass `() => token`.
 *
 * @returns `{ ok: true, appkey, timestamp }`, or `{ ok: false, reason, parameter? }`. It never
 *   throws on what a client sent: anything that is not a parsable URL (`http://[`, `//%zz/x` as
 *   a node:http `req.url`, a number) is `{ ok: false, reason: 'malformed-url' }`.
 * @throws TypeError only for a misuse of the verifier: `resolveAccessToken` not a function or
 *   returning a token that is not well-formed Unicode, a bad `now` or `maxSkewSeconds`.
 * @example
 * ```ts
 * import { verifySignedUrl } from '@tvs/signer';
 * const tokens = new Map([['my-appkey', 'my-token']]);
 * const result = verifySignedUrl(request.url, (appkey) => tokens.get(appkey));
 * if (!result.ok) return new Response(`refused: ${result.reason}`, { status: 401 });
 * ```
 */
export function verifySignedUrl(
  url: string | URL | URLSearchParams,
  resolveAccessToken: AccessTokenResolver,
  options: VerifyOptions = {},
): VerifySuccess | VerifyFailure {
  if (typeof resolveAccessToken !== 'function')
    fail('verifySignedUrl', 'resolveAccessToken must be a function');
  return verifyQuery(url, options, 'verifySignedUrl', 'appkey', resolveAccessToken);
}
