/** What the command channel's `SEND_AUDIO` takes: 16 kHz, 16-bit, mono PCM (PROTOCOL §4). */
export const CHANNEL_AUDIO = { sampleRate: 16_000, bitsPerSample: 16, channels: 1 } as const;

const ascii = (view: DataView, at: number) =>
  String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );

/**
 * The PCM samples of a RIFF/WAVE file, checked to be what `sendAudio` needs: format 1 (PCM),
 * one channel, 16 000 Hz, 16 bits. Walks the chunks, so `LIST` and other metadata are skipped.
 * @throws Error naming what the file is instead.
 */
export function wavToPcm(bytes: ArrayBuffer): Uint8Array {
  const view = new DataView(bytes);
  if (bytes.byteLength < 12 || ascii(view, 0) !== 'RIFF' || ascii(view, 8) !== 'WAVE') {
    throw new Error('The clip is not a WAV file (no RIFF/WAVE header).');
  }
  let format: { tag: number; channels: number; rate: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= bytes.byteLength; ) {
    const id = ascii(view, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16) {
      format = {
        tag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (format === undefined) throw new Error('The WAV file has its data before its format.');
      const { tag, channels, rate, bits } = format;
      if (
        tag !== 1 ||
        channels !== CHANNEL_AUDIO.channels ||
        rate !== CHANNEL_AUDIO.sampleRate ||
        bits !== CHANNEL_AUDIO.bitsPerSample
      ) {
        throw new Error(
          `The clip is ${tag === 1 ? 'PCM' : `format ${tag}`}, ${channels} channel(s), ${rate} Hz, ${bits}-bit; the avatar takes 16-bit mono PCM at 16 000 Hz.`,
        );
      }
      const length = Math.min(size, bytes.byteLength - body);
      return new Uint8Array(bytes, body, length - (length % 2));
    }
    at = body + size + (size % 2); // chunks are padded to an even length
  }
  throw new Error('The WAV file has no data chunk.');
}
