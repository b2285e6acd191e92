import type { EncodedRequest } from './envelope-types.js';
import { isRecord, jsonType } from './internal/is-record.js';
import { newRequestId } from './request-id.js';

/** Options of {@link encodeRequest}. */
export interface EncodeRequestOptions {
  /** The `Header.RequestID` to send; a new {@link newRequestId} when absent. */
  requestId?: string | undefined;
}

/**
 * Wraps a payload in the gateway's request envelope: exactly
 * `{ Header: { RequestID }, Payload }`, with a fresh 32-hex `RequestID` unless one is given.
 * Returns an object; send `JSON.stringify` of it.
 *
 * @throws TypeError when `payload` is not a plain object or `requestId` is not a non-empty string.
 * @example
 * ```ts
 * import { encodeRequest } from '@tvs/envelope';
 * const body = JSON.stringify(encodeRequest({ TaskId: 'abc' }, { requestId: 'my-request-1' }));
 * // => '{"Header":{"RequestID":"my-request-1"},"Payload":{"TaskId":"abc"}}'
 * ```
 */
export function encodeRequest<P extends object>(
  payload: P,
  options?: EncodeRequestOptions,
): EncodedRequest<P> {
  if (!isRecord(payload)) {
    throw new TypeError(`encodeRequest: payload must be an object, got ${jsonType(payload)}`);
  }
  const requestId = options?.requestId;
  if (requestId !== undefined && (typeof requestId !== 'string' || !requestId)) {
    throw new TypeError(
      `encodeRequest: requestId must be a non-empty string, got ${jsonType(requestId)}`,
    );
  }
  return { Header: { RequestID: requestId ?? newRequestId() }, Payload: payload };
}
