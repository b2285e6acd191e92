/** The categories of the gateway's error codes (a subset of `TvsErrorCategory`). */
export type ApiErrorCategory =
  | 'auth'
  | 'validation'
  | 'not-found'
  | 'quota'
  | 'throttle'
  | 'session'
  | 'content'
  | 'conflict'
  | 'expired'
  | 'internal'
  | 'unknown';

/** What the SDK knows about one gateway error code. */
export interface ErrorCodeInfo {
  readonly category: ApiErrorCategory;
  /**
   * `true` when the gateway did not act on the request and asking again later can succeed
   * (throttling, capacity, transient internal errors). For a task `FailCode`: submitting the
   * task again can succeed.
   */
  readonly retryable: boolean;
  /** One line of English: what the code means, then what to do. */
  readonly explanation: string;
}

/**
 * Every error code of the gateway's documentation (PROTOCOL.md §5) and the task `FailCode`s
 * 801000–801014 reported by the progress calls, as data: category, whether a retry can help,
 * and one line of English. Keys are the numeric codes (negative ones included).
 *
 * The documentation names the codes 110018–110022 and most `FailCode`s only as a range; their
 * meanings here are this SDK's best reading (the README lists which entries are documented).
 *
 * @example
 * ```ts
 * import { errorTable } from '@tvs/envelope';
 * errorTable[100012];
 * // => { category: 'throttle', retryable: true, explanation: 'Too many requests: …' }
 * ```
 */
export const errorTable: Readonly<Record<number, ErrorCodeInfo>> = /* @__PURE__ */ tableOf([
  [-101000, 'internal', true, 'Internal error: retry with backoff.'],
  [-101001, 'internal', true, 'No compute available: retry later.'],
  [-101002, 'internal', true, 'Image download failed: make the URL public, retry.'],
  [801000, 'internal', true, 'Task failed: resubmit.'],
  [801007, 'internal', true, 'Task timed out: resubmit.'],
  [801008, 'internal', true, 'Rendering failed: resubmit.'],
  [801009, 'internal', true, 'Speech synthesis failed: resubmit.'],
  [801013, 'internal', true, 'Task cancelled: resubmit if needed.'],
  [100005, 'auth', false, 'Unauthorized: check appkey, access token and clock (±5 min).'],
  [801005, 'content', false, 'Text failed content review: change the text.'],
  [110005, 'conflict', false, 'Duplicate request: the first went through; do not resend.'],
  [100012, 'throttle', true, 'Too many requests: back off and retry.'],
  [801004, 'throttle', true, 'Too many requests: back off and retry.'],
  [100001, 'validation', false, 'Missing or malformed parameter: fix the payload.'],
  [100002, 'validation', false, 'Parameter value not allowed: check units, ranges and enums.'],
  [100003, 'validation', false, 'Invalid parameter: check name, type and format.'],
  [801001, 'validation', false, 'Task parameters rejected: check the request.'],
  [801002, 'validation', false, 'Audio unusable: check format, length and URL.'],
  [801003, 'validation', false, 'Text unusable: check length and SSML.'],
  [801010, 'validation', false, 'Input URL not fetchable: make it public, resubmit.'],
  [801011, 'validation', false, 'Storing the result failed: check VideoStorageS3Url.'],
  [801012, 'validation', false, 'Reference video or photo rejected: check face, size, codec.'],
  [110013, 'session', false, 'Session closed: create a new one.'],
  [110014, 'session', true, 'Session not ready: retry once statsession reports status 1.'],
  [110015, 'session', false, 'Wrong session step: create, start, drive, close.'],
  [110016, 'session', false, 'Session not started: call startsession first.'],
  [110017, 'session', false, 'No such session: check the SessionId.'],
  [110018, 'session', false, 'Session failed (status 4): close it, create a new one.'],
  [110019, 'session', true, 'Session busy with another command: retry shortly.'],
  [110020, 'session', false, 'Session belongs to another user or project: check ids.'],
  [110021, 'session', false, 'Session closed after idling: create a new one.'],
  [110022, 'session', false, 'Session state refuses this call: check statsession.'],
  [100009, 'not-found', false, 'Resource not found: check the id and region.'],
  [100016, 'not-found', false, 'Avatar asset not found: check the key.'],
  [110006, 'not-found', false, 'Record not found: check the TaskId or SessionId and region.'],
  [801006, 'not-found', false, 'Avatar or voice unavailable: check the keys.'],
  [100008, 'quota', true, 'Over quota or concurrency: retry when work ends.'],
  [100013, 'quota', false, 'Hour package used up or missing: renew in the console.'],
  [100014, 'quota', true, 'Concurrency quota short: close idle sessions, retry.'],
  [801014, 'quota', false, 'Quota ran out mid-task: renew, resubmit.'],
  [100015, 'expired', false, 'Avatar expired: renew it or use another.'],
  [110007, 'expired', false, 'Virtualman key expired: renew it or use another.'],
]);

/** One row of the table: code, category, retryable, explanation. */
type Row = readonly [
  code: number,
  category: ApiErrorCategory,
  retryable: boolean,
  explanation: string,
];

/**
 * Builds the table from typed rows: tuples rather than object literals because the table is
 * most of the codec bundle and repeated keys cost bytes. Runs once, at load, over 42 rows.
 */
function tableOf(rows: readonly Row[]): Record<number, ErrorCodeInfo> {
  const table: Record<number, ErrorCodeInfo> = {};
  for (const [code, category, retryable, explanation] of rows) {
    table[code] = { category, retryable, explanation };
  }
  return table;
}

const UNKNOWN: ErrorCodeInfo = {
  category: 'unknown',
  retryable: false,
  explanation: 'Unknown code: read the message; quote the RequestID.',
};

/**
 * What the {@link errorTable} knows about `code`; an unknown code gets category `unknown`,
 * not retryable.
 *
 * @example
 * ```ts
 * import { describeErrorCode } from '@tvs/envelope';
 * describeErrorCode(-101001).retryable; // true
 * describeErrorCode(123).category; // 'unknown'
 * ```
 */
export function describeErrorCode(code: number): ErrorCodeInfo {
  return (Object.hasOwn(errorTable, code) && errorTable[code]) || UNKNOWN;
}
