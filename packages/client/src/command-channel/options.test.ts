import { LIMITS } from '@tvs/envelope';
import { describe, expect, it } from 'vitest';
import { fakeWebSocket } from './fakes.test-helper.js';
import { CHANNEL_DEFAULTS, resolveChannelOptions } from './options.js';
import { TEXT_PACING_MS } from './pacer.js';

const { WebSocket } = fakeWebSocket();
const resolve = (options: object) => resolveChannelOptions('s-1', { WebSocket, ...options });

describe('resolveChannelOptions', () => {
  it('takes the protocol defaults from the envelope: heartbeats inside 30–60 s, text frames more than 1 s apart', () => {
    const resolved = resolve({});
    expect(resolved.heartbeatInterval).toBe(LIMITS.HEARTBEAT_DEFAULT_MS);
    expect(resolved.heartbeatInterval).toBeGreaterThan(LIMITS.HEARTBEAT_MIN_MS);
    expect(resolved.heartbeatInterval).toBeLessThan(LIMITS.HEARTBEAT_MAX_MS);
    expect(resolved.textInterval).toBe(TEXT_PACING_MS);
    expect(TEXT_PACING_MS).toBe(LIMITS.TEXT_INTERVAL_MS + 200);
    expect(resolved.reconnect).toEqual(CHANNEL_DEFAULTS.reconnect);
    expect(resolved.proxy).toEqual({ url: undefined, protocols: undefined });
    expect(resolved.driverType).toBeUndefined();
  });

  it('keeps what the caller sets', () => {
    const signal = new AbortController().signal;
    const resolved = resolve({
      heartbeatInterval: 150,
      textInterval: 1500,
      reconnect: { maxAttempts: 2 },
      driverType: 3,
      signal,
      url: 'https://edge.example/cc',
      protocols: 'tvs-edge-signer',
    });
    expect(resolved).toMatchObject({
      heartbeatInterval: 150,
      textInterval: 1500,
      reconnect: { ...CHANNEL_DEFAULTS.reconnect, maxAttempts: 2 },
      driverType: 3,
      signal,
      proxy: { url: 'wss://edge.example/cc', protocols: ['tvs-edge-signer'] },
    });
    expect(resolve({ reconnect: false }).reconnect).toBe(false);
  });

  it('refuses a text interval of one second or less: the page wants more than one second', () => {
    expect(() => resolve({ textInterval: LIMITS.TEXT_INTERVAL_MS })).toThrow(
      /textInterval must be more than 1000 ms/,
    );
    expect(resolve({ textInterval: LIMITS.TEXT_INTERVAL_MS + 1 }).textInterval).toBe(1001);
  });

  it('names the bad option', () => {
    const rows: Array<[unknown, unknown, RegExp]> = [
      ['', {}, /sessionId must be a non-empty string/],
      [42, {}, /sessionId must be a non-empty string/],
      ['s', null, /options must be an object/],
      ['s', { driverType: 2 }, /driverType must be 1 or 3/],
      ['s', { heartbeatInterval: 0 }, /heartbeatInterval must be a positive number/],
      ['s', { heartbeatInterval: Number.NaN }, /heartbeatInterval/],
      ['s', { textInterval: '1100' }, /textInterval must be a positive number/],
      ['s', { reconnect: true }, /reconnect must be an object or false/],
      ['s', { reconnect: { maxAttempts: 2.5 } }, /reconnect.maxAttempts must be a positive whole/],
      ['s', { reconnect: { baseDelay: -1 } }, /reconnect.baseDelay/],
      ['s', { reconnect: { maxDelay: Number.POSITIVE_INFINITY } }, /reconnect.maxDelay/],
      ['s', { signal: 'abort' }, /signal must be an AbortSignal/],
      ['s', { WebSocket: 5 }, /WebSocket must be a WebSocket constructor/],
      ['s', { url: 'ftp://x.example/' }, /url must be an absolute ws\(s\) or http\(s\) URL/],
    ];
    for (const [sessionId, options, message] of rows) {
      const extra = options === null ? null : { WebSocket, ...(options as object) };
      expect(() => resolveChannelOptions(sessionId, extra as never)).toThrow(TypeError);
      expect(() => resolveChannelOptions(sessionId, extra as never)).toThrow(message);
    }
  });
});
