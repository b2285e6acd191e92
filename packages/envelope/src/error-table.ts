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
export const errorTable: Readonly<Record<number, ErrorCodeInfo>> = {
  100001: {
    category: 'validation',
    retryable: false,
    explanation: 'Missing or malformed parameter: fix the payload.',
  },
  100002: {
    category: 'validation',
    retryable: false,
    explanation: 'Parameter value not allowed: check units, ranges and enums.',
  },
  100003: {
    category: 'validation',
    retryable: false,
    explanation: 'Invalid parameter: check its name, type and format.',
  },
  100005: {
    category: 'auth',
    retryable: false,
    explanation: 'Unauthorized: check appkey, access token and clock (±5 min).',
  },
  100008: {
    category: 'quota',
    retryable: true,
    explanation: 'Over quota or concurrency: retry once running work ends.',
  },
  100009: {
    category: 'not-found',
    retryable: false,
    explanation: 'Resource not found: check the id and region.',
  },
  110006: {
    category: 'not-found',
    retryable: false,
    explanation: 'Record not found: check the TaskId or SessionId and region.',
  },
  100012: {
    category: 'throttle',
    retryable: true,
    explanation: 'Too many requests: back off and retry.',
  },
  801004: {
    category: 'throttle',
    retryable: true,
    explanation: 'Too many requests: back off and retry.',
  },
  100013: {
    category: 'quota',
    retryable: false,
    explanation: 'Hour package missing or used up: renew it in the console.',
  },
  100014: {
    category: 'quota',
    retryable: true,
    explanation: 'Concurrency quota short: close idle sessions, then retry.',
  },
  100015: {
    category: 'expired',
    retryable: false,
    explanation: 'Avatar expired: renew it or use another.',
  },
  100016: {
    category: 'not-found',
    retryable: false,
    explanation: 'Avatar asset not found: check the key.',
  },
  110007: {
    category: 'expired',
    retryable: false,
    explanation: 'Virtualman key expired: renew it or use another.',
  },
  110005: {
    category: 'conflict',
    retryable: false,
    explanation: 'Duplicate request: the first went through; do not resend.',
  },
  801005: {
    category: 'content',
    retryable: false,
    explanation: 'Text failed content review: change the text.',
  },
  110013: {
    category: 'session',
    retryable: false,
    explanation: 'Session closed: create a new one.',
  },
  110014: {
    category: 'session',
    retryable: true,
    explanation: 'Session not ready: retry once statsession reports status 1.',
  },
  110015: {
    category: 'session',
    retryable: false,
    explanation: 'Wrong step for the session: create, start, drive, close.',
  },
  110016: {
    category: 'session',
    retryable: false,
    explanation: 'Session not started: call startsession first.',
  },
  110017: {
    category: 'session',
    retryable: false,
    explanation: 'Session does not exist: check the SessionId.',
  },
  110018: {
    category: 'session',
    retryable: false,
    explanation: 'Session failed (status 4): close it, create a new one.',
  },
  110019: {
    category: 'session',
    retryable: true,
    explanation: 'Session busy with another command: retry shortly.',
  },
  110020: {
    category: 'session',
    retryable: false,
    explanation: 'Session belongs to another user or project: check ids.',
  },
  110021: {
    category: 'session',
    retryable: false,
    explanation: 'Session closed after idling: create a new one.',
  },
  110022: {
    category: 'session',
    retryable: false,
    explanation: 'Session state refuses this call: check statsession.',
  },
  [-101000]: {
    category: 'internal',
    retryable: true,
    explanation: 'Internal error: retry with backoff.',
  },
  [-101001]: {
    category: 'internal',
    retryable: true,
    explanation: 'No compute available: retry later.',
  },
  [-101002]: {
    category: 'internal',
    retryable: true,
    explanation: 'Image download failed: check the URL is public, retry.',
  },
  801000: {
    category: 'internal',
    retryable: true,
    explanation: 'Task failed: submit it again.',
  },
  801001: {
    category: 'validation',
    retryable: false,
    explanation: 'Task parameters rejected: check the request.',
  },
  801002: {
    category: 'validation',
    retryable: false,
    explanation: 'Input audio unusable: check format, length and URL.',
  },
  801003: {
    category: 'validation',
    retryable: false,
    explanation: 'Input text unusable: check length and SSML.',
  },
  801006: {
    category: 'not-found',
    retryable: false,
    explanation: 'Avatar or voice unavailable: check the keys.',
  },
  801007: {
    category: 'internal',
    retryable: true,
    explanation: 'Task timed out: submit it again.',
  },
  801008: {
    category: 'internal',
    retryable: true,
    explanation: 'Rendering failed: submit it again.',
  },
  801009: {
    category: 'internal',
    retryable: true,
    explanation: 'Speech synthesis failed: submit it again.',
  },
  801010: {
    category: 'validation',
    retryable: false,
    explanation: 'Input URL not fetchable: make it public, resubmit.',
  },
  801011: {
    category: 'validation',
    retryable: false,
    explanation: 'Storing the result failed: check VideoStorageS3Url.',
  },
  801012: {
    category: 'validation',
    retryable: false,
    explanation: 'Reference video or photo rejected: check face, size, codec.',
  },
  801013: {
    category: 'internal',
    retryable: true,
    explanation: 'Task cancelled: submit it again if needed.',
  },
  801014: {
    category: 'quota',
    retryable: false,
    explanation: 'Quota ran out mid-task: renew, then resubmit.',
  },
};

const UNKNOWN: ErrorCodeInfo = {
  category: 'unknown',
  retryable: false,
  explanation: 'Undocumented code: read the message; quote the RequestID.',
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
