import type { DecodedRequest } from '../envelope-types.js';
import { type DecodeContext, envelopeError } from '../internal/envelope-error.js';
import { isRecord, jsonType } from '../internal/is-record.js';
import { parseBody } from '../internal/parse-body.js';

const REQUEST: DecodeContext = { what: 'request' };

/**
 * Decodes a request envelope `{ Header?, Payload }` as a server (or the mock gateway) receives
 * it, with the same guards as {@link @tvs/envelope!index.decodeResponse | decodeResponse}: size, depth, no prototype keys. `Header`
 * may be absent (read as `{}`); when present it must be an object, and its `RequestID`, when
 * present, a string. `Payload` must be an object.
 *
 * @throws TvsEnvelopeError and nothing else.
 * @example
 * ```ts
 * import { decodeRequest } from '@tvs/envelope';
 * const { Header, Payload } = decodeRequest(await request.text());
 * ```
 */
export function decodeRequest(body: unknown): DecodedRequest {
  const value = parseBody(body, REQUEST);
  if (!isRecord(value)) {
    throw envelopeError(
      REQUEST,
      'not-an-envelope',
      `must be a JSON object, got ${jsonType(value)}`,
    );
  }
  const header = value.Header ?? {};
  if (!isRecord(header)) {
    throw envelopeError(
      REQUEST,
      'bad-header',
      `Header must be an object, got ${jsonType(header)}`,
      {
        path: 'Header',
      },
    );
  }
  if (header.RequestID !== undefined && typeof header.RequestID !== 'string') {
    throw envelopeError(
      REQUEST,
      'bad-header',
      `Header.RequestID must be a string, got ${jsonType(header.RequestID)}`,
      { path: 'Header.RequestID' },
    );
  }
  const payload = value.Payload;
  if (!isRecord(payload)) {
    throw envelopeError(
      REQUEST,
      'bad-payload',
      `Payload must be an object, got ${jsonType(payload)}`,
      {
        path: 'Payload',
      },
    );
  }
  return { Header: header, Payload: payload };
}
