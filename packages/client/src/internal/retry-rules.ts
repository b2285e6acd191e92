/**
 * What one attempt came to, as the retry rules see it: one row of the README's retry table
 * each. `decide()` sorts an attempt's outcome into one of these, then looks up what happens.
 * @internal
 */
export type Verdict =
  /** HTTP 2xx and `Code` 0. */
  | 'success'
  /** A `Code` the error table marks `safeToResend`: the gateway refused before acting. */
  | 'refused'
  /** HTTP 429 without an envelope. */
  | 'too-many-requests'
  /** The connection was refused or the host did not resolve: nothing left this machine. */
  | 'not-sent'
  /** The signature was refused and the gateway's clock is far from ours: re-sign once. */
  | 'clock-skew'
  /** A `Code` marked `mayLaterSucceed` only: a later attempt may work, but the gateway may have acted. */
  | 'may-have-acted'
  /** HTTP 5xx or 408 without an envelope. */
  | 'server-error'
  /** The connection reset or dropped after sending, or the body broke off. */
  | 'connection-lost'
  /** HTTP 2xx with an empty, cut-off or non-JSON body. */
  | 'unreadable-answer'
  /** No complete answer (headers and body) within the attempt's time. */
  | 'timeout'
  /** HTTP 2xx with JSON that is not an envelope, or a body over `maxResponseBytes`. */
  | 'not-an-envelope'
  /** Any other `Code` or HTTP status: asking again will not help. */
  | 'refusal'
  /** The caller's signal aborted before the request was handed to `fetch`, or while waiting. */
  | 'aborted-before-sending'
  /** The caller's signal aborted after the request may have been sent. */
  | 'aborted-after-sending';

/**
 * What happens: `return` the payload; `retry` after a backoff (while retries are left);
 * `resign` with the corrected clock and send again; `fail` with the answer's error;
 * `ambiguous`: fail with `TvsAmbiguousError`, never sending again; `abort`: reject with the
 * signal's reason. @internal
 */
export type Action = 'return' | 'retry' | 'resign' | 'fail' | 'ambiguous' | 'abort';

/** The retry table: per verdict, what an idempotent call and a create do. @internal */
export const RETRY_RULES: Readonly<
  Record<Verdict, { readonly idempotent: Action; readonly create: Action }>
> = {
  success: { idempotent: 'return', create: 'return' },
  refused: { idempotent: 'retry', create: 'retry' },
  'too-many-requests': { idempotent: 'retry', create: 'retry' },
  'not-sent': { idempotent: 'retry', create: 'retry' },
  'clock-skew': { idempotent: 'resign', create: 'resign' },
  'may-have-acted': { idempotent: 'retry', create: 'ambiguous' },
  'server-error': { idempotent: 'retry', create: 'ambiguous' },
  'connection-lost': { idempotent: 'retry', create: 'ambiguous' },
  'unreadable-answer': { idempotent: 'retry', create: 'ambiguous' },
  timeout: { idempotent: 'retry', create: 'ambiguous' },
  'not-an-envelope': { idempotent: 'fail', create: 'ambiguous' },
  refusal: { idempotent: 'fail', create: 'fail' },
  'aborted-before-sending': { idempotent: 'abort', create: 'abort' },
  'aborted-after-sending': { idempotent: 'abort', create: 'ambiguous' },
};
