import type { DecodedResponse, JsonObject, ResponseHeader } from './envelope-types.js';
import { TvsApiError } from './errors/tvs-api-error.js';
import type { EnvelopeErrorCode } from './errors/tvs-envelope-error.js';
import { type DecodeContext, envelopeError } from './internal/envelope-error.js';
import { isRecord, jsonType } from './internal/is-record.js';
import { parseBody } from './internal/parse-body.js';

/** Options of {@link decodeResponse}. */
export interface DecodeResponseOptions {
  /** The HTTP status of the response, copied onto any error thrown. */
  httpStatus?: number | undefined;
}

/**
 * Decodes a gateway response and returns `{ Header, Payload }` when it is a real envelope with
 * `Header.Code === 0`. Takes a string, bytes (`ArrayBuffer` or a view, UTF-8) or a value already
 * parsed from JSON; always returns fresh objects, with `__proto__` and `constructor` keys dropped.
 *
 * A success needs `Header` with an integer `Code`, a string `Message` and a string `RequestID`
 * (other header keys such as `SessionID` are kept) and a `Payload` that is an object, absent or
 * `null` (both read as `{}`). A non-zero integer `Code` throws {@link TvsApiError} even when the
 * rest of the header is missing: the code is the news. Everything else throws
 * {@link TvsEnvelopeError}: bodies that are empty, not JSON, not UTF-8, over 16 MiB, nested over
 * 64 levels, arrays, error pages… No other error type ever escapes, and every message is under
 * 1 KB.
 *
 * @throws TvsApiError for a non-zero `Code`; TvsEnvelopeError for anything that is not an envelope.
 * @example
 * ```ts
 * import { decodeResponse } from '@tvs/envelope';
 * const { Header, Payload } = decodeResponse(
 *   '{"Header":{"Code":0,"Message":"","RequestID":"r1"},"Payload":{"TaskId":"t1"}}',
 * );
 * Header.RequestID; // 'r1'
 * Payload.TaskId; // 't1'
 * ```
 */
export function decodeResponse<P extends object = JsonObject>(
  body: unknown,
  options?: DecodeResponseOptions,
): DecodedResponse<P> {
  const httpStatus = options?.httpStatus;
  const context: DecodeContext = { what: 'response', httpStatus };
  const value = parseBody(body, context);
  if (!isRecord(value) || !isRecord(value.Header)) {
    const found = isRecord(value) ? 'an object without a Header object' : jsonType(value);
    throw envelopeError(context, 'not-an-envelope', `is not a gateway envelope: got ${found}`);
  }
  const header = value.Header;
  const { Code: code, Message: message, RequestID: requestId } = header;
  const knownId = typeof requestId === 'string' ? requestId : undefined;
  const bad = (
    path: string,
    expected: string,
    got: unknown,
    kind: EnvelopeErrorCode = 'bad-header',
  ) =>
    envelopeError(context, kind, `${path} must be ${expected}, got ${jsonType(got)}`, {
      path,
      requestId: knownId,
    });

  // Not a number, fractional or beyond 2^53: all fail `isSafeInteger`.
  if (!Number.isSafeInteger(code)) throw bad('Header.Code', 'an integer', code);
  if (code !== 0) {
    throw new TvsApiError({
      code: code as number,
      gatewayMessage: typeof message === 'string' ? message : '',
      requestId: knownId,
      httpStatus,
    });
  }
  if (typeof message !== 'string') throw bad('Header.Message', 'a string', message);
  if (knownId === undefined) throw bad('Header.RequestID', 'a string', requestId);
  const payload = value.Payload ?? {};
  if (!isRecord(payload)) throw bad('Payload', 'an object', payload, 'bad-payload');
  return { Header: header as ResponseHeader & { Code: 0 }, Payload: payload as P };
}
