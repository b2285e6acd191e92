import { canonicalEntries, joinEntries } from './canonical-query.js';
import { type Clock, clockOption, unixSeconds } from './clock.js';
import { constantTimeEqual } from './constant-time.js';
import { createHmacKey } from './hmac-key.js';
import { fail } from './validate.js';

/**
 * Why a signed URL was refused. A closed set: switch over it exhaustively.
 *
 * - `malformed-url`: the input is not a string, `URL` or `URLSearchParams`, or does not parse
 *   as a URL (`http://[`, a request target like `//%zz/x`).
 * - `missing-parameter`, `duplicate-parameter`: a signed parameter is absent or empty, or a
 *   parameter appears more than once (`parameter` names it).
 * - `malformed-timestamp`: `timestamp` is not whole Unix seconds.
 * - `expired`: `timestamp` is further from now than `maxSkewSeconds`.
 * - `unknown-appkey`: the resolver knows no token for the appkey.
 * - `bad-signature`: the HMAC does not match.
 *
 * @example
 * ```ts
 * import { type VerifyFailureReason, verifySignedUrl } from '@tvs/signer';
 * const status = (reason: VerifyFailureReason) => (reason === 'malformed-url' ? 400 : 401);
 * ```
 */
export type VerifyFailureReason =
  | 'malformed-url'
  | 'missing-parameter'
  | 'duplicate-parameter'
  | 'malformed-timestamp'
  | 'expired'
  | 'unknown-appkey'
  | 'bad-signature';

/**
 * A refusal, with the offending parameter's name where there is one.
 *
 * @example
 * ```ts
 * import { verifySignedUrl } from '@tvs/signer';
 * const result = verifySignedUrl('http://[', () => undefined);
 * // => { ok: false, reason: 'malformed-url' }
 * ```
 */
export interface VerifyFailure {
  readonly ok: false;
  readonly reason: VerifyFailureReason;
  /** The parameter that was missing, repeated or malformed. */
  readonly parameter?: string;
}

/**
 * Options shared by the verifiers.
 *
 * @example
 * ```ts
 * import { verifySignedUrl } from '@tvs/signer';
 * verifySignedUrl(url, resolve, { now: () => Date.now(), maxSkewSeconds: 60 });
 * ```
 */
export interface VerifyOptions {
  /** Clock in milliseconds (`Date.now`-compatible). */
  readonly now?: Clock;
  /** Accepted distance between `timestamp` and now, both directions. Default 300 (the gateway's). */
  readonly maxSkewSeconds?: number;
}

/**
 * The shared verification steps, cheapest first: shape, clock window, key, then the HMAC
 * compared in constant time. Never throws on hostile input, whatever `url` is; it refuses.
 * Throws a TypeError only for a misuse of the verifier itself: a bad `now` or `maxSkewSeconds`,
 * or a key from `keyFor` that is not well-formed Unicode.
 *
 * `id` names the scheme: `appkey` (the gateway: every parameter is signed, `keyFor` looks the
 * token up by appkey) or `reqid` (live-room callbacks: only `reqid` and `timestamp` are signed,
 * other parameters are ignored). On success returns `{ ok: true, [id]: value, timestamp }`.
 * @internal
 */
export function verifyQuery<Id extends 'appkey' | 'reqid'>(
  url: string | URL | URLSearchParams,
  options: VerifyOptions,
  where: string,
  id: Id,
  keyFor: (id: string) => unknown,
):
  | ({ readonly ok: true; readonly timestamp: number } & { readonly [K in Id]: string })
  | VerifyFailure {
  const now = clockOption(options.now, where);
  const maxSkew = options.maxSkewSeconds ?? 300;
  if (typeof maxSkew !== 'number' || !(maxSkew >= 0))
    fail(where, 'maxSkewSeconds must be a non-negative number');
  const query = queryOf(url);
  if (query === undefined) return { ok: false, reason: 'malformed-url' };
  const checked = [id, 'timestamp', 'signature'];
  const values = new Map<string, string>();
  for (const [name, value] of query) {
    if (id === 'reqid' && !checked.includes(name)) continue;
    if (values.has(name)) return { ok: false, reason: 'duplicate-parameter', parameter: name };
    values.set(name, value);
  }
  for (const name of checked) {
    if (!values.get(name)) return { ok: false, reason: 'missing-parameter', parameter: name };
  }
  const timestampText = values.get('timestamp')!;
  if (!/^\d{1,15}$/.test(timestampText)) {
    return { ok: false, reason: 'malformed-timestamp', parameter: 'timestamp' };
  }
  const timestamp = Number(timestampText);
  if (Math.abs(unixSeconds(now, where) - timestamp) > maxSkew) {
    return { ok: false, reason: 'expired', parameter: 'timestamp' };
  }
  const key = keyFor(values.get(id)!);
  if (typeof key !== 'string' || !key) return { ok: false, reason: 'unknown-appkey' };
  const keyName = id === 'appkey' ? 'the access token from resolveAccessToken' : 'signKey';
  // No duplicates are left, so canonicalEntries only drops `signature` and sorts. A signer never
  // produces an empty name, so one cannot be part of a good signature.
  const signed = canonicalEntries([...values], where);
  if (
    signed.some(([name]) => !name) ||
    !constantTimeEqual(
      values.get('signature')!,
      createHmacKey(key, keyName, where)(joinEntries(signed)),
    )
  ) {
    return { ok: false, reason: 'bad-signature' };
  }
  // A computed key widens to an index signature; the value is the required, present `id`.
  return { ok: true, [id]: values.get(id)!, timestamp } as { ok: true; timestamp: number } & {
    [K in Id]: string;
  };
}

/**
 * The query of what a server was handed, or undefined when it is no URL at all. Servers see all
 * three forms; the base lets a request target from node:http (`/path?query`) parse. The `URL`
 * parser throws on hostile text, and objects are only read, never trusted, so any throw means
 * malformed.
 */
function queryOf(url: unknown): URLSearchParams | undefined {
  try {
    if (url instanceof URLSearchParams) return url;
    if (typeof url !== 'string' && !(url instanceof URL)) return undefined;
    return new URL(url, 'http://localhost').searchParams;
  } catch {
    return undefined;
  }
}
