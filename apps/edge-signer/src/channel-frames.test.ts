import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDownlink,
  checkUplink,
  closeReason,
  isTooLarge,
  MAX_FRAME_BYTES,
  passableCode,
} from './channel-frames.js';

const frame = (Payload: unknown) => JSON.stringify({ Header: {}, Payload });

describe('checkUplink', () => {
  it('passes a frame of this session, whatever its command', () => {
    for (const Command of ['SEND_TEXT', 'SEND_STREAMTEXT', 'SEND_AUDIO', 'SEND_HEARTBEAT']) {
      expect(checkUplink(frame({ SessionId: 's1', Command, Data: {} }), 's1')).toBeUndefined();
    }
  });

  it.each([
    ['another session', frame({ SessionId: 's2' }), 1008],
    ['a numeric SessionId', frame({ SessionId: 1 }), 1008],
    ['no Payload', '{"Header":{}}', 1008],
    ['a null Payload', frame(null), 1008],
    ['JSON that is not an object', '"s1"', 1008],
    ['null', 'null', 1008],
    ['text that is not JSON', '{', 1007],
    ['binary', new ArrayBuffer(4), 1003],
    ['a typed array', new Uint8Array(4), 1003],
  ])('refuses %s', (_what, data, code) => {
    expect(checkUplink(data, 's1')).toMatchObject({ code });
  });

  it('refuses a frame over the limit, counting UTF-8 bytes', () => {
    const padded = (fill: string, n: number) => frame({ SessionId: 's1', Pad: fill.repeat(n) });
    expect(checkUplink(padded('x', MAX_FRAME_BYTES), 's1')).toMatchObject({ code: 1009 });
    // 100 000 three-byte characters: under the limit in UTF-16 units, over it in bytes.
    expect(checkUplink(padded('字', 100_000), 's1')).toMatchObject({ code: 1009 });
    expect(checkUplink(padded('字', 80_000), 's1')).toBeUndefined();
  });

  it('never throws, and answers only with a known close code (property)', () => {
    const data = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.anything().map((value) => JSON.stringify({ Payload: value }) ?? ''),
      fc.uint8Array().map((bytes) => bytes.buffer),
    );
    fc.assert(
      fc.property(data, fc.string(), (value, sessionId) => {
        const refusal = checkUplink(value, sessionId);
        if (refusal !== undefined) expect([1003, 1007, 1008, 1009]).toContain(refusal.code);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkDownlink and isTooLarge', () => {
  it('pass anything up to the limit, text or bytes', () => {
    expect(checkDownlink('x'.repeat(MAX_FRAME_BYTES))).toBeUndefined();
    expect(checkDownlink(new ArrayBuffer(MAX_FRAME_BYTES))).toBeUndefined();
    expect(checkDownlink(new ArrayBuffer(MAX_FRAME_BYTES + 1))).toMatchObject({ code: 1009 });
    expect(isTooLarge('é'.repeat(MAX_FRAME_BYTES / 2))).toBe(false);
    expect(isTooLarge('é'.repeat(MAX_FRAME_BYTES / 2 + 1))).toBe(true);
  });
});

describe('passableCode', () => {
  it.each([
    [1000, 1000],
    [1001, 1001],
    [1008, 1008],
    [1011, 1011],
    [4000, 4000],
    [4001, 4001],
    [4002, 4002],
    [3000, 3000],
    [1005, undefined],
    [1006, 1014],
    [1015, 1014],
    [1004, 1014],
    [999, 1014],
    [5000, 1014],
  ])('%i becomes %s', (code, expected) => {
    expect(passableCode(code, 1014)).toBe(expected);
  });
});

describe('closeReason', () => {
  it('keeps short reasons and cuts long ones to 123 bytes on a character boundary', () => {
    expect(closeReason('session ended')).toBe('session ended');
    const cut = closeReason('字'.repeat(100));
    expect(new TextEncoder().encode(cut).byteLength).toBe(123);
    expect(closeReason('😀'.repeat(40))).toBe('😀'.repeat(30));
  });
});
