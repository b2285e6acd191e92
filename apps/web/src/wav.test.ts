import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wavToPcm } from './wav.js';

function wav(options: { rate?: number; channels?: number; extra?: boolean; samples?: number }) {
  const { rate = 16_000, channels = 1, extra = false, samples = 4 } = options;
  const data = samples * 2 * channels;
  const list = extra ? 12 : 0;
  const buffer = new ArrayBuffer(44 + list + data);
  const view = new DataView(buffer);
  const put = (at: number, text: string) => {
    for (let i = 0; i < 4; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  put(0, 'RIFF');
  view.setUint32(4, 36 + list + data, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2 * channels, true);
  view.setUint16(32, 2 * channels, true);
  view.setUint16(34, 16, true);
  let at = 36;
  if (extra) {
    put(at, 'LIST');
    view.setUint32(at + 4, 3, true); // odd size: one byte of padding follows
    at += 12;
  }
  put(at, 'data');
  view.setUint32(at + 4, data, true);
  for (let i = 0; i < data; i++) view.setUint8(at + 8 + i, i + 1);
  return buffer;
}

describe('wavToPcm', () => {
  it('returns the samples of 16 kHz mono 16-bit PCM, past other chunks', () => {
    expect([...wavToPcm(wav({}))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...wavToPcm(wav({ extra: true }))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('says what is wrong with another format', () => {
    expect(() => wavToPcm(wav({ rate: 44_100 }))).toThrow(/44100 Hz.*16 000 Hz/);
    expect(() => wavToPcm(wav({ channels: 2 }))).toThrow(/2 channel/);
    expect(() => wavToPcm(new TextEncoder().encode('not a wav').buffer)).toThrow(/not a WAV/);
  });

  it('reads the clip the page ships', () => {
    const file = readFileSync(new URL('../public/clip.wav', import.meta.url));
    const pcm = wavToPcm(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    // About two seconds: enough to hear, short enough to push in a test.
    expect(pcm.byteLength / 32_000).toBeGreaterThan(1);
    expect(pcm.byteLength / 32_000).toBeLessThan(4);
  });
});
