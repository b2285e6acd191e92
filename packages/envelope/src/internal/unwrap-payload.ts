import type { JsonObject } from '../envelope-types.js';
import { isRecord } from './is-record.js';

/**
 * For messages whose outer wrapper is undocumented: `{ Header?, Payload: {…} }` becomes the
 * payload's fields plus `Header` (when it is an object); any other object is returned as is.
 * @internal
 */
export function unwrapPayload(value: JsonObject): JsonObject {
  if (!isRecord(value.Payload)) return value;
  return isRecord(value.Header) ? { ...value.Payload, Header: value.Header } : value.Payload;
}
