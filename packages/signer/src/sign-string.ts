import { createHmacKey } from './hmac-key.js';
import { assertNonEmptyString, assertWellFormed, fail, kind } from './validate.js';

/**
 * HMAC-SHA256 of `stringToSign` keyed with `accessToken`, as standard Base64 (not yet
 * percent-encoded). This is step 3 of the gateway's signature; prefer {@link createSigner},
 * which caches the key state and is several times faster when signing repeatedly.
 *
 * @example
 * ```ts
 * import { canonicalQuery, signString } from '@tvs/signer';
 * const signature = signString(canonicalQuery({ appkey: 'my-appkey', timestamp: 1717639699 }), 'my-token');
 * ```
 */
export function signString(stringToSign: string, accessToken: string): string {
  if (typeof stringToSign !== 'string')
    fail('signString', `stringToSign must be a string, got ${kind(stringToSign)}`);
  assertNonEmptyString(accessToken, 'accessToken', 'signString');
  assertWellFormed(stringToSign, 'stringToSign', 'signString');
  return createHmacKey(accessToken, 'accessToken', 'signString')(stringToSign);
}
