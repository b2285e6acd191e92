import { type VerifyFailureReason, verifySignedUrl } from '@tvs/signer';
import { CODES, Refusal } from '../errors.js';

/** The gateway's `Class` and text for each way a signature check fails (docs/protocol.md §2). */
const AUTH_TEXT: Readonly<Record<VerifyFailureReason, readonly [string, string]>> = {
  'malformed-url': ['AuthFailure.MalformedUrl', 'the request URL cannot be parsed'],
  'missing-parameter': ['AuthFailure.MissingParameter', 'missing query parameter'],
  'duplicate-parameter': ['AuthFailure.DuplicateParameter', 'query parameter given more than once'],
  'malformed-timestamp': ['AuthFailure.InvalidTimestamp', 'timestamp must be Unix seconds'],
  expired: [
    'AuthFailure.SignatureExpire',
    'timestamp is more than 300 s away from the gateway clock',
  ],
  'unknown-appkey': ['AuthFailure.InvalidAppkey', 'appkey is not known'],
  'bad-signature': ['AuthFailure.SignatureFailure', 'signature does not match'],
};

/** What a signature check found: the appkey, or the refusal (100005) and why. @internal */
export type AuthVerdict =
  | { readonly ok: true; readonly appkey: string }
  | { readonly ok: false; readonly reason: VerifyFailureReason; readonly refusal: Refusal };

/**
 * The gateway's signature check, with `verifySignedUrl` from `@tvs/signer` against its
 * accounts and its wall clock (the clock-skew fault included): the same for HTTP calls and for
 * command-channel upgrades.
 * @internal
 */
export function createAuthenticator(
  tokens: ReadonlyMap<string, string>,
  wallClock: () => number,
): (query: URLSearchParams) => AuthVerdict {
  return (query) => {
    const auth = verifySignedUrl(query, (appkey) => tokens.get(appkey), { now: wallClock });
    if (auth.ok) return { ok: true, appkey: auth.appkey };
    const [errorClass, why] = AUTH_TEXT[auth.reason];
    const detail = auth.parameter ? `${why}: ${auth.parameter}` : why;
    const when =
      auth.reason === 'expired' ? ` (gateway time ${new Date(wallClock()).toISOString()})` : '';
    return {
      ok: false,
      reason: auth.reason,
      refusal: new Refusal(CODES.unauthorized, errorClass, `${detail}${when}`),
    };
  };
}
