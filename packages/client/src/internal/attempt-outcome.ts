import type { DecodedResponse, TvsApiError, TvsEnvelopeError } from '@tvs/envelope';

/**
 * What one attempt came to, as plain data: the input of `decide()`. Built by `sendAttempt`
 * from ky's response (or failure) and the bounded body read. @internal
 */
export type AttemptOutcome =
  /** HTTP 2xx and an envelope with `Code` 0. */
  | { readonly kind: 'success'; readonly status: number; readonly decoded: DecodedResponse }
  /** An envelope with a non-zero `Code` (any HTTP status). */
  | {
      readonly kind: 'api-error';
      readonly status: number;
      readonly error: TvsApiError;
      /** From `Retry-After`, when the answer had one. */
      readonly retryAfterMs?: number | undefined;
      /** The gateway's `Date` taught the skew clock a new offset: re-signing can help. */
      readonly clockCorrected: boolean;
    }
  /** An HTTP error status without an error envelope (a proxy's page, or `Code` 0 with an error status). */
  | {
      readonly kind: 'http-error';
      readonly status: number;
      /** The body, as text (already bounded). */
      readonly body: string;
      /** `Header.RequestID`, when the body was an envelope. */
      readonly requestId?: string | undefined;
      readonly retryAfterMs?: number | undefined;
    }
  /** HTTP 2xx with a body, read whole, that is not an envelope. */
  | { readonly kind: 'bad-body'; readonly status: number; readonly error: TvsEnvelopeError }
  /** The body stream failed after the headers came. */
  | { readonly kind: 'body-broken'; readonly status: number; readonly cause: unknown }
  /** The body is over `maxResponseBytes`. */
  | { readonly kind: 'too-large'; readonly status: number; readonly limit: number }
  /** No complete answer in time: `limitMs` is the attempt's limit, `total` when the call's `totalTimeout` set it. */
  | { readonly kind: 'timeout'; readonly limitMs: number | undefined; readonly total: boolean }
  /** `fetch` failed: `sent` unless the connection was certainly never made. */
  | { readonly kind: 'network'; readonly sent: boolean; readonly cause: unknown }
  /** The caller's signal aborted; `maybeSent` once the request was handed to `fetch`. */
  | { readonly kind: 'aborted'; readonly reason: unknown; readonly maybeSent: boolean };
