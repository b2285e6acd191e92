import { audioFrame, LIMITS, newRequestId } from '@tvs/envelope';
import { sleep } from '../sleep.js';
import { isPcmSource, type PcmSource, pcmChunks } from './audio.js';
import type { DriveHandle } from './drive-registry.js';
import type { SenderContext } from './sender.js';

/**
 * Options of {@link CommandChannel.sendAudio}.
 * @example
 * ```ts
 * await channel.sendAudio(pcm, { realTimeFactor: 0.9, signal });
 * ```
 */
export interface SendAudioOptions {
  /**
   * Wall time over audio time to pace at, 0.75–1 (default 0.85): after the first six chunks,
   * chunk *k* leaves no earlier than `realTimeFactor × 160 ms × k` after the first.
   */
  realTimeFactor?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * An audio stream that has been sent, with its measured pacing.
 * @example
 * ```ts
 * const sent = await channel.sendAudio(pcm);
 * console.log(sent.chunks, sent.realTimeFactor); // e.g. 63 0.85
 * ```
 */
export interface SendAudioResult extends DriveHandle {
  /** Audio chunks sent (the empty final packet not included). */
  readonly chunks: number;
  readonly bytes: number;
  /** The audio's duration in milliseconds (16 kHz 16-bit mono: bytes / 32). */
  readonly durationMs: number;
  /** Milliseconds from the first packet to the final one. */
  readonly elapsedMs: number;
  /** `elapsedMs / durationMs`: within 0.75–1 when paced as the gateway asks. */
  readonly realTimeFactor: number;
}

/**
 * Audio pacing where the pages leave a choice: 0.85× real time, the middle of the documented
 * 0.75–1 band (1240/100398). @internal
 */
export const DEFAULT_REAL_TIME_FACTOR = 0.85;

/** What the audio sender needs besides the channel. @internal */
export interface AudioGate {
  /** The session's `DriverType` (told, or looked up once); audio needs 3. */
  driverType(): Promise<number | undefined>;
  /** The clock to pace by (tests pass a virtual one). */
  readonly now?: (() => number) | undefined;
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/**
 * Sends 16 kHz 16-bit mono PCM as `SEND_AUDIO` (1240/100398): 5120-byte (160 ms) chunks, the
 * first six at once, then chunk *k* no earlier than `realTimeFactor × 160 ms × k` after the
 * first (never faster than one per 120 ms), and an empty `IsFinal` packet once the whole audio
 * has had its time. Refuses a DriverType 1 session before sending anything. @internal
 */
export async function sendAudio(
  context: SenderContext,
  gate: AudioGate,
  pcm: PcmSource,
  options: SendAudioOptions,
): Promise<SendAudioResult> {
  if (!isPcmSource(pcm)) {
    throw new TypeError(
      'sendAudio: pcm must be a Uint8Array, an ArrayBuffer, or an (async) iterable or ReadableStream of them',
    );
  }
  const factor = options.realTimeFactor ?? DEFAULT_REAL_TIME_FACTOR;
  if (
    typeof factor !== 'number' ||
    !(factor >= LIMITS.AUDIO_MIN_REAL_TIME_FACTOR) ||
    !(factor <= LIMITS.AUDIO_MAX_REAL_TIME_FACTOR)
  ) {
    throw new TypeError(
      `sendAudio: realTimeFactor must be between ${LIMITS.AUDIO_MIN_REAL_TIME_FACTOR} and ${LIMITS.AUDIO_MAX_REAL_TIME_FACTOR}`,
    );
  }
  context.assertUsable();
  if ((await gate.driverType()) === 1) {
    throw context.error(
      'audio-not-allowed',
      `session ${context.sessionId} was created with DriverType 1 (text only); audio needs DriverType 3`,
    );
  }
  const now = gate.now ?? (() => performance.now());
  const wait = gate.sleep ?? sleep;
  const reqId = newRequestId();
  const { signal } = options;
  const bytesPerMs = LIMITS.AUDIO_BYTES_PER_MS;
  let seq = 0;
  let bytes = 0;
  let start = 0;
  /** Waits until `ms` after the first packet. */
  const until = async (ms: number) => {
    const left = start + ms - now();
    if (left > 0) await wait(left, signal);
  };
  const send = (audio: Uint8Array, isFinal: boolean) => {
    seq += 1;
    context.send(audioFrame({ sessionId: context.sessionId, reqId, audio, seq, isFinal }));
  };
  try {
    for await (const chunk of pcmChunks(pcm)) {
      signal?.throwIfAborted();
      if (seq === 0) start = now();
      else if (seq >= LIMITS.AUDIO_BURST_CHUNKS) await until((factor * bytes) / bytesPerMs);
      send(chunk, false);
      bytes += chunk.byteLength;
    }
    if (seq === 0) throw new TypeError('sendAudio: the source yielded no audio');
    await until((factor * bytes) / bytesPerMs);
  } catch (error) {
    if (seq > 0 && !context.isClosed()) send(new Uint8Array(0), true);
    throw error;
  }
  send(new Uint8Array(0), true);
  const elapsedMs = now() - start;
  const durationMs = bytes / bytesPerMs;
  return {
    ...context.handle(reqId),
    chunks: seq - 1,
    bytes,
    durationMs,
    elapsedMs,
    realTimeFactor: elapsedMs / durationMs,
  };
}
