import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TvsEnvelopeError } from '../errors/tvs-envelope-error.js';
import { LIMITS } from '../limits.js';
import { decodeDownlinkMessage } from './downlink.js';
import { audioFrame, heartbeatFrame, streamTextFrame, textFrame } from './uplink-frames.js';

const reqId = '9f1c2e7a0b3d4c5e8f60718293a4b5c6';

describe('uplink frames', () => {
  it('SEND_TEXT: exactly the documented shape, optional fields only when given', () => {
    expect(textFrame({ sessionId: 's1', text: 'Hello', reqId })).toStrictEqual({
      Header: {},
      Payload: { ReqId: reqId, SessionId: 's1', Command: 'SEND_TEXT', Data: { Text: 'Hello' } },
    });
    const full = textFrame({
      sessionId: 's1',
      text: 'Hi',
      reqId,
      interrupt: true,
      chatCommand: 'NotUseChat',
    });
    expect(full.Payload.Data).toStrictEqual({
      Text: 'Hi',
      Interrupt: true,
      ChatCommand: 'NotUseChat',
    });
  });

  it('SEND_TEXT: the documented interrupt is Data { Interrupt: true } with no Text (1240/100397, 1240/100404)', () => {
    expect(textFrame({ sessionId: 's1', reqId, interrupt: true }).Payload).toStrictEqual({
      ReqId: reqId,
      SessionId: 's1',
      Command: 'SEND_TEXT',
      Data: { Interrupt: true },
    });
    expect(
      textFrame({ sessionId: 's1', reqId, text: '', interrupt: true }).Payload.Data,
    ).toStrictEqual({ Interrupt: true });
  });

  it('SEND_TEXT: every documented extra field, typed (1240/100397)', () => {
    const frame = textFrame({
      sessionId: 's1',
      reqId,
      text: 'Hi',
      chatCommand: 'NotUseChat',
      chatRoundId: 'round-1',
      cloudAiVisitorBizId: 'visitor-1',
      videoSeiInfo: '{"scene":1}',
      smartActionEnabled: true,
    });
    expect(frame.Payload.Data).toStrictEqual({
      Text: 'Hi',
      ChatCommand: 'NotUseChat',
      ChatRoundId: 'round-1',
      CloudAiVisitorBizId: 'visitor-1',
      VideoSeiInfo: '{"scene":1}',
      SmartActionEnabled: true,
    });
    expect(() =>
      textFrame({ sessionId: 's1', text: 'x', cloudAiVisitorBizId: 'v'.repeat(65) }),
    ).toThrow(RangeError);
  });

  it('SEND_TEXT: makes a fresh ReqId when none is given', () => {
    const a = textFrame({ sessionId: 's', text: 'x' }).Payload.ReqId;
    const b = textFrame({ sessionId: 's', text: 'x' }).Payload.ReqId;
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });

  it('SEND_TEXT: counts the 4000-byte limit in UTF-8, not characters', () => {
    expect(() => textFrame({ sessionId: 's', text: 'a'.repeat(4000) })).not.toThrow();
    expect(() => textFrame({ sessionId: 's', text: 'a'.repeat(4001) })).toThrow(RangeError);
    // 1334 CJK characters take 4002 bytes.
    expect(() => textFrame({ sessionId: 's', text: '字'.repeat(1334) })).toThrow(
      'textFrame: text is 4002 bytes of UTF-8, over the limit of 4000',
    );
  });

  it('SEND_STREAMTEXT: sequence fields, the 2000-byte chunk limit, an empty final chunk', () => {
    const frame = streamTextFrame({
      sessionId: 's',
      reqId,
      text: 'chunk',
      seq: 2,
      isFinal: false,
      isSentence: true,
    });
    expect(frame.Payload).toStrictEqual({
      ReqId: reqId,
      SessionId: 's',
      Command: 'SEND_STREAMTEXT',
      Data: { Text: 'chunk', Seq: 2, IsFinal: false, IsSentence: true },
    });
    expect(
      streamTextFrame({ sessionId: 's', reqId, text: '', seq: 3, isFinal: true }).Payload.Data,
    ).toStrictEqual({ Text: '', Seq: 3, IsFinal: true });
    expect(() =>
      streamTextFrame({
        sessionId: 's',
        reqId,
        text: 'a'.repeat(LIMITS.STREAM_TEXT_BYTES + 1),
        seq: 1,
        isFinal: false,
      }),
    ).toThrow(RangeError);
  });

  it('SEND_AUDIO: Base64-encodes bytes exactly as the standard does (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const frame = audioFrame({ sessionId: 's', reqId, audio: bytes, seq: 1, isFinal: false });
        const expected = btoa(String.fromCharCode(...bytes));
        expect(frame.Payload.Data.Audio).toBe(expected);
        // A Base64 string passes through unchanged.
        const again = audioFrame({
          sessionId: 's',
          reqId,
          audio: expected,
          seq: 1,
          isFinal: false,
        });
        expect(again.Payload.Data.Audio).toBe(expected);
      }),
    );
  });

  it('SEND_AUDIO: the final packet may be empty', () => {
    expect(
      audioFrame({ sessionId: 's', reqId, audio: new Uint8Array(0), seq: 9, isFinal: true })
        .Payload,
    ).toStrictEqual({
      ReqId: reqId,
      SessionId: 's',
      Command: 'SEND_AUDIO',
      Data: { Audio: '', Seq: 9, IsFinal: true },
    });
  });

  it('SEND_AUDIO: VideoSeiInfo, JSON text only (1240/100398)', () => {
    const sei = '{"scene":2}';
    const init = { sessionId: 's', reqId, audio: '', seq: 1, isFinal: true };
    expect(audioFrame({ ...init, videoSeiInfo: sei }).Payload.Data).toStrictEqual({
      Audio: '',
      Seq: 1,
      IsFinal: true,
      VideoSeiInfo: sei,
    });
    expect(() => audioFrame({ ...init, videoSeiInfo: 'scene 2' })).toThrow(
      'audioFrame: videoSeiInfo must be JSON text',
    );
  });

  it('takes an uppercase ReqId: the pages ask for a UUID without dashes, in no case (1240/100397)', () => {
    const upper = reqId.toUpperCase();
    expect(textFrame({ sessionId: 's', text: 'hi', reqId: upper }).Payload.ReqId).toBe(upper);
    expect(() => textFrame({ sessionId: 's', text: 'hi', reqId: `${upper.slice(1)}-` })).toThrow(
      'textFrame: reqId must be 32 hex characters (a UUID without dashes)',
    );
  });

  it('SEND_HEARTBEAT: Data.Text is PING', () => {
    expect(heartbeatFrame('s', reqId)).toStrictEqual({
      Header: {},
      Payload: { ReqId: reqId, SessionId: 's', Command: 'SEND_HEARTBEAT', Data: { Text: 'PING' } },
    });
  });

  it.each([
    ['an empty session id', () => textFrame({ sessionId: '', text: 'x' }), /sessionId/],
    [
      'a dashed ReqId',
      () => heartbeatFrame('s', `${reqId.slice(0, 8)}-${reqId.slice(9)}`),
      /reqId/,
    ],
    ['empty SEND_TEXT text', () => textFrame({ sessionId: 's', text: '' }), /non-empty/],
    ['no text and no interrupt', () => textFrame({ sessionId: 's' }), /interrupt: true/],
    ['interrupt: false alone', () => textFrame({ sessionId: 's', interrupt: false }), /non-empty/],
    [
      'videoSeiInfo that is not JSON',
      () => textFrame({ sessionId: 's', text: 'x', videoSeiInfo: '{oops' }),
      /videoSeiInfo must be JSON/,
    ],
    ['a non-string text', () => textFrame({ sessionId: 's', text: 5 as never }), /text must/],
    [
      'a zero seq',
      () => streamTextFrame({ sessionId: 's', reqId, text: '', seq: 0, isFinal: true }),
      /seq must be an integer from 1/,
    ],
    [
      'a fractional seq',
      () => audioFrame({ sessionId: 's', reqId, audio: '', seq: 1.5, isFinal: true }),
      /seq/,
    ],
    [
      'a non-boolean isFinal',
      () => audioFrame({ sessionId: 's', reqId, audio: '', seq: 1, isFinal: 1 as never }),
      /isFinal/,
    ],
    [
      'audio that is not Base64',
      () => audioFrame({ sessionId: 's', reqId, audio: 'not base64!', seq: 1, isFinal: false }),
      /Base64/,
    ],
    [
      'audio as an array of numbers',
      () => audioFrame({ sessionId: 's', reqId, audio: [1, 2] as never, seq: 1, isFinal: false }),
      /Uint8Array/,
    ],
  ])('refuses %s with a TypeError', (_what, build, message) => {
    expect(build).toThrow(TypeError);
    expect(build).toThrow(message);
  });
});

