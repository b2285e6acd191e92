import { TvsApiError, TvsEnvelopeError } from '@tvs/envelope';
import { withAttempts } from '../errors/client-error.js';
import { TvsAmbiguousError } from '../errors/tvs-ambiguous-error.js';
import { TvsHttpError } from '../errors/tvs-http-error.js';
import { TvsNetworkError } from '../errors/tvs-network-error.js';
import { TvsTimeoutError } from '../errors/tvs-timeout-error.js';
import type { AttemptOutcome } from './attempt-outcome.js';
import { describeNetworkError } from './network-error.js';
import { type Redact, redactedCause } from './redact.js';

/** Which call failed, for the error. @internal */
export interface FailedCall {
  readonly operation: string;
  /** The `Header.RequestID` sent. */
  readonly requestId: string;
  /** Attempts made, the failed one included. */
  readonly attempts: number;
  readonly redact: Redact;
}

/**
 * The one error a failed call rejects with, chosen from its last attempt's outcome (in the
 * manner of openai-node's `APIError.generate`): `TvsApiError` for a gateway code,
 * `TvsHttpError` for an HTTP status without an error envelope, `TvsEnvelopeError` for a 2xx
 * body that is not an envelope, `TvsTimeoutError`, `TvsNetworkError`; `TvsAmbiguousError`
 * around any of them when the rules say the outcome of a create is unknown; for an abort, the
 * signal's reason. Every error carries the call's `requestId` and `attempts`; every text and
 * cause is redacted. @internal
 */
export function finalError(outcome: AttemptOutcome, ambiguous: boolean, call: FailedCall): unknown {
  const { requestId, attempts, redact } = call;
  const init = { requestId, attempts };
  const unknown = (
    reason: TvsAmbiguousError['reason'],
    detail: string,
    cause: unknown,
    extra = {},
  ) => new TvsAmbiguousError(call.operation, reason, detail, { ...init, ...extra, cause });
  switch (outcome.kind) {
    case 'success':
      throw new TypeError('finalError: a success is not an error');
    case 'api-error': {
      const error = withAttempts(apiError(outcome.error, requestId, redact), attempts);
      if (!ambiguous) return error;
      return unknown('code', `gateway code ${error.code}`, error, {
        gatewayCode: error.code,
        httpStatus: outcome.status,
      });
    }
    case 'http-error': {
      const error = new TvsHttpError(outcome.status, redact(outcome.body), {
        ...init,
        requestId: outcome.requestId === undefined ? requestId : redact(outcome.requestId),
      });
      return ambiguous
        ? unknown('http', `HTTP ${outcome.status}`, error, { httpStatus: outcome.status })
        : error;
    }
    case 'bad-body': {
      const { code, path } = outcome.error;
      const error = withAttempts(
        new TvsEnvelopeError(redact(outcome.error.message), {
          code,
          path,
          requestId:
            outcome.error.requestId === undefined ? requestId : redact(outcome.error.requestId),
          httpStatus: outcome.status,
        }),
        attempts,
      );
      return ambiguous ? unknown('body', `the answer was unreadable: ${code}`, error) : error;
    }
    case 'too-large': {
      const error = withAttempts(
        new TvsEnvelopeError(
          `the response body is over maxResponseBytes (${outcome.limit} bytes); it was not read`,
          { code: 'too-large', requestId, httpStatus: outcome.status },
        ),
        attempts,
      );
      return ambiguous ? unknown('body', 'the answer was too large to read', error) : error;
    }
    case 'body-broken': {
      const error = new TvsNetworkError('the response body broke off', true, {
        ...init,
        httpStatus: outcome.status,
        cause: redactedCause(outcome.cause, redact),
      });
      return ambiguous ? unknown('body', 'the answer broke off', error) : error;
    }
    case 'timeout': {
      const error = new TvsTimeoutError(
        outcome.limitMs,
        init,
        outcome.total ? 'the call did not finish' : 'the gateway did not answer',
      );
      return ambiguous ? unknown('timeout', 'no complete answer in time', error) : error;
    }
    case 'network': {
      const error = new TvsNetworkError(describeNetworkError(outcome.cause, redact), outcome.sent, {
        ...init,
        cause: redactedCause(outcome.cause, redact),
      });
      return ambiguous ? unknown('network', error.message, error) : error;
    }
    case 'aborted':
      return ambiguous
        ? unknown('aborted', 'aborted by the caller after it may have been sent', outcome.reason)
        : outcome.reason;
  }
}

/**
 * The gateway's error with the call's `requestId` when its header had none, and its texts
 * redacted: a broken or hostile server could echo a signature. Rebuilt only when needed.
 */
function apiError(error: TvsApiError, requestId: string, redact: Redact): TvsApiError {
  const gatewayMessage = redact(error.gatewayMessage);
  const gatewayId = error.requestId === undefined ? requestId : redact(error.requestId);
  if (gatewayId === error.requestId && gatewayMessage === error.gatewayMessage) return error;
  return new TvsApiError({
    code: error.code,
    gatewayMessage,
    requestId: gatewayId,
    httpStatus: error.httpStatus,
  });
}
