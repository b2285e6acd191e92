import { canonicalEntries, joinEntries } from './canonical-query.js';
import { type Clock, clockOption, unixSeconds } from './clock.js';
import { constantTimeEqual } from './constant-time.js';
import { createHmacKey } from './hmac-key.js';

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

/** What a scheme signs and with which key. @internal */
export interface SignatureScheme {
  /** Parameters that must be present (besides `signature`). */
  readonly required: readonly string[];
  /** Sign every parameter (the gateway) or only `required` (live-room callbacks). */
  readonly signsEverything: boolean;
  /** The key for these parameters, or undefined when the caller is unknown. */
  keyFor(values: ReadonlyMap<string, string>): string | null | undefined;
}

const TIMESTAMP = /^\d{1,15}$/;

/**
 * The shared verification steps, cheapest first: shape, clock window, key, then the HMAC
 * compared in constant time. Never throws on hostile input; it refuses.
 * @internal
 */
export function verifyQuery(
  query: URLSearchParams,
  scheme: SignatureScheme,
  options: VerifyOptions,
  where: string,
): { ok: true; values: ReadonlyMap<string, string>; timestamp: number } | VerifyFailure {
  const now = clockOption(options.now, where);
  const maxSkew = options.maxSkewSeconds ?? 300;
  if (typeof maxSkew !== 'number' || !(maxSkew >= 0)) {
    throw new TypeError(`${where}: maxSkewSeconds must be a non-negative number`);
  }
  const checked = new Set([...scheme.required, 'signature']);
  const values = new Map<string, string>();
  const signed: Array<[string, string]> = [];
  for (const [name, value] of query) {
    const relevant = scheme.signsEverything || checked.has(name);
    if (!relevant) continue;
    if (values.has(name)) return { ok: false, reason: 'duplicate-parameter', parameter: name };
    values.set(name, value);
    if (name !== 'signature') signed.push([name, value]);
  }
  for (const name of checked) {
    if (!values.get(name)) return { ok: false, reason: 'missing-parameter', parameter: name };
  }
  const timestampText = values.get('timestamp') ?? '';
  if (!TIMESTAMP.test(timestampText)) {
    return { ok: false, reason: 'malformed-timestamp', parameter: 'timestamp' };
  }
  const timestamp = Number(timestampText);
  if (Math.abs(unixSeconds(now, where) - timestamp) > maxSkew) {
    return { ok: false, reason: 'expired', parameter: 'timestamp' };
  }
  const key = scheme.keyFor(values);
  if (typeof key !== 'string' || key.length === 0) return { ok: false, reason: 'unknown-appkey' };
  let message: string;
  try {
    message = joinEntries(canonicalEntries(signed, where));
  } catch {
    return { ok: false, reason: 'bad-signature' };
  }
  if (!signed.every(([name]) => name.length > 0)) return { ok: false, reason: 'bad-signature' };
  const expected = createHmacKey(key).sign(message);
  if (!constantTimeEqual(values.get('signature')!, expected))
    return { ok: false, reason: 'bad-signature' };
  return { ok: true, values, timestamp };
}

/**
 * The query of `url`: absolute URLs, request targets like `/path?a=1`, bare `?a=1` strings,
 * `URL` and `URLSearchParams` are all accepted, because servers see all of these.
 * @internal
 */
export function queryOf(url: string | URL | URLSearchParams, where: string): URLSearchParams {
  if (url instanceof URLSearchParams) return url;
  if (url instanceof URL) return url.searchParams;
  if (typeof url !== 'string') {
    throw new TypeError(
      `${where}: url must be a string, URL or URLSearchParams, got ${typeof url}`,
    );
  }
  try {
    // A base lets a server pass `request.url` from node:http, which is only the path and query.
    return new URL(url, 'http://localhost').searchParams;
  } catch {
    throw new TypeError(`${where}: url cannot be parsed`);
  }
}
