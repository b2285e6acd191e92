/**
 * The largest body the decoders accept: 16 MiB (bytes for binary input, UTF-16 code units for a
 * string). The largest documented responses — a progress report with word timestamps for a
 * 20,000-character script, a long session list — stay far below it.
 *
 * @example
 * ```ts
 * import { MAX_BODY_BYTES } from '@tvs/envelope';
 * if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES) response.body?.cancel();
 * ```
 */
export const MAX_BODY_BYTES = 2 ** 24; // 16 MiB

/**
 * The deepest nesting of objects and arrays the decoders accept: 64. Gateway bodies nest about
 * six levels (`Payload.TextTimestampResult[].Words[]`).
 *
 * @example
 * ```ts
 * import { MAX_DEPTH, decodeResponse } from '@tvs/envelope';
 * decodeResponse('['.repeat(MAX_DEPTH + 1)); // throws TvsEnvelopeError, code 'too-deep'
 * ```
 */
export const MAX_DEPTH = 64;
