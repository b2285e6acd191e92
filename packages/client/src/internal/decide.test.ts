// decide() as a table: every row of the README's retry table (test/retry-table.ts), every
// example outcome of it, in both columns, against the behaviour written out below.
import { API_CODES, TvsApiError, TvsEnvelopeError } from '@tvs/envelope';
import { describe, expect, it } from 'vitest';
import { RETRY_ROWS } from '../../test/retry-table.js';
import { TvsAmbiguousError } from '../errors/tvs-ambiguous-error.js';
import { TvsHttpError } from '../errors/tvs-http-error.js';
import { TvsNetworkError } from '../errors/tvs-network-error.js';
import { TvsTimeoutError } from '../errors/tvs-timeout-error.js';
import { retryPolicy } from '../retry-policy.js';
import type { AttemptOutcome } from './attempt-outcome.js';
import { type CallFacts, decide } from './decide.js';
import { createRedactor } from './redact.js';
import { RETRY_RULES, type Verdict } from './retry-rules.js';

const TOKEN = 'tok-SECRET-decide';
const facts = (over: Partial<CallFacts> = {}): CallFacts => ({
  operation: 'video.make',
  requestId: 'a'.repeat(32),
  attempts: 1,
  redact: createRedactor(TOKEN),
  idempotent: false,
  retries: 0,
  policy: retryPolicy({ limit: 2, baseDelay: 100, maxDelay: 1000 }),
  resigned: false,
  remainingMs: Number.POSITIVE_INFINITY,
  totalTimeout: false,
  random: () => 0.5,
  ...over,
});

/** What happens, written out: [idempotent call, create]. */
const EXPECTED: Record<Verdict, readonly [string, string]> = {
  success: ['return', 'return'],
  refused: ['retry', 'retry'],
  'too-many-requests': ['retry', 'retry'],
  'not-sent': ['retry', 'retry'],
  'clock-skew': ['resign', 'resign'],
  'may-have-acted': ['retry', 'ambiguous'],
  'server-error': ['retry', 'ambiguous'],
  'connection-lost': ['retry', 'ambiguous'],
  'unreadable-answer': ['retry', 'ambiguous'],
  timeout: ['retry', 'ambiguous'],
  'not-an-envelope': ['fail', 'ambiguous'],
  refusal: ['fail', 'fail'],
  'aborted-before-sending': ['abort', 'abort'],
  'aborted-after-sending': ['abort', 'ambiguous'],
};

const CLASSES: Record<string, Array<new (...args: never[]) => Error>> = {
  TvsApiError: [TvsApiError],
  TvsHttpError: [TvsHttpError],
  TvsNetworkError: [TvsNetworkError],
  TvsEnvelopeError: [TvsEnvelopeError],
  TvsTimeoutError: [TvsTimeoutError],
  'TvsApiError or TvsHttpError': [TvsApiError, TvsHttpError],
};

function expectError(error: unknown, expected: string, outcome: AttemptOutcome) {
  if (outcome.kind === 'aborted') {
    expect(error).toBe(outcome.reason);
    return;
  }
  expect(error).not.toBeInstanceOf(TvsAmbiguousError);
  expect(
    CLASSES[expected]!.some((c) => error instanceof c),
    `${expected}: ${String(error)}`,
  ).toBe(true);
  expect((error as { requestId?: string }).requestId).toBeTruthy();
}

