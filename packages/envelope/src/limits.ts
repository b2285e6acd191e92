/**
 * The gateway's documented limits and pacing rules, in bytes and milliseconds, each with its
 * page:
 * - `TEXT_BYTES`: a `SEND_TEXT` text (channel and HTTP drive), UTF-8 (1240/100397, 1240/100404);
 * - `STREAM_TEXT_BYTES`: one `SEND_STREAMTEXT` chunk, UTF-8 (1240/100399);
 * - `TEXT_INTERVAL_MS`: `SEND_TEXT`s of a session must be more than this apart ("发送文本间隔必须
 *   大于1s", 1240/100397, 1240/100404); pace with a margin (the client's channel uses 1.2 s);
 * - `HEARTBEAT_MIN_MS` / `HEARTBEAT_MAX_MS`: heartbeats more than 30 s and less than a minute
 *   apart (1240/100400); `HEARTBEAT_DEFAULT_MS` (45 s) sits on neither edge. The pages differ:
 *   1240/108576 recommends every 1–2 minutes and 1211/62117 allows up to 10; 45 s satisfies
 *   all three and the 3-minute idle rule;
 * - `SOCKET_IDLE_MS` / `SESSION_IDLE_MS`: with no heartbeat and no traffic, the gateway closes
 *   the socket after 3 minutes and the session (its stream) after 10 (1240/108576; the 10
 *   minutes also 1240/100400);
 * - `AUDIO_*`: `SEND_AUDIO` takes 16 kHz 16-bit mono PCM (32 bytes a millisecond) in 5120-byte
 *   (160 ms) chunks, the first 6 at once, then one every 120 ms at most, keeping 0.75–1× real
 *   time (1240/100398);
 * - `REQUEST_BODY_BYTES`: the largest request body the SDK's gateway side (the mock gateway, the
 *   edge signer) accepts, 1 MiB. Tencent's pages give no limit; the largest documented request,
 *   a 20,000-character script with its parameters, stays far below it.
 *
 * @example
 * ```ts
 * import { LIMITS, streamTextFrame } from '@tvs/envelope';
 * const bytes = new TextEncoder().encode(chunk).byteLength;
 * if (bytes > LIMITS.STREAM_TEXT_BYTES) throw new RangeError('split the chunk first');
 * ```
 */
export const LIMITS = {
  TEXT_BYTES: 4000,
  STREAM_TEXT_BYTES: 2000,
  TEXT_INTERVAL_MS: 1000,
  HEARTBEAT_MIN_MS: 30_000,
  HEARTBEAT_MAX_MS: 60_000,
  HEARTBEAT_DEFAULT_MS: 45_000,
  SOCKET_IDLE_MS: 180_000,
  SESSION_IDLE_MS: 600_000,
  AUDIO_SAMPLE_RATE: 16_000,
  AUDIO_BYTES_PER_MS: 32,
  AUDIO_CHUNK_BYTES: 5120,
  AUDIO_CHUNK_MS: 160,
  AUDIO_BURST_CHUNKS: 6,
  AUDIO_MIN_INTERVAL_MS: 120,
  /** Wall time over audio time, at least: one 160 ms chunk per 120 ms. */
  AUDIO_MIN_REAL_TIME_FACTOR: 0.75,
  /** Wall time over audio time, at most: slower starves the avatar. */
  AUDIO_MAX_REAL_TIME_FACTOR: 1,
  REQUEST_BODY_BYTES: 1_048_576,
} as const;

/**
 * The largest body the decoders accept: 16 MiB (bytes for binary input, UTF-16 code units for a
 * string). The largest documented responses — a progress report with word timestamps for a
 * 20,000-character script, a long session list — stay far below it. @internal
 */
export const MAX_BODY_BYTES = 2 ** 24; // 16 MiB

/**
 * The deepest nesting of objects and arrays the decoders accept: 64. Gateway bodies nest about
 * six levels (`Payload.TextTimestampResult[].Words[]`). @internal
 */
export const MAX_DEPTH = 64;
