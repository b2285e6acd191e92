import { parseUrl } from './build-url.js';
import { canonicalEntries, joinEntries } from './canonical-query.js';
import { type Clock, clockOption, unixSeconds } from './clock.js';
import { constantTimeEqual } from './constant-time.js';
import { createHmacKey } from './hmac-key.js';
import { fail } from './validate.js';

/** Why a signed URL was refused. A closed set: switch over it exhaustively. */
export type VerifyFailureReason =
  | 'missing-parameter'
  | 'duplicate-parameter'
  | 'malformed-timestamp'
  | 'expired'
  | 'unknown-appkey'
  | 'bad-signature';

/** A refusal, with the offending parameter's name where there is one. */
export interface VerifyFailure {
  readonly ok: false;
  readonly reason: VerifyFailureReason;
  /** The parameter that was missing, repeated or malformed. */
  readonly parameter?: string;
}

/** Options shared by the verifiers. */
export interface VerifyOptions {
  /** Clock in milliseconds (`Date.now`-compatible). */
  readonly now?: Clock;
  /** Accepted distance between `timestamp` and now, both directions. Default 300 (the gateway's). */
  readonly maxSkewSeconds?: number;
}

/**
 * The shared verification steps, cheapest first: shape, clock window, key, then the HMAC
 * compared in constant time. Never throws on hostile input; it refuses.
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
  // Servers see all of these; a base lets `request.url` from node:http (path and query) parse.
  const query =
    url instanceof URLSearchParams ? url : parseUrl(url, where, 'http://localhost').searchParams;
  const now = clockOption(options.now, where);
  const maxSkew = options.maxSkewSeconds ?? 300;
  if (typeof maxSkew !== 'number' || !(maxSkew >= 0))
    fail(where, 'maxSkewSeconds must be a non-negative number');
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
  // No duplicates are left, so canonicalEntries only drops `signature` and sorts. A signer never
  // produces an empty name, so one cannot be part of a good signature.
  const signed = canonicalEntries([...values], where);
  if (
    signed.some(([name]) => !name) ||
    !constantTimeEqual(values.get('signature')!, createHmacKey(key)(joinEntries(signed)))
  ) {
    return { ok: false, reason: 'bad-signature' };
  }
  // A computed key widens to an index signature; the value is the required, present `id`.
  return { ok: true, [id]: values.get(id)!, timestamp } as { ok: true; timestamp: number } & {
    [K in Id]: string;
  };
}
