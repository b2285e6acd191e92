import { redactSignatures } from '@tvs/envelope';
import type { VerifyFailureReason } from '@tvs/signer';
import { keyFor } from './catalogue.js';
import type { FaultKind } from './faults.js';

/**
 * What the gateway made of one request. It keeps the path and the query with every `signature`
 * value replaced by `REDACTED`, never a whole signed URL: a signed query works against any
 * endpoint for 5 minutes (docs/protocol.md §2), so a log that kept one would hand out a
 * credential.
 */
export interface CallRecord {
  /** Gateway time (ms) the request arrived. */
  readonly at: number;
  readonly method: string;
  /** The URL's path, as sent (at most 2048 characters). */
  readonly path: string;
  /** The query as sent, without `?`, `signature` values replaced by `REDACTED` (at most 2048 characters). */
  readonly query?: string;
  /** The RequestID answered with (the caller's, or a new one). */
  readonly requestId: string;
  /** HTTP status answered, or 0 when the connection was dropped. */
  readonly httpStatus: number;
  /** `Header.Code` answered (undefined for faults without an envelope and for media). */
  readonly code?: number;
  /** `Header.Message` of an error envelope. */
  readonly message?: string;
  /** `ok`, `refused` (an error envelope or status), or `fault` (an injected fault hit it). */
  readonly verdict: 'ok' | 'refused' | 'fault';
  /** The fault that hit it (a fault chosen for a request the gateway refused is listed too). */
  readonly fault?: FaultKind;
  /** The real-time delay a `latency` fault added, ms. */
  readonly latencyMs?: number;
  /** Why authentication failed. */
  readonly authFailure?: VerifyFailureReason;
  /** `appkey` and `timestamp` as sent (first occurrence, at most 256 characters). */
  readonly appkey?: string;
  readonly timestamp?: string;
  /**
   * A fingerprint of the `signature` as sent (first occurrence): 16 hex digits, the same for
   * the same signature, from which the signature cannot be recovered. Tells attempts apart
   * (each is signed anew) without keeping a credential.
   */
  readonly signature?: string;
}

const MAX_TEXT = 2048;
const MAX_PARAM = 256;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * The query (`url.search`) without its `?`, every `signature` value replaced by `REDACTED`
 * (names read as the gateway reads them: `%73ignature` is `signature`); the rest as sent.
 * @internal
 */
export function redactedQuery(search: string): string {
  return redactSignatures(search.replace(/^\?/, ''));
}

/** The fields of a call record that come from its URL. @internal */
export function urlFields(
  url: URL,
): Pick<CallRecord, 'path' | 'query' | 'appkey' | 'timestamp' | 'signature'> {
  const query = url.searchParams;
  const first = (name: 'appkey' | 'timestamp') => {
    const value = query.get(name);
    return value === null ? {} : { [name]: clip(value, MAX_PARAM) };
  };
  const signature = query.get('signature');
  return {
    path: clip(url.pathname, MAX_TEXT),
    ...(url.search ? { query: clip(redactedQuery(url.search), MAX_TEXT) } : {}),
    ...first('appkey'),
    ...first('timestamp'),
    ...(signature === null ? {} : { signature: keyFor(`signature:${signature}`).slice(0, 16) }),
  };
}

/** The call log: every request, oldest first, at most `maxCalls` (the oldest tenth go first). @internal */
export function createCallLog(maxCalls: number) {
  let calls: CallRecord[] = [];
  return {
    get list(): readonly CallRecord[] {
      return calls;
    },
    record(entry: CallRecord): void {
      if (maxCalls === 0) return;
      calls.push(entry);
      if (calls.length > maxCalls) calls = calls.slice(-Math.ceil(maxCalls * 0.9));
    },
    reset(): void {
      calls = [];
    },
  };
}

/** @internal */
export type CallLog = ReturnType<typeof createCallLog>;
