import {
  API_CODES,
  type DecodedResponse,
  decodeResponse,
  TvsApiError,
  TvsEnvelopeError,
} from '@tvs/envelope';
import { isNetworkError, isTimeoutError, type KyInstance, type Options } from 'ky';
import { parseRetryAfter } from '../retry-policy.js';
import type { AttemptOutcome } from './attempt-outcome.js';
import { wasNotSent } from './network-error.js';
import { readBody } from './read-body.js';

/** One attempt to send. @internal */
export interface Attempt {
  /** The signed URL. */
  readonly url: string;
  /** The serialised envelope, the same bytes on every attempt. */
  readonly body: string;
  readonly signal: AbortSignal | undefined;
  /** Headers of this call beyond the client's. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Milliseconds the attempt may take, headers and body (`Infinity`: no limit). */
  readonly timeoutMs: number;
  /** `timeoutMs` is what is left of the call's `totalTimeout`, not the attempt's own limit. */
  readonly limitedByTotal: boolean;
  /** The limit to report when the attempt times out. */
  readonly limitMs: number | undefined;
  readonly maxResponseBytes: number;
  /** Runs the `beforeRequest` hooks on the request ky built, or nothing without hooks. */
  readonly beforeRequest: ((headers: Headers) => Promise<void>) | undefined;
  /** Lets the skew clock read the gateway's `Date` after a refused signature: may re-signing help? */
  readonly learnClock: (response: Response) => boolean;
}

/** The attempt's outcome, and its HTTP response when one came. @internal */
export interface AttemptResult {
  readonly outcome: AttemptOutcome;
  readonly response?: Response | undefined;
}

/**
 * Sends one request with ky and reads its answer with a bound. ky does the request (its
 * `timeout` up to the headers, the caller's `signal`, the headers, the `beforeRequest` hooks);
 * what it cannot express is done here, in one place:
 * - retries (`retry: 0`): whether to send again depends on the body's `Header.Code` and on the
 *   call's idempotency (`decide()`), which ky's `shouldRetry` never sees;
 * - the body (`throwHttpErrors: false`, read from `response.body`): ky's `timeout` ends when the
 *   headers arrive and ky reads bodies whole, so the deadline and the size cap of the body are
 *   applied by `readBody`;
 * - `afterResponse` hooks: ky hands each one a clone of the response, whose body a hook could
 *   read without the cap, so the client runs them itself after the bounded read.
 *
 * Never rejects for what the network or the gateway did: every such failure is an outcome.
 * It rejects only with the error of a `beforeRequest` hook (nothing was sent). @internal
 */
export async function sendAttempt(api: KyInstance, attempt: Attempt): Promise<AttemptResult> {
  const { signal } = attempt;
  const timeout = (limitMs = attempt.limitMs): AttemptResult => ({
    outcome: { kind: 'timeout', limitMs, total: attempt.limitedByTotal },
  });
  if (signal?.aborted)
    return { outcome: { kind: 'aborted', reason: signal.reason, maybeSent: false } };
  if (attempt.timeoutMs <= 0) return timeout();
  const started = performance.now();
  let hookError: { error: unknown } | undefined;
  const options: Options = {
    body: attempt.body,
    timeout: attempt.timeoutMs === Number.POSITIVE_INFINITY ? false : attempt.timeoutMs,
  };
  if (signal) options.signal = signal;
  if (attempt.headers) options.headers = attempt.headers;
  const { beforeRequest } = attempt;
  if (beforeRequest) {
    options.hooks = {
      beforeRequest: [
        async ({ request }) => {
          try {
            await beforeRequest(request.headers);
          } catch (error) {
            hookError = { error };
            throw error;
          }
        },
      ],
    };
  }
  let response: Response;
  try {
    response = await api(attempt.url, options);
  } catch (error) {
    if (hookError) throw hookError.error;
    if (signal?.aborted)
      return { outcome: { kind: 'aborted', reason: signal.reason, maybeSent: true } };
    if (isTimeoutError(error)) return timeout();
    const cause = isNetworkError(error) ? error.cause : error;
    return { outcome: { kind: 'network', sent: !wasNotSent(cause), cause } };
  }
  const status = response.status;
  const read = await readBody(response, {
    maxBytes: attempt.maxResponseBytes,
    timeoutMs: attempt.timeoutMs - (performance.now() - started),
  });
  if (!read.ok) {
    if (read.reason === 'too-large') {
      return { response, outcome: { kind: 'too-large', status, limit: attempt.maxResponseBytes } };
    }
    if (read.reason === 'timeout') return { response, ...timeout() };
    if (signal?.aborted) {
      return { response, outcome: { kind: 'aborted', reason: signal.reason, maybeSent: true } };
    }
    return { response, outcome: { kind: 'body-broken', status, cause: read.cause } };
  }
  return { response, outcome: judge(response, read.bytes, attempt) };
}

/** What a whole answer says: a success, a gateway error, an HTTP error or a body that is not an envelope. */
function judge(response: Response, bytes: Uint8Array, attempt: Attempt): AttemptOutcome {
  const status = response.status;
  const retryAfterMs = () => parseRetryAfter(response.headers.get('retry-after'), Date.now());
  const text = () => new TextDecoder().decode(bytes);
  let decoded: DecodedResponse;
  try {
    decoded = decodeResponse(bytes, { httpStatus: status });
  } catch (error) {
    if (error instanceof TvsApiError) {
      // Only a refused signature says anything about the clocks.
      const refused = error.code === API_CODES.UNAUTHORIZED || error.category === 'auth';
      const clockCorrected = refused && attempt.learnClock(response);
      return { kind: 'api-error', status, error, retryAfterMs: retryAfterMs(), clockCorrected };
    }
    if (response.ok && error instanceof TvsEnvelopeError)
      return { kind: 'bad-body', status, error };
    return { kind: 'http-error', status, body: text(), retryAfterMs: retryAfterMs() };
  }
  if (!response.ok) {
    const requestId = decoded.Header.RequestID;
    return { kind: 'http-error', status, body: text(), requestId, retryAfterMs: retryAfterMs() };
  }
  return { kind: 'success', status, decoded };
}
