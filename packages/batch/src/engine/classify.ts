import {
  TvsAmbiguousError,
  TvsApiError,
  TvsError,
  TvsHttpError,
  TvsNetworkError,
} from '@tvs/client';

/**
 * What a failed call means for the job:
 * - `busy`: the gateway refused before acting (the error tables' `safeToResend`: too frequent,
 *   over the concurrency quota, not enough compute), or HTTP 429/503, or the request never left
 *   (connection refused). Wait and send again, as long as it takes: never a failure.
 * - `transient`: a poll (idempotent) met an internal error, a timeout, a broken connection or an
 *   unreadable answer: send it again later.
 * - `ambiguous`: a create may have reached the gateway and its outcome is unknown — the answer
 *   was lost or unreadable, or the gateway answered with an error after which it may have acted
 *   (the tables' `mayLaterSucceed` without `safeToResend`, such as an internal error).
 * - `fatal`: the credentials are refused: nothing will work until they are fixed.
 * - `failed`: the gateway refused this request for good (validation, content, not found…).
 */
export type CallOutcome = 'busy' | 'transient' | 'ambiguous' | 'fatal' | 'failed';

/**
 * Sorts a failed call into a {@link CallOutcome}; `idempotent` says whether the call may be sent
 * twice (a poll) or not (a create).
 *
 * @example
 * ```ts
 * if (classify(error, false) === 'busy') await sleep(pacer.throttled());
 * ```
 */
export function classify(error: unknown, idempotent: boolean): CallOutcome {
  if (error instanceof TvsAmbiguousError) return 'ambiguous';
  if (error instanceof TvsApiError) {
    if (error.category === 'auth') return 'fatal';
    if (error.safeToResend) return 'busy';
    if (error.mayLaterSucceed) return idempotent ? 'transient' : 'ambiguous';
    return 'failed';
  }
  if (error instanceof TvsHttpError && error.retryable) return 'busy';
  if (error instanceof TvsNetworkError && !error.sent) return 'busy';
  if (error instanceof TvsHttpError && error.status < 500) return 'failed';
  // A plain TypeError from the client is a payload it refused before sending anything.
  if (error instanceof TypeError && !(error instanceof TvsError)) return 'failed';
  // Anything else may have reached the gateway (a body cut short, an unknown failure): a create
  // is ambiguous, a poll is simply sent again.
  return idempotent ? 'transient' : 'ambiguous';
}

/** The code and explanation recorded for a job that failed with `error`. @internal */
export function failureOf(error: unknown): { code?: number | string; explanation: string } {
  if (error instanceof TvsApiError) return { code: error.code, explanation: error.explanation };
  if (error instanceof TvsError) return { code: error.code, explanation: error.message };
  return { explanation: error instanceof Error ? error.message : String(error) };
}
