import type { SpeechPlan } from '../internal/speech.js';

/**
 * A real, playable WAV (16-bit mono PCM) as long as the plan, with a soft tone for each word and
 * silence between: what `tts` tasks with `Codec: "wav"` return. Capped at 10 minutes.
 */
export function synthesizeWav(plan: SpeechPlan, sampleRate: 16000 | 24000): Uint8Array {
  const samples = Math.min(Math.ceil((plan.durationMs / 1000) * sampleRate), sampleRate * 600);
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (const sentence of plan.sentences) {
    for (const word of sentence.Words) {
      const from = Math.floor((word.StartTimestamp / 1000) * sampleRate);
      const to = Math.min(Math.floor((word.EndTimestamp / 1000) * sampleRate), samples);
      for (let i = from; i < to; i++) {
        const envelope = Math.sin((Math.PI * (i - from)) / Math.max(1, to - from));
        const value = Math.round(6000 * envelope * Math.sin((2 * Math.PI * 180 * i) / sampleRate));
        view.setInt16(44 + i * 2, value, true);
      }
    }
  }
  return bytes;
}
