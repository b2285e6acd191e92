import { CHANNEL_CLOSE_CODES, SESSION_STATUS, type SessionStat } from '@tvs/envelope';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TvsChannelError } from '../errors/tvs-channel-error.js';
import { backoff } from '../retry-policy.js';
import { channelErrorFactory } from './channel-errors.js';
import { ChannelConnection, type ConnectionConfig } from './connection.js';
import { fakeWebSocket } from './fakes.test-helper.js';
import { CHANNEL_DEFAULTS } from './options.js';
import { closeVerdict } from './verdicts.js';

const SESSION = 'session-1';
const RUNNING: SessionStat = { SessionStatus: SESSION_STATUS.READY, IsSessionStarted: true };

function setUp(config: Partial<ConnectionConfig> = {}) {
  const { WebSocket, sockets } = fakeWebSocket();
  const events: string[] = [];
  const delays: number[] = [];
  const received: string[] = [];
  let urls = 0;
  const closed: Array<TvsChannelError | undefined> = [];
  const stat = vi.fn(async (_sessionId: string) => RUNNING);
  const connection = new ChannelConnection(
    {
      sessionId: SESSION,
      url: () => `wss://gw.example/ws?requestid=${SESSION}&n=${++urls}`,
      WebSocket,
      protocols: undefined,
      heartbeatInterval: 45_000,
      reconnect: { maxAttempts: 3, baseDelay: 100, maxDelay: 300 },
      stat,
      logger: undefined,
      error: channelErrorFactory(SESSION),
      ...config,
    },
    {
      opened: () => events.push('open'),
      received: (text) => received.push(text),
      endedBy: (code) => closeVerdict(code, undefined),
      reconnecting: (attempt, delayMs, code) => {
        events.push(`reconnecting ${attempt} ${code}`);
        delays.push(delayMs);
      },
      closed: (error) => {
        events.push(`closed ${error?.reason ?? 'by caller'}`);
        closed.push(error);
      },
    },
  );
  return { connection, sockets, events, delays, received, closed, stat };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('ChannelConnection', () => {
  it('queues frames until the socket opens, then sends them in order', () => {
    const { connection, sockets, events } = setUp();
    connection.start();
    connection.send('one');
    connection.send('two');
    expect(connection.state).toBe('connecting');
    sockets[0]!.open();
    expect(events).toEqual(['open']);
    expect(connection.state).toBe('open');
    connection.send('three');
    expect(sockets[0]!.sent).toEqual(['one', 'two', 'three']);
  });

  it('sends a heartbeat frame with a fresh ReqId every heartbeatInterval while open', () => {
    const { connection, sockets } = setUp({ heartbeatInterval: 1000 });
    connection.start();
    sockets[0]!.open();
    vi.advanceTimersByTime(3500);
    const beats = sockets[0]!.frames();
    expect(beats).toHaveLength(3);
    for (const beat of beats) {
      expect(beat.Payload).toMatchObject({ Command: 'SEND_HEARTBEAT', Data: { Text: 'PING' } });
    }
    expect(new Set(beats.map((b) => b.Payload.ReqId)).size).toBe(3);
    connection.finish(undefined);
    vi.advanceTimersByTime(5000);
    expect(sockets[0]!.sent).toHaveLength(3);
  });

  it('reconnects with the client backoff: a dropped open socket within baseDelay, a failed upgrade doubling to maxDelay', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const policy = { maxAttempts: 3, baseDelay: 100, maxDelay: 300 };
    const { connection, sockets, events, delays, stat } = setUp({ reconnect: policy });
    connection.start();
    sockets[0]!.open();
    sockets[0]!.drop();
    expect(connection.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(delays[0]!);
    expect(stat).not.toHaveBeenCalled(); // the socket was open: the session runs
    sockets[1]!.drop(); // the upgrade fails
    await vi.advanceTimersByTimeAsync(delays[1]!);
    expect(stat).toHaveBeenCalledTimes(1);
    sockets[2]!.drop();
    await vi.advanceTimersByTimeAsync(delays[2]!);
    sockets[3]!.drop();
    expect(delays).toEqual([1, 2, 3].map((n) => backoff(policy, n, () => 0.5)));
    expect(delays).toEqual([50, 100, 150]);
    expect(events).toEqual([
      'open',
      'reconnecting 1 1006',
      'reconnecting 2 1006',
      'reconnecting 3 1006',
      'closed connect-failed',
    ]);
    expect(connection.error?.message).toMatch(/could not connect after 3 attempts/);
    expect(sockets.map((s) => new URL(s.url).searchParams.get('n'))).toEqual(['1', '2', '3', '4']);
  });

  it('ends at once on the session-ended and replaced close codes', () => {
    for (const [code, reason] of [
      [CHANNEL_CLOSE_CODES.SESSION_ENDED, 'session-ended'],
      [CHANNEL_CLOSE_CODES.REPLACED, 'replaced'],
    ] as const) {
      const { connection, sockets, events } = setUp();
      connection.start();
      sockets[0]!.open();
      sockets[0]!.drop(code);
      expect(events).toEqual(['open', `closed ${reason}`]);
      expect(connection.error).toMatchObject({ reason, closeCode: code });
    }
  });

  it('stops with the reason statsession gives when the upgrade is refused', async () => {
    const stat = vi.fn(async () => ({
      SessionStatus: SESSION_STATUS.READY,
      IsSessionStarted: false,
    }));
    const { connection, sockets, events } = setUp({ stat });
    connection.start();
    sockets[0]!.drop();
    await vi.runAllTimersAsync();
    expect(events).toEqual(['reconnecting 1 1006', 'closed connect-failed']);
    expect(connection.error?.message).toMatch(/not started: call sessions.start first/);
    expect(sockets).toHaveLength(1);
  });

  it('keeps backing off while statsession itself fails', async () => {
    const stat = vi.fn(async (): Promise<SessionStat> => {
      throw new Error('unreachable');
    });
    const { connection, sockets } = setUp({ stat });
    connection.start();
    sockets[0]!.drop();
    await vi.runOnlyPendingTimersAsync();
    expect(sockets).toHaveLength(2);
    expect(connection.state).toBe('connecting');
  });

  it('with reconnect: false, the first drop ends the channel', () => {
    const { connection, sockets, events } = setUp({ reconnect: false });
    connection.start();
    sockets[0]!.open();
    sockets[0]!.drop(1001);
    expect(events).toEqual(['open', 'closed connect-failed']);
    expect(connection.error?.message).toMatch(/closed \(code 1001\) and reconnect is off/);
  });

  it('refuses frames past the outbox limit, and every frame once closed', () => {
    const { connection } = setUp();
    connection.start();
    for (let i = 0; i < CHANNEL_DEFAULTS.maxOutbox; i++) connection.send(`frame ${i}`);
    expect(() => connection.send('one too many')).toThrow(
      expect.objectContaining({ reason: 'overflow' }),
    );
    connection.finish(undefined);
    expect(() => connection.send('late')).toThrow(expect.objectContaining({ reason: 'closed' }));
  });

  it('close() closes the socket with 1000, reports once, and ignores the old socket afterwards', async () => {
    const { connection, sockets, events, received } = setUp();
    connection.start();
    sockets[0]!.open();
    await connection.close();
    expect(sockets[0]!.closedWith).toEqual({ code: 1000, reason: 'client closing' });
    sockets[0]!.receive('late message');
    await connection.close();
    expect(events).toEqual(['open', 'closed by caller']);
    expect(received).toEqual([]);
    expect(connection.state).toBe('closed');
  });

  it('delivers text and binary messages as text', async () => {
    const { connection, sockets, received } = setUp();
    connection.start();
    sockets[0]!.open();
    sockets[0]!.receive('{"a":1}');
    sockets[0]!.receive(new TextEncoder().encode('{"b":2}'));
    await vi.waitFor(() => expect(received).toEqual(['{"a":1}', '{"b":2}']));
  });
});
