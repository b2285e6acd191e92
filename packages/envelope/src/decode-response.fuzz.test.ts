import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeResponse } from './decode-response.js';
import { TvsApiError } from './errors/tvs-api-error.js';
import { TvsEnvelopeError } from './errors/tvs-envelope-error.js';

// At least 10,000 cases per property in CI; fewer locally to keep the loop fast.
const numRuns = process.env.CI ? 10_000 : 1_000;

/** Decodes `body`; any throw must be one of ours, with a message under 1 KB of UTF-8. */
function decodeOrOurError(body: unknown): void {
  try {
    decodeResponse(body);
  } catch (error) {
    if (!(error instanceof TvsEnvelopeError || error instanceof TvsApiError)) throw error;
    expect(new TextEncoder().encode(error.message).byteLength).toBeLessThan(1024);
    expect(() => JSON.stringify(error)).not.toThrow();
  }
}

/** Values shaped like envelopes, with every field sometimes wrong. */
const envelopeLike = fc.record(
  {
    Header: fc.oneof(
      fc.record(
        {
          Code: fc.oneof(fc.integer(), fc.constant(0), fc.double(), fc.string(), fc.constant(null)),
          Message: fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.constant(null)),
          RequestID: fc.oneof(fc.string(), fc.integer()),
          SessionID: fc.string(),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    Payload: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
  },
  { requiredKeys: [] },
);

describe('decodeResponse under fuzzing', () => {
  it('lets only TvsEnvelopeError or TvsApiError escape for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), decodeOrOurError), {
      numRuns,
    });
  });

  it('... for arbitrary JSON text', () => {
    fc.assert(fc.property(fc.json(), decodeOrOurError), { numRuns });
  });

  it('... for arbitrary JSON values, parsed', () => {
    fc.assert(fc.property(fc.jsonValue(), decodeOrOurError), { numRuns });
  });

  it('... for envelope-shaped values, as text, bytes and parsed', () => {
    fc.assert(
      fc.property(envelopeLike, (value) => {
        const text = JSON.stringify(value);
        decodeOrOurError(text);
        decodeOrOurError(new TextEncoder().encode(text));
        decodeOrOurError(value);
      }),
      { numRuns },
    );
  });

  it('... for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), decodeOrOurError), { numRuns });
  });

  it('... for anything at all, including non-JSON values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        decodeOrOurError,
      ),
      { numRuns },
    );
  });

  it('decodes every well-formed success back to what was sent, minus prototype keys', () => {
    // The specification: the wire's view of the payload, with __proto__ and constructor dropped.
    const expected = (sent: unknown) =>
      JSON.parse(JSON.stringify(sent), (key, value) =>
        key === '__proto__' || key === 'constructor' ? undefined : value,
      );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.string(),
        fc.string(),
        (sent, requestId, message) => {
          const body = JSON.stringify({
            Header: { Code: 0, Message: message, RequestID: requestId },
            Payload: sent,
          });
          const { Header, Payload } = decodeResponse(body);
          expect(Header).toEqual({ Code: 0, Message: message, RequestID: requestId });
          expect(Payload).toEqual(expected(sent));
        },
      ),
      { numRuns },
    );
  });

  it('classifies every non-zero integer Code as a TvsApiError carrying it', () => {
    fc.assert(
      fc.property(
        fc.integer().filter((code) => code !== 0),
        fc.string(),
        (code, message) => {
          const body = JSON.stringify({ Header: { Code: code, Message: message, RequestID: 'r' } });
          const error = (() => {
            try {
              decodeResponse(body);
            } catch (caught) {
              return caught;
            }
          })();
          expect(error).toBeInstanceOf(TvsApiError);
          expect((error as TvsApiError).code).toBe(code);
        },
      ),
      { numRuns },
    );
  });
});
