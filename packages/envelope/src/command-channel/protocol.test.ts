import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.js';
import { downlinkFrame } from '../server/downlink-frame.js';
import { decodeDownlinkMessage } from './downlink.js';
import { COMMAND_CHANNEL_PATH, commandChannelUrl, endsDrive } from './protocol.js';

describe('command channel protocol', () => {
  it('derives the WebSocket URL from an HTTP base, keeping a path prefix', () => {
    expect(commandChannelUrl('https://gw.tvs.qq.com')).toBe(
      `wss://gw.tvs.qq.com${COMMAND_CHANNEL_PATH}`,
    );
    expect(commandChannelUrl('http://127.0.0.1:8787/')).toBe(
      `ws://127.0.0.1:8787${COMMAND_CHANNEL_PATH}`,
    );
    expect(commandChannelUrl(new URL('https://proxy.example/tvs/'))).toBe(
      `wss://proxy.example/tvs${COMMAND_CHANNEL_PATH}`,
    );
    expect(() => commandChannelUrl('ftp://x')).toThrow(TypeError);
    expect(() => commandChannelUrl('not a url')).toThrow(TypeError);
  });

  it('audio pacing: a 160 ms chunk is 5120 bytes; one per 120 ms is 0.75× real time', () => {
    expect(LIMITS.AUDIO_CHUNK_MS * LIMITS.AUDIO_BYTES_PER_MS).toBe(LIMITS.AUDIO_CHUNK_BYTES);
    expect(LIMITS.AUDIO_MIN_INTERVAL_MS / LIMITS.AUDIO_CHUNK_MS).toBe(
      LIMITS.AUDIO_MIN_REAL_TIME_FACTOR,
    );
  });

  it('downlink frames round-trip through the lenient decoder', () => {
    const frame = downlinkFrame({
      Type: 3,
      SessionId: 's1',
      ReqId: 'a'.repeat(32),
      SpeakStatus: 'TextStart',
      Seq: 1,
    });
    expect(frame.Header).toStrictEqual({});
    const message = decodeDownlinkMessage(JSON.stringify(frame));
    expect(message).toMatchObject({ Type: 3, SessionId: 's1', SpeakStatus: 'TextStart' });
    expect(endsDrive(message)).toBe(false);
  });

  it('error frames carry Code and Message in the Header too, and end the drive', () => {
    const frame = downlinkFrame({
      Type: 9,
      SessionId: 's1',
      SpeakStatus: 'Error',
      Code: 100012,
      Message: 'RequestLimitExceeded:slow down',
    });
    expect(frame.Header).toStrictEqual({ Code: 100012, Message: 'RequestLimitExceeded:slow down' });
    expect(endsDrive(decodeDownlinkMessage(frame))).toBe(true);
    expect(endsDrive({ Type: 3, SpeakStatus: 'AudioOver' })).toBe(true);
    expect(endsDrive({ Type: 3, SpeakStatus: 'WaitingTextOver' })).toBe(false);
  });

  it('refuses frames without an integer Type or a SessionId', () => {
    expect(() => downlinkFrame({ Type: 1.5, SessionId: 's' })).toThrow(TypeError);
    expect(() => downlinkFrame({ Type: 3 } as never)).toThrow(TypeError);
  });
});
