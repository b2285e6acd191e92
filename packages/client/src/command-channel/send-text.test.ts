import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TvsChannelError } from '../errors/tvs-channel-error.js';
import { fakeSender } from './fakes.test-helper.js';
import { createPacer, TEXT_PACING_MS } from './pacer.js';
import { sendInterrupt, sendText } from './send-text.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A sender whose frames carry the (virtual) time they left at. */
function setUp(intervalMs = TEXT_PACING_MS) {
  const sender = fakeSender();
  const times: number[] = [];
  const send = sender.context.send;
  sender.context.send = (frame) => {
    send(frame);
    times.push(Date.now());
  };
  return { ...sender, times, pacer: createPacer(intervalMs, () => Date.now()) };
}

describe('sendText and the interrupt', () => {
  it('sends every documented SEND_TEXT field it is given, and none it is not (1240/100397)', async () => {
    const { context, pacer, frames } = setUp();
    const sent = Promise.all([
      sendText(context, pacer, 'Hello.', {
        chatCommand: 'NotUseChat',
        chatRoundId: 'round-1',
        cloudAiVisitorBizId: 'visitor-1',
        videoSeiInfo: '{"scene":2}',
        smartActionEnabled: true,
      }),
      sendText(context, pacer, 'Plain.', {}),
    ]);
    await vi.runAllTimersAsync();
    await sent;
    expect(frames[0]!.Payload.Data).toEqual({
      Text: 'Hello.',
      ChatCommand: 'NotUseChat',
      ChatRoundId: 'round-1',
      CloudAiVisitorBizId: 'visitor-1',
      VideoSeiInfo: '{"scene":2}',
      SmartActionEnabled: true,
    });
    expect(frames[1]!.Payload.Data).toEqual({ Text: 'Plain.' });
  });

  it('refuses SEI info that is not JSON text before anything is queued', async () => {
    const { context, pacer, frames } = setUp();
    await expect(sendText(context, pacer, 'Hi.', { videoSeiInfo: '{oops' })).rejects.toThrow(
      TypeError,
    );
    expect(frames).toEqual([]);
  });

  it('the interrupt is SEND_TEXT with Interrupt: true and no Text (1240/100397)', async () => {
    const { context, pacer, frames } = setUp();
    const sent = await sendInterrupt(context, pacer, {});
    expect(frames).toEqual([
      {
        Header: {},
        Payload: {
          ReqId: sent.reqId,
          SessionId: 'session-1',
          Command: 'SEND_TEXT',
          Data: { Interrupt: true },
        },
      },
    ]);
    expect(sent.reqId).toMatch(/^[0-9a-f]{32}$/);
    const reqId = 'ab'.repeat(16);
    const second = sendInterrupt(context, pacer, { reqId });
    await vi.runAllTimersAsync(); // it waits its turn behind the first
    expect(await second).toEqual({ reqId });
    expect(frames[1]!.Payload['ReqId']).toBe(reqId);
  });

  it('texts and interrupts share one pacer: call order, each more than a second after the last', async () => {
    const { context, pacer, frames, times } = setUp();
    const calls = Promise.all([
      sendText(context, pacer, 'A long story.', {}),
      sendInterrupt(context, pacer, {}),
      sendText(context, pacer, 'Something else.', { chatCommand: 'NotUseChat' }),
    ]);
    await vi.runAllTimersAsync();
    const [story, interrupt, other] = await calls;
    expect(frames.map((f) => f.Payload['ReqId'])).toEqual([
      story.reqId,
      interrupt.reqId,
      other.reqId,
    ]);
    expect(frames.map((f) => f.Payload.Data)).toEqual([
      { Text: 'A long story.' },
      { Interrupt: true },
      { Text: 'Something else.', ChatCommand: 'NotUseChat' },
    ]);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(TEXT_PACING_MS);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(TEXT_PACING_MS);
  });

  it('sendText passes the options it is given, and refuses bad input before queueing', async () => {
    const { context, pacer, frames } = setUp();
    const reqId = 'cd'.repeat(16);
    const drive = await sendText(context, pacer, 'Hi', { reqId, interrupt: false });
    expect(drive.reqId).toBe(reqId);
    expect(frames[0]!.Payload.Data).toEqual({ Text: 'Hi', Interrupt: false });
    await expect(sendText(context, pacer, '', {})).rejects.toThrow(TypeError);
    await expect(sendText(context, pacer, 'x'.repeat(4001), {})).rejects.toThrow(RangeError);
    await expect(sendInterrupt(context, pacer, { reqId: 'nope' })).rejects.toThrow(TypeError);
    expect(frames).toHaveLength(1);
  });

  it('a closed channel refuses both', async () => {
    const { context, pacer, frames, close } = setUp();
    close();
    await expect(sendText(context, pacer, 'Hi', {})).rejects.toBeInstanceOf(TvsChannelError);
    await expect(sendInterrupt(context, pacer, {})).rejects.toMatchObject({ reason: 'closed' });
    expect(frames).toEqual([]);
  });
});
