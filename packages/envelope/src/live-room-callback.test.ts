import { describe, expect, it } from 'vitest';
import { TvsEnvelopeError } from './errors/tvs-envelope-error.js';
import { decodeLiveRoomCallback } from './live-room-callback.js';

describe('decodeLiveRoomCallback', () => {
  it('parses MsgData, JSON inside a string, keeping every other field', () => {
    const body = JSON.stringify({
      ReqId: 'r1',
      LiveRoomId: 'room-7',
      MsgType: 'LiveRoomStatus',
      MsgData: JSON.stringify({ Status: 2, VideoStreamPlayUrl: 'rtmp://x' }),
      Other: [1],
    });
    expect(decodeLiveRoomCallback(body)).toStrictEqual({
      ReqId: 'r1',
      LiveRoomId: 'room-7',
      MsgType: 'LiveRoomStatus',
      MsgData: { Status: 2, VideoStreamPlayUrl: 'rtmp://x' },
      Other: [1],
    });
  });

  it('accepts MsgData already an object, absent, null or empty', () => {
    expect(decodeLiveRoomCallback({ MsgData: { A: 1 } }).MsgData).toStrictEqual({ A: 1 });
    expect(decodeLiveRoomCallback('{}').MsgData).toStrictEqual({});
    expect(decodeLiveRoomCallback('{"MsgData":null}').MsgData).toStrictEqual({});
    expect(decodeLiveRoomCallback('{"MsgData":""}').MsgData).toStrictEqual({});
  });

  it('unwraps a { Header, Payload } body', () => {
    const body = { Header: {}, Payload: { ReqId: 'r', MsgData: '{"B":2}' } };
    expect(decodeLiveRoomCallback(body)).toStrictEqual({
      ReqId: 'r',
      MsgData: { B: 2 },
      Header: {},
    });
  });

  it('drops prototype keys inside MsgData too', () => {
    const body = JSON.stringify({ MsgData: '{"__proto__":{"polluted":1},"C":3}' });
    const { MsgData } = decodeLiveRoomCallback(body);
    expect(MsgData).toStrictEqual({ C: 3 });
    expect(Object.getPrototypeOf(MsgData)).toBe(Object.prototype);
  });

  it.each([
    ['a body that is not JSON', 'reqid=1', 'not-json', undefined, /^callback is not JSON/],
    ['a body that is an array', '[]', 'not-an-envelope', undefined, /^callback must be/],
    [
      'MsgData that is not JSON',
      '{"MsgData":"{oops"}',
      'not-json',
      undefined,
      /^callback MsgData is not JSON/,
    ],
    [
      'MsgData holding an array',
      '{"MsgData":"[1]"}',
      'wrong-type',
      'MsgData',
      /must hold a JSON object/,
    ],
    ['MsgData that is a number', '{"MsgData":5}', 'wrong-type', 'MsgData', /got a number/],
  ])('refuses %s', (_what, body, code, path, message) => {
    try {
      decodeLiveRoomCallback(body);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TvsEnvelopeError);
      expect(error).toMatchObject({ code, path });
      expect((error as Error).message).toMatch(message);
    }
  });
});
