import { API_CODES, type DecodedResponse } from '@tvs/envelope';
import { backoff, type RetryPolicy } from '../retry-policy.js';
import type { AttemptOutcome } from './attempt-outcome.js';
import { type FailedCall, finalError } from './final-error.js';
import { RETRY_RULES, type Verdict } from './retry-rules.js';

/** What `decide()` knows about the call besides the attempt's outcome. @internal */
export interface CallFacts extends FailedCall {
  /** Whether the call may be sent twice (the operation table's `idempotent`). */
  readonly idempotent: boolean;
  /** Retries taken so far (the clock-skew re-sign is not one). */
  readonly retries: number;
  readonly policy: RetryPolicy;
  /** The one clock-skew re-sign was already made. */
  readonly resigned: boolean;
  /** Milliseconds left of the call's `totalTimeout` (`Infinity` without one). */
  readonly remainingMs: number;
  /** The call's `totalTimeout`, for the error when waiting would outlast it. */
  readonly totalTimeout: number | false;
  /** The jitter source (`Math.random`; fixed in tests). */
  readonly random: () => number;
}

/** What the transport does next. @internal */
export type Decision =
  | { readonly action: 'return'; readonly verdict: Verdict; readonly decoded: DecodedResponse }
  | { readonly action: 'retry'; readonly verdict: Verdict; readonly delayMs: number }
  | { readonly action: 'resign'; readonly verdict: Verdict }
  | { readonly action: 'fail'; readonly verdict: Verdict; readonly error: unknown };

/**
 * What one attempt's outcome means for the call: return the payload, retry after a delay,
 * re-sign with the corrected clock, or fail with one error. Pure: the same outcome and facts
 * always give the same decision. The rules are {@link RETRY_RULES}, the README's retry table;
 * this adds the retry budget, `Retry-After` and `totalTimeout`. @internal
 */
export function decide(outcome: AttemptOutcome, facts: CallFacts): Decision {
  const verdict = verdictOf(outcome, facts);
  const action = RETRY_RULES[verdict][facts.idempotent ? 'idempotent' : 'create'];
  const fail = (ambiguous: boolean): Decision => ({
    action: 'fail',
    verdict,
    error: finalError(outcome, ambiguous, facts),
  });
  switch (action) {
    case 'return':
      return { action, verdict, decoded: (outcome as { decoded: DecodedResponse }).decoded };
    case 'resign':
      return { action, verdict };
    case 'fail':
    case 'abort':
      return fail(false);
    case 'ambiguous':
      return fail(true);
    case 'retry': {
      if (facts.retries >= facts.policy.limit) return fail(false);
      const asked = 'retryAfterMs' in outcome ? outcome.retryAfterMs : undefined;
      if (asked !== undefined && asked > facts.policy.maxRetryAfter) return fail(false);
      const delayMs = asked ?? backoff(facts.policy, facts.retries + 1, facts.random);
      if (delayMs >= facts.remainingMs) {
        const limitMs = facts.totalTimeout === false ? undefined : facts.totalTimeout;
        return {
          action: 'fail',
          verdict: 'timeout',
          error: finalError({ kind: 'timeout', limitMs, total: true }, false, facts),
        };
      }
      return { action, verdict, delayMs };
    }
  }
}

/** Envelope error codes of a body that arrived damaged, rather than well-formed but wrong. */
const UNREADABLE = new Set(['empty', 'not-json', 'not-utf8']);

/** Sorts an outcome into a row of the retry table. @internal */
export function verdictOf(outcome: AttemptOutcome, facts: Pick<CallFacts, 'resigned'>): Verdict {
  switch (outcome.kind) {
    case 'success':
      return 'success';
    case 'api-error': {
      const { error } = outcome;
      const auth = error.code === API_CODES.UNAUTHORIZED || error.category === 'auth';
      if (auth && outcome.clockCorrected && !facts.resigned) return 'clock-skew';
      if (error.safeToResend) return 'refused';
      return error.mayLaterSucceed ? 'may-have-acted' : 'refusal';
    }
    case 'http-error':
      if (outcome.status === 429) return 'too-many-requests';
      return outcome.status >= 500 || outcome.status === 408 ? 'server-error' : 'refusal';
    case 'bad-body':
      return UNREADABLE.has(outcome.error.code) ? 'unreadable-answer' : 'not-an-envelope';
    case 'too-large':
      return 'not-an-envelope';
    case 'body-broken':
      return 'connection-lost';
    case 'timeout':
      return 'timeout';
    case 'network':
      return outcome.sent ? 'connection-lost' : 'not-sent';
    case 'aborted':
      return outcome.maybeSent ? 'aborted-after-sending' : 'aborted-before-sending';
  }
}
