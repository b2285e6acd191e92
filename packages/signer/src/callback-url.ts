import { parseUrl, withQuery } from './build-url.js';
import { joinEntries } from './canonical-query.js';
import { type Clock, clockOption, unixSeconds } from './clock.js';
import { createHmacKey } from './hmac-key.js';
import { assertNonEmptyString, assertWellFormed } from './validate.js';
import { type VerifyFailure, type VerifyOptions, verifyQuery } from './verify-query.js';

/** A live-room callback whose signature checked out. */
export interface CallbackVerifySuccess {
  readonly ok: true;
  /** The callback's `reqid`. */
  readonly reqid: string;
  /** The signed `timestamp`, in Unix seconds. */
  readonly timestamp: number;
}

/**
 * Verifies a live-room callback URL from the gateway (docs/protocol.md §4, Live rooms): `signature` is
 * Base64 HMAC-SHA256 of `reqid=…&timestamp=…` under the separate sign key Tencent hands over.
 * Only those two parameters are signed, so your own query parameters on the callback URL are
 * allowed and ignored. Same checks as {@link verifySignedUrl}, except there is no appkey.
 *
 * @example
 * ```ts
 * import { verifyCallbackUrl } from '@tvs/signer';
 * const result = verifyCallbackUrl(request.url, env.TVS_CALLBACK_SIGN_KEY);
 * if (!result.ok) return new Response(null, { status: 401 });
 * ```
 */
export function verifyCallbackUrl(
  url: string | URL | URLSearchParams,
  signKey: string,
  options: VerifyOptions = {},
): CallbackVerifySuccess | VerifyFailure {
  assertNonEmptyString(signKey, 'signKey', 'verifyCallbackUrl');
  return verifyQuery(url, options, 'verifyCallbackUrl', 'reqid', () => signKey);
}

/** Options for {@link signCallbackUrl}. */
export interface SignCallbackOptions {
  /** The callback's request id. */
  readonly reqid: string;
  /** Clock in milliseconds (`Date.now`-compatible). */
  readonly now?: Clock;
}

/**
 * Signs a live-room callback URL as the gateway does, for mock servers and for testing your
 * callback receiver. Keeps the URL's other parameters (unsigned), replaces any earlier
 * `reqid`/`timestamp`/`signature`.
 *
 * @example
 * ```ts
 * import { signCallbackUrl } from '@tvs/signer';
 * const url = signCallbackUrl('https://example.com/tvs/callback', 'my-sign-key', { reqid: 'abc123' });
 * ```
 */
export function signCallbackUrl(
  url: string | URL,
  signKey: string,
  options: SignCallbackOptions,
): string {
  assertNonEmptyString(signKey, 'signKey', 'signCallbackUrl');
  assertNonEmptyString(options?.reqid, 'reqid', 'signCallbackUrl');
  assertWellFormed(options.reqid, 'reqid', 'signCallbackUrl');
  const target = parseUrl(url, 'signCallbackUrl');
  const now = clockOption(options.now, 'signCallbackUrl');
  // Already in canonical order: 'reqid' < 'timestamp'.
  const signed: Array<[string, string]> = [
    ['reqid', options.reqid],
    ['timestamp', String(unixSeconds(now, 'signCallbackUrl'))],
  ];
  const others = [...target.searchParams].filter(
    ([name]) => !['reqid', 'timestamp', 'signature'].includes(name),
  );
  return withQuery(target, [
    ...others,
    ...signed,
    ['signature', createHmacKey(signKey, 'signKey', 'signCallbackUrl')(joinEntries(signed))],
  ]);
}
