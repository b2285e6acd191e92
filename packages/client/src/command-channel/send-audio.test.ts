import { LIMITS } from '@tvs/envelope';
import { describe, expect, it, vi } from 'vitest';
import { fakeSender } from './fakes.test-helper.js';
import { type AudioGate, DEFAULT_REAL_TIME_FACTOR, sendAudio } from './send-audio.js';

/** A gate on a virtual clock: sleeping moves the clock, and each frame notes when it left. */
function setUp(driverType: number | undefined = 3) {
  const sender = fakeSender();
  let now = 0;
  const times: number[] = [];
  const send = sender.context.send;
  sender.context.send = (frame) => {
    send(frame);
    times.push(now);
  };
  const lookUp = vi.fn(async () => driverType);
  const gate: AudioGate = {
    driverType: lookUp,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  return { ...sender, gate, times, lookUp };
}

const chunkMs = LIMITS.AUDIO_CHUNK_BYTES / LIMITS.AUDIO_BYTES_PER_MS; // 160

describe('sendAudio', () => {
  it('paces as 1240/100398 asks: six chunks at once, then chunk k at factor × 160 ms × k, the final packet last', async () => {
    const { context, gate, frames, times } = setUp();
    const pcm = new Uint8Array(2 * 32_000); // 2 s: 12 full chunks and a half
    const result = await sendAudio(context, gate, pcm, {});
    const factor = DEFAULT_REAL_TIME_FACTOR;
    expect(result).toMatchObject({ chunks: 13, bytes: pcm.length, durationMs: 2000 });
    expect(result.elapsedMs).toBeCloseTo(factor * 2000);
    expect(result.realTimeFactor).toBeCloseTo(factor);
    const expected = Array.from({ length: 13 }, (_, k) =>
      k < LIMITS.AUDIO_BURST_CHUNKS ? 0 : factor * chunkMs * k,
    );
    for (const [k, at] of expected.entries()) expect(times[k]).toBeCloseTo(at);
    expect(times[13]).toBeCloseTo(factor * 2000);
    for (let k = LIMITS.AUDIO_BURST_CHUNKS + 1; k < 13; k++) {
      expect(times[k]! - times[k - 1]!).toBeGreaterThanOrEqual(LIMITS.AUDIO_MIN_INTERVAL_MS);
    }
    const data = frames.map((f) => f.Payload.Data);
    expect(data.map((d) => d['Seq'])).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(data.map((d) => d['IsFinal'])).toEqual([...Array(13).fill(false), true]);
    expect(data.at(-1)!['Audio']).toBe('');
    expect(new Set(frames.map((f) => f.Payload['ReqId']))).toEqual(new Set([result.reqId]));
  });

  it('takes the real-time factor from the band 0.75–1, nothing outside it', async () => {
    const { context, gate, frames, times } = setUp();
    const result = await sendAudio(context, gate, new Uint8Array(8 * 5120), {
      realTimeFactor: 1,
    });
    expect(result.realTimeFactor).toBeCloseTo(1);
    expect(times.at(-1)).toBeCloseTo(8 * chunkMs);
    for (const factor of [0.7, 1.01, Number.NaN, '0.8']) {
      await expect(
        sendAudio(context, gate, new Uint8Array(2), { realTimeFactor: factor as never }),
      ).rejects.toThrow('realTimeFactor must be between 0.75 and 1');
    }
    expect(frames).toHaveLength(9);
  });

  it('refuses a DriverType 1 session before sending anything', async () => {
    const { context, gate, frames, lookUp } = setUp(1);
    const error = await sendAudio(context, gate, new Uint8Array(5120), {}).catch((e) => e);
    expect(error).toMatchObject({ name: 'TvsChannelError', reason: 'audio-not-allowed' });
    expect(String(error.message)).toMatch(/DriverType 1 \(text only\); audio needs DriverType 3/);
    expect(lookUp).toHaveBeenCalledTimes(1);
    expect(frames).toEqual([]);
  });

  it('ends the sequence when the source fails or the signal aborts midway', async () => {
    const { context, gate, frames } = setUp();
    const boom = new Error('decoder failed');
    async function* failing() {
      yield new Uint8Array(5120);
      throw boom;
    }
    await expect(sendAudio(context, gate, failing(), {})).rejects.toBe(boom);
    expect(frames.map((f) => f.Payload.Data['IsFinal'])).toEqual([false, true]);
    const controller = new AbortController();
    async function* aborting() {
      yield new Uint8Array(5120);
      controller.abort(new Error('hang up'));
      yield new Uint8Array(5120);
    }
    await expect(
      sendAudio(context, gate, aborting(), { signal: controller.signal }),
    ).rejects.toThrow('hang up');
    expect(frames.map((f) => f.Payload.Data['IsFinal'])).toEqual([false, true, false, true]);
  });

  it('refuses what is not whole 16-bit PCM', async () => {
    const { context, gate, frames } = setUp();
    await expect(sendAudio(context, gate, 'pcm' as never, {})).rejects.toThrow(TypeError);
    await expect(sendAudio(context, gate, new Uint8Array(0), {})).rejects.toThrow('no audio');
    await expect(sendAudio(context, gate, new Uint8Array(3), {})).rejects.toThrow('mid-sample');
    expect(frames).toEqual([]);
    await expect(sendAudio(context, gate, [new Uint8Array(5121)], {})).rejects.toThrow(
      'mid-sample',
    );
    // The first full chunk had left: the sequence is still ended.
    expect(frames.map((f) => f.Payload.Data['IsFinal'])).toEqual([false, true]);
  });
});
