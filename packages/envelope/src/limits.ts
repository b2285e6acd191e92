/**
 * The largest body the decoders accept: 16 MiB (bytes for binary input, UTF-16 code units for a
 * string). The largest documented responses — a progress report with word timestamps for a
 * 20,000-character script, a long session list — stay far below it.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * The deepest nesting of objects and arrays the decoders accept: 64. Gateway bodies nest about
 * six levels (`Payload.TextTimestampResult[].Words[]`).
 */
export const MAX_DEPTH = 64;
