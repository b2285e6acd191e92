import {
  TvsAmbiguousError,
  TvsApiError,
  TvsError,
  TvsHttpError,
  TvsNetworkError,
} from '@tvs/client';

/**
 * What a failed call means for the job:
 * - `busy`: the gateway refused without acting because of load — too frequent (100012,
 *   801004), over the concurrency quota (100008), HTTP 429/503 — or the request never left
 *   (connection refused). Wait and try again, as long as it takes: never a failure.
 * - `transient`: the gateway did not act and says a later attempt can succeed (a retryable
 *   internal code). Try again a few times.
 * - `ambiguous`: a create may have reached the gateway and its answer was lost.
 * - `fatal`: the credentials are refused: nothing will work until they are fixed.
 * - `failed`: the gateway refused this request for good (validation, content, not found…).
 */
export type CallOutcome = 'busy' | 'transient' | 'ambiguous' | 'fatal' | 'failed';

/** Code 100008: over quota or concurrency, "retry when work ends" (1240/81277). */
const OVER_CONCURRENCY = 100008;

/** Sorts a failed call into a {@link CallOutcome}. *
 * @example
 * ```ts
 * if (classify(error) === 'busy') await sleep(pacer.throttled());
 * ```
 */
export function classify(error: unknown): CallOutcome {
  if (error instanceof TvsAmbiguousError) return 'ambiguous';
  if (error instanceof TvsApiError) {
    if (error.category === 'throttle' || error.code === OVER_CONCURRENCY) return 'busy';
    if (error.category === 'auth') return 'fatal';
    return error.retryable ? 'transient' : 'failed';
  }
  if (error instanceof TvsHttpError) return error.retryable ? 'busy' : 'transient';
  if (error instanceof TvsNetworkError) return error.sent ? 'transient' : 'busy';
  if (error instanceof TvsError) return error.retryable ? 'transient' : 'failed';
  return 'transient';
}

/** The code and explanation recorded for a job that failed with `error`. */
export function failureOf(error: unknown): { code?: number | string; explanation: string } {
  if (error instanceof TvsApiError) return { code: error.code, explanation: error.explanation };
  if (error instanceof TvsError) return { code: error.code, explanation: error.message };
  return { explanation: error instanceof Error ? error.message : String(error) };
}
