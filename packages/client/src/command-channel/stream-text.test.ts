import { LIMITS } from '@tvs/envelope';
import { describe, expect, it } from 'vitest';
import { fakeSender } from './fakes.test-helper.js';
import { streamText } from './stream-text.js';

const encoder = new TextEncoder();

describe('streamText', () => {
  it('carries the sentence-mode insert and smart actions on every packet (1240/100399)', async () => {
    const { context, frames } = fakeSender();
    await streamText(context, ['First sentence here.'], {
      isSentence: true,
      isInsertSentence: true,
      smartActionEnabled: true,
    });
    expect(frames).toHaveLength(2);
    for (const frame of frames) {
      expect(frame.Payload.Data).toMatchObject({ IsSentence: true, IsInsertSentence: true });
      expect(frame.Payload.Data['SmartActionEnabled']).toBe(true);
    }
  });

  it('one ReqId, Seq from 1, chunks split at the byte limit, then an empty IsFinal packet', async () => {
    const { context, frames } = fakeSender();
    async function* tokens() {
      yield 'Hello, ';
      yield '字'.repeat(1000); // 3000 bytes: two pieces
      yield 'bye.';
    }
    const result = await streamText(context, tokens(), { isSentence: true, interrupt: true });
    expect(result.packets).toBe(5);
    expect(frames.map((f) => f.Payload['ReqId'])).toEqual(Array(5).fill(result.reqId));
    expect(frames.map((f) => f.Payload.Data['Seq'])).toEqual([1, 2, 3, 4, 5]);
    expect(frames.map((f) => f.Payload.Data['IsFinal'])).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(frames.every((f) => f.Payload.Data['IsSentence'] === true)).toBe(true);
    // Interrupt only on the first packet.
    expect(frames.map((f) => f.Payload.Data['Interrupt'])).toEqual([
      true,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const texts = frames.map((f) => String(f.Payload.Data['Text']));
    expect(texts.join('')).toBe(`Hello, ${'字'.repeat(1000)}bye.`);
    for (const text of texts) {
      expect(encoder.encode(text).byteLength).toBeLessThanOrEqual(LIMITS.STREAM_TEXT_BYTES);
    }
    expect(texts.at(-1)).toBe('');
  });

  it('a string or a plain iterable works too', async () => {
    const { context, frames } = fakeSender();
    expect((await streamText(context, 'One piece.' as never, {})).packets).toBe(2);
    expect((await streamText(context, ['a', 'b'], {})).packets).toBe(3);
    expect(frames).toHaveLength(5);
  });

  it('a source that throws still ends the sequence, then rethrows', async () => {
    const { context, frames } = fakeSender();
    const boom = new Error('the model failed');
    async function* failing() {
      yield 'Half a sen';
      throw boom;
    }
    await expect(streamText(context, failing(), {})).rejects.toBe(boom);
    expect(frames.map((f) => [f.Payload.Data['Seq'], f.Payload.Data['IsFinal']])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('an abort ends the sequence; a closed channel sends no final packet', async () => {
    const { context, frames } = fakeSender();
    const controller = new AbortController();
    async function* slow() {
      yield 'first';
      controller.abort(new Error('user left'));
      yield 'never sent';
    }
    await expect(streamText(context, slow(), { signal: controller.signal })).rejects.toThrow(
      'user left',
    );
    expect(frames.map((f) => f.Payload.Data['IsFinal'])).toEqual([false, true]);
    const closed = fakeSender();
    const error = await streamText(
      closed.context,
      (async function* () {
        yield 'first';
        closed.close();
        yield 'second';
      })(),
      {},
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'closed' });
    expect(closed.frames).toHaveLength(1);
  });

  it('refuses what is not text, before sending anything', async () => {
    const { context, frames } = fakeSender();
    await expect(streamText(context, 42 as never, {})).rejects.toThrow(/source must be/);
    await expect(streamText(context, null as never, {})).rejects.toThrow(/source must be/);
    await expect(streamText(context, [], {})).rejects.toThrow('yielded no text');
    await expect(streamText(context, [''], {})).rejects.toThrow('yielded no text');
    await expect(streamText(context, [7 as never], {})).rejects.toThrow(
      'every chunk must be a string',
    );
    expect(frames).toEqual([]);
  });
});
