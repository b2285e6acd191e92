// The client's response handling against hostile answers, fuzzed: arbitrary statuses, headers,
// bodies (envelopes with every field sometimes wrong, echoes of the signed URL and the token,
// random bytes), bodies cut off at any byte or stalled. Whatever comes, a call resolves with a
// decoded answer or rejects with one of the SDK's typed errors; reads stop at maxResponseBytes;
// no output carries the token or a signature.
import { inspect } from 'node:util';
import {
  API_CODES,
  createClient,
  describeErrorCode,
  TvsEnvelopeError,
  TvsError,
} from '@tvs/client';
import { apiErrorTable } from '@tvs/envelope';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const numRuns = process.env.CI ? 1_000 : 300;
const TOKEN = 'tok-SECRET-hostile-0ff1ce';
const MAX = 4096;

/** What the server sends back: status, headers, body bytes, and how the body ends. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** Bytes sent before the stream fails or stalls (`undefined`: the whole body, then the end). */
  cutAt: number | undefined;
  end: 'error' | 'stall';
}

const encoder = new TextEncoder();
const echo = fc.constantFrom(
  TOKEN,
  `?appkey=a&timestamp=1&signature=c2lnbmF0dXJl%2B%3D`,
  `https://gw.test/v2/x?signature=abc&appkey=a`,
  '',
);
const envelopeText = fc
  .record({
    Code: fc.oneof(
      fc.constantFrom(...apiErrorTable.map((row) => row.code)),
      fc.integer({ min: -200_000, max: 900_000 }),
      fc.constant(0),
      fc.string(),
    ),
    Message: fc.oneof(fc.string(), echo, fc.constant(null)),
    RequestID: fc.oneof(fc.string(), fc.integer(), echo),
    Payload: fc.oneof(fc.object(), fc.constant(null), fc.string(), fc.array(fc.integer())),
  })
  .map(({ Code, Message, RequestID, Payload }) =>
    JSON.stringify({ Header: { Code, Message, RequestID }, Payload }),
  );
const bodyText = fc.oneof(
  envelopeText,
  fc.json(),
  fc.string(),
  echo.map((e) => `<html>error for ${e}</html>`),
  fc
    .integer({ min: MAX - 10, max: MAX * 4 })
    .map((n) => `{"Header":{"Code":0},"x":"${'y'.repeat(n)}"}`),
);
const answer: fc.Arbitrary<Answer> = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 200, 200, 400, 404, 408, 429, 500, 502, 503),
    fc.integer({ min: 200, max: 599 }),
  ),
  headers: fc.record(
    {
      'content-length': fc.oneof(fc.nat().map(String), fc.string()),
      'retry-after': fc.oneof(
        fc.nat({ max: 3 }).map(String),
        fc.string(),
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString())),
      ),
      date: fc.oneof(
        fc.string(),
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString())),
      ),
      'content-type': fc.constantFrom(
        'application/json',
        'text/html',
        'application/json; charset=latin1',
      ),
    },
    { requiredKeys: [] },
  ),
  body: fc.oneof(
    bodyText.map((t) => encoder.encode(t)),
    fc.uint8Array({ maxLength: 300 }),
  ),
  cutAt: fc.option(fc.nat({ max: 400 }), { nil: undefined }),
  end: fc.constantFrom('error', 'stall'),
});

/** A fetch that answers with `answer`, streaming the body in small chunks. */
function answering(answers: Answer[]) {
  let calls = 0;
  const fetch = async (input: unknown) => {
    const request = input as Request;
    const a = answers[Math.min(calls++, answers.length - 1)]!;
    const bytes = a.cutAt === undefined ? a.body : a.body.subarray(0, a.cutAt);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 97) controller.enqueue(bytes.slice(at, at + 97));
        if (a.cutAt === undefined) controller.close();
        else if (a.end === 'error') controller.error(new TypeError('terminated'));
        else
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
      },
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(a.headers)) {
      try {
        headers.set(name, value);
      } catch {
        // Not a valid header value: a real server could not send it either.
      }
    }
    return new Response(a.status === 204 || a.status === 205 || a.status === 304 ? null : stream, {
      status: a.status,
      headers,
    });
  };
  return { fetch, calls: () => calls };
}

/** Whether an answer says, whole and plainly, that the gateway did not act (or refused the signature). */
function refusedBeforeActing(a: Answer): boolean {
  if (a.cutAt !== undefined && a.cutAt < a.body.length) return false;
  let code: unknown;
  try {
    code = JSON.parse(new TextDecoder().decode(a.body))?.Header?.Code;
  } catch {
    return a.status === 429;
  }
  if (typeof code !== 'number' || code === 0) return a.status === 429;
  return describeErrorCode(code).safeToResend || code === API_CODES.UNAUTHORIZED;
}

function assertClean(value: unknown) {
  const text = [
    String(value),
    JSON.stringify(value),
    inspect(value, { showHidden: true, depth: 10 }),
    value instanceof Error ? value.stack : '',
  ].join('\n');
  expect(text).not.toContain(TOKEN);
  expect(text).not.toMatch(/signature=(?!REDACTED)[^&\s"'<>]+/i);
}

describe('hostile responses (fuzzed)', () => {
  for (const idempotent of [true, false]) {
    it(`${idempotent ? 'an idempotent call' : 'a create'}: only typed errors, reads bounded, nothing secret`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 3 }), async (answers) => {
          const { fetch, calls } = answering(answers);
          const lines: string[] = [];
          const client = createClient({
            logger: { debug: (line, fields) => void lines.push(line, JSON.stringify(fields)) },
            appkey: 'app-hostile',
            accessToken: TOKEN,
            baseUrl: 'http://gw.test',
            fetch,
            timeout: 30,
            maxResponseBytes: MAX,
            retry: { limit: 2, baseDelay: 0, maxDelay: 0, maxRetryAfter: 0 },
          });
          try {
            await client.request('/v2/x', {}, { idempotent });
          } catch (error) {
            expect(error).toBeInstanceOf(TvsError);
            expect(new TextEncoder().encode((error as Error).message).byteLength).toBeLessThan(
              2048,
            );
            assertClean(error);
          }
          for (const line of lines) assertClean(line);
          // A create is sent again only after an answer that proves the gateway did not act.
          if (!idempotent) {
            for (const earlier of answers.slice(0, calls() - 1))
              expect(refusedBeforeActing(earlier)).toBe(true);
          }
        }),
        { numRuns },
      );
    }, 120_000);
  }

  it('stops reading an endless body near maxResponseBytes, whatever the chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 }),
        async (sizes) => {
          let pulled = 0;
          let pulls = 0;
          const fetch = async () =>
            new Response(
              new ReadableStream<Uint8Array>({
                pull(controller) {
                  const size = sizes[pulls++ % sizes.length]!;
                  pulled += size;
                  controller.enqueue(new Uint8Array(size).fill(32));
                },
              }),
            );
          const client = createClient({
            appkey: 'a',
            accessToken: TOKEN,
            baseUrl: 'http://gw.test',
            fetch,
            maxResponseBytes: MAX,
            retry: false,
          });
          const error = await client.request('/v2/x', {}, { idempotent: true }).catch((e) => e);
          expect(error).toBeInstanceOf(TvsEnvelopeError);
          expect(error.code).toBe('too-large');
          // The stream may run ahead by its queue (one chunk) and the chunk that crossed the cap.
          expect(pulled).toBeLessThanOrEqual(MAX + 3 * 700);
        },
      ),
      { numRuns: Math.min(numRuns, 200) },
    );
  });
});
