import { LIMITS } from '@tvs/envelope';

/** PCM a caller can hand to `sendAudio`: one buffer, or an (async) iterable or stream of them. */
export type PcmSource =
  | Uint8Array
  | ArrayBuffer
  | Iterable<Uint8Array | ArrayBuffer>
  | AsyncIterable<Uint8Array | ArrayBuffer>
  | ReadableStream<Uint8Array>;

function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  throw new TypeError('sendAudio: the PCM source must yield Uint8Array or ArrayBuffer chunks');
}

/** Whether `value` is something {@link pcmChunks} can read. @internal */
export function isPcmSource(value: unknown): value is PcmSource {
  if (value instanceof Uint8Array || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    return true;
  }
  if (value === null || typeof value !== 'object') return false;
  return (
    Symbol.asyncIterator in value ||
    Symbol.iterator in value ||
    typeof (value as { getReader?: unknown }).getReader === 'function'
  );
}

async function* pieces(source: PcmSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    yield bytesOf(source);
    return;
  }
  if (
    !(Symbol.asyncIterator in source) &&
    typeof (source as { getReader?: unknown }).getReader === 'function'
  ) {
    const reader = (source as unknown as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield bytesOf(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const piece of source as AsyncIterable<unknown>) yield bytesOf(piece);
}

/**
 * Re-chunks PCM into 5120-byte chunks (160 ms of 16 kHz 16-bit mono); the last may be shorter
 * but must hold whole 16-bit samples. @internal
 */
export async function* pcmChunks(source: PcmSource): AsyncGenerator<Uint8Array> {
  const size = LIMITS.AUDIO_CHUNK_BYTES;
  let pending = new Uint8Array(size);
  let filled = 0;
  for await (const piece of pieces(source)) {
    let offset = 0;
    while (offset < piece.byteLength) {
      const take = Math.min(size - filled, piece.byteLength - offset);
      pending.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield pending;
        pending = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled % 2 !== 0) {
    throw new TypeError(
      'sendAudio: 16-bit PCM has an even number of bytes; the audio ends mid-sample',
    );
  }
  if (filled > 0) yield pending.subarray(0, filled);
}
