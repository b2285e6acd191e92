// The shape of one row of Tencent's error tables (https://cloud.tencent.com/document/product/1240/81277, https://cloud.tencent.com/document/product/1240/100406, https://cloud.tencent.com/document/product/1240/96071): code,
// meaning and advice as the pages give them, plus the SDK's reading of what may be sent again.
/**
 * What kind of failure a gateway code reports: `auth`, `validation` (fix the request),
 * `not-found`, `quota` (an allowance is used up: check the console), `throttle` (too many
 * requests), `capacity` (the gateway is short of compute), `session`, `content` (the content
 * review refused the text), `conflict` (a repeated request), `expired`, `internal`, and
 * `unknown` for codes no table lists.
 */
export type ApiErrorCategory =
  | 'auth'
  | 'validation'
  | 'not-found'
  | 'quota'
  | 'throttle'
  | 'capacity'
  | 'session'
  | 'content'
  | 'conflict'
  | 'expired'
  | 'internal'
  | 'unknown';

/**
 * One row of an error table: a code, what Tencent's page says it means and what to do (in
 * English), the page, and what a caller may do about it.
 */
export interface ErrorRow {
  readonly code: number;
  /** What the code means, translated from the page. */
  readonly meaning: string;
  readonly category: ApiErrorCategory;
  /** What to do, translated from the page's advice column (or this SDK's, when undocumented). */
  readonly advice: string;
  /** The page that documents the code (the first, when several do). */
  readonly doc: string;
  /**
   * The gateway refused before acting (throttling, not enough compute, a session not ready
   * yet): any call, idempotent or not, may be sent again after a pause.
   */
  readonly safeToResend: boolean;
  /**
   * A later attempt may succeed, but the gateway may already have acted (an internal error): only
   * idempotent calls may be sent again as they are. For a task `FailCode`: submitting the task
   * again may succeed.
   */
  readonly mayLaterSucceed: boolean;
  /** Whether a page of Tencent lists the code: `false` only for the description of an unknown code. */
  readonly documented: boolean;
}

/** What {@link describeErrorCode} and {@link describeFailCode} return: the row, plus two summaries. */
export interface ErrorCodeInfo extends ErrorRow {
  /**
   * `safeToResend || mayLaterSucceed`.
   * @deprecated Read `safeToResend` (any call may be sent again) and `mayLaterSucceed` (only
   *   idempotent calls may) instead: one flag cannot tell the two apart.
   */
  readonly retryable: boolean;
  /** `meaning`, then `advice`: one line for messages and logs. */
  readonly explanation: string;
}