describe('decide(): the retry table', () => {
  it('has one README row per verdict of the rules, and the rules say what the table test expects', () => {
    expect(RETRY_ROWS.map((row) => row.verdict).sort()).toEqual(Object.keys(RETRY_RULES).sort());
    for (const [verdict, rule] of Object.entries(RETRY_RULES)) {
      expect([rule.idempotent, rule.create], verdict).toEqual(EXPECTED[verdict as Verdict]);
    }
  });

  for (const row of RETRY_ROWS) {
    for (const [column, idempotent] of [
      ['idempotent', true],
      ['create', false],
    ] as const) {
      const expected = EXPECTED[row.verdict][idempotent ? 0 : 1];
      it(`${row.verdict}, ${column} call → ${expected}`, () => {
        for (const outcome of row.examples) {
          const decision = decide(outcome, facts({ idempotent }));
          expect(decision.verdict).toBe(row.verdict);
          switch (expected) {
            case 'return':
              expect(decision.action).toBe('return');
              break;
            case 'resign':
              expect(decision.action).toBe('resign');
              break;
            case 'retry': {
              expect(decision).toMatchObject({ action: 'retry' });
              // Out of retries: the answer's own error, never an ambiguous one.
              const last = decide(outcome, facts({ idempotent, retries: 2, attempts: 3 }));
              expect(last.action).toBe('fail');
              if (last.action === 'fail') {
                expectError(last.error, row.error, outcome);
                expect((last.error as { attempts?: number }).attempts).toBe(3);
              }
              break;
            }
            case 'fail':
            case 'abort':
              expect(decision.action).toBe('fail');
              if (decision.action === 'fail') expectError(decision.error, row.error, outcome);
              break;
            case 'ambiguous': {
              expect(decision.action).toBe('fail');
              const error = (decision as { error: TvsAmbiguousError }).error;
              expect(error).toBeInstanceOf(TvsAmbiguousError);
              expect(error.requestId).toBe('a'.repeat(32));
              expect(error.operation).toBe('video.make');
              if (outcome.kind === 'aborted') expect(error.cause).toBe(outcome.reason);
              if (outcome.kind === 'api-error') expect(error.gatewayCode).toBe(outcome.error.code);
              break;
            }
          }
        }
      });
    }
  }
});

describe('decide(): waits and limits', () => {
  const throttled = (retryAfterMs?: number): AttemptOutcome => ({
    kind: 'api-error',
    status: 200,
    error: new TvsApiError({
      code: API_CODES.REQUEST_LIMIT_EXCEEDED,
      gatewayMessage: '',
      requestId: 'r',
    }),
    clockCorrected: false,
    retryAfterMs,
  });

  it('backs off with full jitter, doubling per retry', () => {
    expect(decide(throttled(), facts())).toMatchObject({ action: 'retry', delayMs: 50 });
    expect(decide(throttled(), facts({ retries: 1 }))).toMatchObject({ delayMs: 100 });
  });

  it('waits what Retry-After asks, and fails at once when that is over maxRetryAfter', () => {
    expect(decide(throttled(2000), facts())).toMatchObject({ action: 'retry', delayMs: 2000 });
    const over = decide(throttled(10 * 60_000), facts());
    expect(over.action).toBe('fail');
    expect((over as { error: unknown }).error).toBeInstanceOf(TvsApiError);
  });

  it('fails with a total timeout when waiting would outlast totalTimeout', () => {
    const decision = decide(throttled(), facts({ remainingMs: 10, totalTimeout: 500 }));
    expect(decision.action).toBe('fail');
    const error = (decision as { error: TvsTimeoutError }).error;
    expect(error).toBeInstanceOf(TvsTimeoutError);
    expect(error.timeoutMs).toBe(500);
    expect(error.message).toMatch(/the call did not finish within 500 ms/);
  });

  it('re-signs once: a second clock-skew refusal is a refusal', () => {
    const skew: AttemptOutcome = {
      kind: 'api-error',
      status: 200,
      error: new TvsApiError({ code: API_CODES.UNAUTHORIZED, gatewayMessage: '', requestId: 'r' }),
      clockCorrected: true,
    };
    expect(decide(skew, facts()).action).toBe('resign');
    const again = decide(skew, facts({ resigned: true }));
    expect(again).toMatchObject({ action: 'fail', verdict: 'refusal' });
  });

  it('redacts what the answer echoes, and gives a gateway error without a RequestID the call’s', () => {
    const echo = `https://gw/p?appkey=a&signature=s3cr3t ${TOKEN}`;
    const page = decide({ kind: 'http-error', status: 404, body: echo }, facts());
    const api = decide(
      {
        kind: 'api-error',
        status: 200,
        error: new TvsApiError({ code: API_CODES.INVALID_PARAMETER, gatewayMessage: echo }),
        clockCorrected: false,
      },
      facts(),
    );
    for (const decision of [page, api]) {
      const error = (decision as { error: Error & { requestId: string } }).error;
      expect(JSON.stringify(error) + error.message).not.toMatch(/s3cr3t|tok-SECRET/);
      expect(error.requestId).toBe('a'.repeat(32));
    }
  });
});