describe('decodeDownlinkMessage', () => {
  it('takes a bare message as is, unknown fields kept', () => {
    const text = '{"Type":4,"SessionId":"s","ReqId":"r","Seq":2,"Text":"hi","Future":{"x":1}}';
    expect(decodeDownlinkMessage(text)).toStrictEqual({
      Type: 4,
      SessionId: 's',
      ReqId: 'r',
      Seq: 2,
      Text: 'hi',
      Future: { x: 1 },
    });
  });

  it('unwraps { Header, Payload }, keeping the Header', () => {
    const text = '{"Header":{"Code":0},"Payload":{"Type":3,"SpeakStatus":"TextStart"}}';
    expect(decodeDownlinkMessage(text)).toStrictEqual({
      Type: 3,
      SpeakStatus: 'TextStart',
      Header: { Code: 0 },
    });
  });

  it('accepts bytes and parsed values, and drops prototype keys', () => {
    const text = '{"Type":9,"__proto__":{"polluted":1}}';
    for (const data of [text, new TextEncoder().encode(text), JSON.parse(text)]) {
      const message = decodeDownlinkMessage(data);
      expect(message).toStrictEqual({ Type: 9 });
      expect((message as { polluted?: unknown }).polluted).toBeUndefined();
    }
  });

  it('types the fields of 1240/100401: TextPro, TextDisplay, ContentType as code or name, the Type 4 flags', () => {
    const message = {
      Type: 4,
      Seq: 1,
      Text: 'What is on today?',
      TextPro: '<speak>Rain.</speak>',
      TextDisplay: 'Rain.',
      TtsSupport: true,
      Final: false,
      IsHighLight: false,
      Uninterrupt: true,
      Muted: false,
    };
    for (const ContentType of ['1', 1, 'OrderedList']) {
      expect(decodeDownlinkMessage({ ...message, ContentType })).toStrictEqual({
        ...message,
        ContentType,
      });
    }
  });

  it('keeps a failed drive whatever form its undocumented Code and Message take', () => {
    // No page names Type 9's fields: a string Code must not cost the client the failure itself.
    for (const extra of [
      { Code: '110015', Message: 'bad' },
      { Code: 110015, Message: { x: 1 } },
    ]) {
      const message = decodeDownlinkMessage({ Type: 9, ReqId: reqId, ...extra });
      expect(message).toStrictEqual({ Type: 9, ReqId: reqId, ...extra });
    }
  });

  it.each([
    ['not JSON', 'PONG', 'not-json', undefined],
    ['a string Final', '{"Type":4,"Final":"true"}', 'wrong-type', 'Final'],
    ['a boolean ContentType', '{"Type":4,"ContentType":true}', 'wrong-type', 'ContentType'],
    ['a string FinalType', '{"Type":3,"FinalType":"1"}', 'wrong-type', 'FinalType'],
    ['an array', '[3]', 'not-an-envelope', undefined],
    ['a string Type', '{"Type":"3"}', 'wrong-type', 'Type'],
    ['a numeric SessionId', '{"SessionId":1}', 'wrong-type', 'SessionId'],
    ['a string Seq inside a wrapper', '{"Payload":{"Seq":"1"}}', 'wrong-type', 'Seq'],
  ])('refuses %s', (_what, data, code, path) => {
    try {
      decodeDownlinkMessage(data);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TvsEnvelopeError);
      expect(error).toMatchObject({ code, path });
    }
  });
});
