// The pages ask for "32位的 UUID(不包含‘-’)" (1240/100397): 32 hex digits, either case.
const REQUEST_ID = /^[0-9a-f]{32}$/i;

/**
 * A new request id: 32 lowercase hex characters (128 random bits from
 * `crypto.getRandomValues`), the format the gateway uses for `ReqId` and `RequestID`.
 *
 * @example
 * ```ts
 * import { newRequestId } from '@tvs/envelope';
 * newRequestId(); // => '9f1c2e7a0b3d4c5e8f60718293a4b5c6'
 * ```
 */
export function newRequestId(): string {
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
    id += byte.toString(16).padStart(2, '0');
  }
  return id;
}

/**
 * Whether `value` has the gateway's `ReqId` format: exactly 32 hex characters, no dashes (a
 * UUID with its dashes removed, in either case: the pages name no case). {@link newRequestId}
 * makes lowercase ones.
 *
 * @example
 * ```ts
 * import { isRequestId } from '@tvs/envelope';
 * isRequestId('9f1c2e7a0b3d4c5e8f60718293a4b5c6'); // true
 * isRequestId('9f1c2e7a-0b3d-4c5e-8f60-718293a4b5c6'); // false
 * ```
 */
export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}
