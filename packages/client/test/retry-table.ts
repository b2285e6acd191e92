// The README's retry table, row by row: what each verdict of the retry rules means in words, and
// example outcomes of it. The decide() table test runs every example in both columns; the README
// test renders the table from these rows and the rules (src/internal/retry-rules.ts) and checks
// that the README shows exactly that.
import { API_CODES, TvsApiError, TvsEnvelopeError } from '@tvs/envelope';
import type { AttemptOutcome } from '../src/internal/attempt-outcome.js';
import { type Action, RETRY_RULES, type Verdict } from '../src/internal/retry-rules.js';

export interface RetryRow {
  readonly verdict: Verdict;
  /** The answer, as the README's first column says it. */
  readonly answer: string;
  readonly examples: readonly AttemptOutcome[];
  /** What a call fails with for this answer when it is not retried (or retries ran out). */
  readonly error: string;
  /** What a create fails with when the rules make it ambiguous. */
  readonly ambiguous?: string;
}

const api = (code: number, status = 200, clockCorrected = false): AttemptOutcome => ({
  kind: 'api-error',
  status,
  error: new TvsApiError({ code, gatewayMessage: 'X:y', requestId: 'r', httpStatus: status }),
  clockCorrected,
});
const http = (status: number): AttemptOutcome => ({ kind: 'http-error', status, body: '<html>' });
const badBody = (code: 'empty' | 'not-json' | 'not-utf8' | 'not-an-envelope' | 'bad-header') =>
  ({
    kind: 'bad-body',
    status: 200,
    error: new TvsEnvelopeError(`the body is ${code}`, { code }),
  }) as const;
const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const abort = new DOMException('This operation was aborted', 'AbortError');

export const RETRY_ROWS: readonly RetryRow[] = [
  {
    verdict: 'success',
    answer: 'HTTP 2xx with `Code` 0',
    examples: [
      {
        kind: 'success',
        status: 200,
        decoded: { Header: { Code: 0, Message: '', RequestID: 'r' }, Payload: {} },
      },
    ],
    error: '',
  },
  {
    verdict: 'refused',
    answer:
      'a `Code` the error table marks `safeToResend`: the gateway refused before acting (throttled 100012 or 801004, not enough compute -101001, …)',
    examples: [
      api(API_CODES.REQUEST_LIMIT_EXCEEDED),
      api(API_CODES.TOO_FREQUENT, 429),
      api(API_CODES.INSUFFICIENT_COMPUTE, 500),
    ],
    error: 'TvsApiError',
  },
  {
    verdict: 'too-many-requests',
    answer: 'HTTP 429 without an envelope',
    examples: [http(429)],
    error: 'TvsHttpError',
  },
  {
    verdict: 'not-sent',
    answer: 'the connection was refused or the host not found: nothing was sent',
    examples: [{ kind: 'network', sent: false, cause: refused }],
    error: 'TvsNetworkError',
  },
  {
    verdict: 'clock-skew',
    answer: '100005 (signature refused) and the gateway’s `Date` over 2 minutes from the clock',
    examples: [api(API_CODES.UNAUTHORIZED, 200, true)],
    error: 'TvsApiError',
  },
  {
    verdict: 'may-have-acted',
    answer:
      'a `Code` marked `mayLaterSucceed` but not `safeToResend`: the gateway may have acted (internal error -101000, …)',
    examples: [api(API_CODES.INTERNAL_ERROR), api(API_CODES.INTERNAL_ERROR, 500)],
    error: 'TvsApiError',
    ambiguous: 'TvsAmbiguousError (`code`, with `gatewayCode`)',
  },
  {
    verdict: 'server-error',
    answer: 'HTTP 5xx or 408 without an envelope (a proxy’s error page)',
    examples: [http(500), http(502), http(503), http(504), http(408)],
    error: 'TvsHttpError',
    ambiguous: 'TvsAmbiguousError (`http`)',
  },
  {
    verdict: 'connection-lost',
    answer: 'the connection reset or dropped after sending, or the body broke off',
    examples: [
      { kind: 'network', sent: true, cause: reset },
      { kind: 'body-broken', status: 200, cause: reset },
    ],
    error: 'TvsNetworkError',
    ambiguous: 'TvsAmbiguousError (`network`; `body` when the body broke off)',
  },
  {
    verdict: 'unreadable-answer',
    answer: 'HTTP 2xx with an empty, cut-off or non-JSON body',
    examples: [badBody('empty'), badBody('not-json'), badBody('not-utf8')],
    error: 'TvsEnvelopeError',
    ambiguous: 'TvsAmbiguousError (`body`)',
  },
  {
    verdict: 'timeout',
    answer: 'no complete answer (headers and body) within `timeout`',
    examples: [{ kind: 'timeout', limitMs: 100, total: false }],
    error: 'TvsTimeoutError',
    ambiguous: 'TvsAmbiguousError (`timeout`)',
  },
  {
    verdict: 'not-an-envelope',
    answer: 'HTTP 2xx with JSON that is not an envelope, or a body over `maxResponseBytes`',
    examples: [
      badBody('not-an-envelope'),
      badBody('bad-header'),
      { kind: 'too-large', status: 200, limit: 10 },
    ],
    error: 'TvsEnvelopeError',
    ambiguous: 'TvsAmbiguousError (`body`)',
  },
  {
    verdict: 'refusal',
    answer:
      'any other `Code` (a bad parameter, auth, quota, content review, not found, …) or HTTP status',
    examples: [
      api(API_CODES.INVALID_PARAMETER),
      api(API_CODES.UNAUTHORIZED),
      api(API_CODES.CONTENT_REJECTED),
      api(-999_999),
      http(404),
    ],
    error: 'TvsApiError or TvsHttpError',
  },
  {
    verdict: 'aborted-before-sending',
    answer: '`signal` aborted before the request was handed to `fetch`, or while waiting to retry',
    examples: [{ kind: 'aborted', reason: abort, maybeSent: false }],
    error: 'the signal’s reason',
  },
  {
    verdict: 'aborted-after-sending',
    answer: '`signal` aborted after the request was handed to `fetch`',
    examples: [{ kind: 'aborted', reason: abort, maybeSent: true }],
    error: 'the signal’s reason',
    ambiguous: 'TvsAmbiguousError (`aborted`; `cause` is the signal’s reason)',
  },
];

function cell(row: RetryRow, action: Action): string {
  const code = (names: string) => names.replace(/Tvs\w+Error/g, (name) => `\`${name}\``);
  switch (action) {
    case 'return':
      return 'returns the payload';
    case 'retry':
      return `sent again after a backoff (\`Retry-After\` honoured), up to \`retry.limit\` times; then ${code(row.error)}`;
    case 'resign':
      return 're-signed with the corrected clock and sent again, once';
    case 'fail':
    case 'abort':
      return code(row.error);
    case 'ambiguous':
      return `${code(row.ambiguous ?? '')}, never sent again`;
  }
}

/** The README's retry table, as Markdown, from the rows and the rules. */
export function renderRetryTable(): string {
  const lines = [
    '| The attempt’s answer | Idempotent call (progress, lists, reads, close) | Create (`make`, `create`, `open`, `takeover`, drive) |',
    '| --- | --- | --- |',
  ];
  for (const row of RETRY_ROWS) {
    const rule = RETRY_RULES[row.verdict];
    lines.push(`| ${row.answer} | ${cell(row, rule.idempotent)} | ${cell(row, rule.create)} |`);
  }
  return lines.join('\n');
}
