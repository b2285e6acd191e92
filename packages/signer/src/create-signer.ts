import { parseUrl, withQuery } from './build-url.js';
import { canonicalEntries, joinEntries } from './canonical-query.js';
import { type Clock, clockOption, unixSeconds } from './clock.js';
import { createHmacKey } from './hmac-key.js';
import { type QueryParams, queryEntries } from './query-entries.js';
import { assertNonEmptyString, assertWellFormed, fail, kind } from './validate.js';

/** The app's gateway credentials. The access token signs; it is never sent. */
export interface Credentials {
  /** The application key, sent in every URL as `appkey`. */
  readonly appkey: string;
  /** The secret HMAC key. Kept only as derived HMAC state inside the signer. */
  readonly accessToken: string;
}

/** Options for {@link createSigner}. */
export interface SignerOptions {
  /** Clock in milliseconds (`Date.now`-compatible); the signer sends whole seconds. */
  readonly now?: Clock;
}

/** The common query parameters of a signed call, plus any extra parameters that were signed. */
export type SignedParams = Readonly<Record<string, string>> & {
  readonly appkey: string;
  readonly timestamp: string;
  readonly signature: string;
};

/** Signs gateway URLs for one set of credentials. Holds no readable copy of the access token. */
export interface Signer {
  /** The application key this signer signs for. */
  readonly appkey: string;
  /**
   * Signs `appkey`, the current `timestamp` and `extraParams` (e.g. `{ requestid }`).
   * Returns raw values; percent-encode them when building a URL, or use {@link Signer.signUrl}.
   */
  sign(extraParams?: QueryParams): SignedParams;
  /**
   * Returns `url` signed: its own query parameters kept and signed, every value
   * percent-encoded, any earlier `appkey`/`timestamp`/`signature` replaced (so re-signing a
   * retry never repeats them).
   */
  signUrl(url: string | URL, extraParams?: QueryParams): string;
}

/** Parameters the signer owns; callers may not pass them as extras. */
const RESERVED = ['appkey', 'timestamp', 'signature'];

/**
 * Creates a signer that computes the HMAC key state once and reuses it on every call.
 *
 * @throws TypeError when `appkey` or `accessToken` is missing or empty (the message never
 *   contains the token).
 * @example
 * ```ts
 * import { createSigner } from '@tvs/signer';
 * const signer = createSigner({ appkey: 'my-appkey', accessToken: 'my-token' });
 * const url = signer.signUrl('https://gw.tvs.qq.com/v2/ivh/videomaker/broadcastservice/getprogress');
 * // Every documented request body carries a Header, empty here.
 * const body = JSON.stringify({ Header: {}, Payload: { TaskId: '1' } });
 * await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
 * ```
 */
export function createSigner(credentials: Credentials, options: SignerOptions = {}): Signer {
  if (credentials === null || typeof credentials !== 'object')
    fail('createSigner', `credentials must be an object, got ${kind(credentials)}`);
  const { appkey, accessToken } = credentials;
  assertNonEmptyString(appkey, 'appkey', 'createSigner');
  assertNonEmptyString(accessToken, 'accessToken', 'createSigner');
  const now = clockOption(options.now, 'createSigner');
  assertWellFormed(appkey, 'appkey', 'createSigner');
  const key = createHmacKey(accessToken, 'accessToken', 'createSigner');
  // The common case signs `appkey=…&timestamp=…`; its prefix never changes, so its bytes are
  // encoded once and each call only writes the timestamp's digits after them.
  const prefix = new TextEncoder().encode(`appkey=${appkey}&timestamp=`);
  const common = new Uint8Array(prefix.length + 16);
  common.set(prefix);

  /** `own` plus `extraParams` (which may not set what the signer sets), the common parameters
   * and the signature, in canonical order with the signature last. */
  const signed = (own: Array<[string, string]>, extraParams: QueryParams, where: string) => {
    for (const entry of queryEntries(extraParams, where)) {
      if (RESERVED.includes(entry[0])) fail(where, `parameter "${entry[0]}" is set by the signer`);
      own.push(entry);
    }
    own.push(['appkey', appkey], ['timestamp', String(unixSeconds(now, where))]);
    const entries = canonicalEntries(own, where);
    entries.push(['signature', key(joinEntries(entries))]);
    return entries;
  };

  return {
    appkey,
    sign(extraParams) {
      if (extraParams === undefined) {
        const timestamp = String(unixSeconds(now, 'sign'));
        let end = prefix.length;
        for (let i = 0; i < timestamp.length; i++) common[end++] = timestamp.charCodeAt(i);
        return { appkey, timestamp, signature: key(common.subarray(0, end)) };
      }
      // fromEntries defines own properties, so a `__proto__` name cannot reach the prototype.
      return Object.fromEntries(signed([], extraParams, 'sign')) as SignedParams;
    },
    signUrl(url, extraParams = []) {
      const target = parseUrl(url, 'signUrl');
      const own = [...target.searchParams].filter(([name]) => !RESERVED.includes(name));
      return withQuery(target, signed(own, extraParams, 'signUrl'));
    },
  };
}
