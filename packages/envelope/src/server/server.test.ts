import { describe, expect, it } from 'vitest';
import { audioFrame, streamTextFrame, textFrame } from '../command-channel/uplink-frames.js';
import { operations } from '../operations/index.js';
import { decodeUplinkFrame } from './decode-uplink-frame.js';
import { refuseRequest } from './refuse-request.js';

const reqId = '9f1c2e7a0b3d4c5e8f60718293a4b5c6';

describe('decodeUplinkFrame', () => {
  it('reads back what the frame builders make, the interrupt included (1240/100397)', () => {
    for (const frame of [
      textFrame({ sessionId: 's', reqId, text: 'Hi', chatRoundId: 'r1' }),
      textFrame({ sessionId: 's', reqId, interrupt: true }),
      streamTextFrame({ sessionId: 's', reqId, text: 'a', seq: 1, isFinal: false }),
      audioFrame({ sessionId: 's', reqId, audio: new Uint8Array([1, 2]), seq: 2, isFinal: true }),
    ]) {
      expect(decodeUplinkFrame(JSON.stringify(frame))).toEqual(frame.Payload);
    }
  });

  it('lets a stream interrupt leave Text out (1240/100399: 只需要填充 Seq 以及 Interrupt), as ""', () => {
    const streamText = (Data: Record<string, unknown>) => ({
      Payload: { ReqId: reqId, SessionId: 's', Command: 'SEND_STREAMTEXT', Data },
    });
    expect(decodeUplinkFrame(streamText({ Seq: 59, Interrupt: true })).Data).toEqual({
      Seq: 59,
      Interrupt: true,
      Text: '',
    });
    expect(decodeUplinkFrame(streamText({ Text: null, Seq: 1, Interrupt: true })).Data.Text).toBe(
      '',
    );
    // Only the interrupt may: a chunk without Text is still refused, naming the field.
    for (const Data of [{ Seq: 1 }, { Seq: 1, Interrupt: false }]) {
      expect(() => decodeUplinkFrame(streamText(Data))).toThrow(
        expect.objectContaining({ code: 'missing-field', path: 'Payload.Data.Text' }),
      );
    }
    expect(() => decodeUplinkFrame(streamText({ Interrupt: true }))).toThrow(
      expect.objectContaining({ path: 'Payload.Data.Seq' }),
    );
  });

  it.each([
    ['no Payload', { Header: {} }, undefined],
    ['a ReqId that is not 32 hex', { Payload: { ReqId: 'x' } }, 'Payload.ReqId'],
    [
      'an unknown Command',
      { Payload: { ReqId: reqId, SessionId: 's', Command: 'SEND_VIDEO', Data: {} } },
      'Payload.Command',
    ],
    [
      'a Seq of 0',
      {
        Payload: {
          ReqId: reqId,
          SessionId: 's',
          Command: 'SEND_AUDIO',
          Data: { Audio: '', Seq: 0 },
        },
      },
      'Payload.Data.Seq',
    ],
    [
      'Audio that is not Base64',
      {
        Payload: {
          ReqId: reqId,
          SessionId: 's',
          Command: 'SEND_AUDIO',
          Data: { Audio: '!!', Seq: 1 },
        },
      },
      'Payload.Data.Audio',
    ],
    [
      'a Text that is not a string',
      { Payload: { ReqId: reqId, SessionId: 's', Command: 'SEND_TEXT', Data: { Text: 1 } } },
      'Payload.Data.Text',
    ],
  ])('refuses %s, naming the field', (_what, frame, path) => {
    expect(() => decodeUplinkFrame(frame)).toThrow(expect.objectContaining({ path }));
  });
});

describe('refuseRequest', () => {
  it('answers a missing or mistyped field with 100001 and the gateway message style', () => {
    expect(refuseRequest(operations['video.progress'], {})).toEqual({
      code: 100001,
      errorClass: 'InvalidParameter.MissingParameter',
      text: 'Payload.TaskId is required (string)',
      message: 'InvalidParameter.MissingParameter:Payload.TaskId is required (string)',
    });
    expect(refuseRequest(operations['video.make'], { VirtualmanKey: 1 })?.message).toBe(
      'InvalidParameter.TypeMismatch:Payload.VirtualmanKey must be a string, got a number',
    );
  });

  it('accepts the numeric TaskId of the older examples (1211/62088), and nothing else numeric for a string', () => {
    expect(refuseRequest(operations['video.progress'], { TaskId: 123 })).toBeUndefined();
    expect(
      refuseRequest(operations['cloning.confirm'], { TaskId: 666, Operate: 'AGREE' }),
    ).toBeUndefined();
    expect(refuseRequest(operations['cloning.confirm'], { TaskId: '1', Operate: 1 })?.code).toBe(
      100001,
    );
  });
});
