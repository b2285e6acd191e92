import { inspect } from 'node:util';
import {
  API_CODES,
  CHANNEL_CLOSE_CODES,
  DOWNLINK_TYPE,
  SESSION_STATUS,
  type SessionStat,
} from '@tvs/envelope';
import { createSigner } from '@tvs/signer';
import { describe, expect, it } from 'vitest';
import { TvsChannelError } from '../errors/tvs-channel-error.js';
import { type ChannelDeps, CommandChannel, type CommandChannelOptions } from './channel.js';
import type { ChannelCloseEvent, ChannelReconnectEvent } from './events.js';
import { fakeWebSocket } from './fakes.test-helper.js';

const SESSION = 'm318552187863054171';
const TOKEN = 'tok-SECRET-channel-unit-0123456789';
const BASE = 'https://gw.example';

function setUp(options: CommandChannelOptions = {}, deps: Partial<ChannelDeps> = {}) {
  let ms = 1_717_639_699_000;
  const signer = createSigner({ appkey: 'app-1', accessToken: TOKEN }, { now: () => ms });
  const { WebSocket, sockets } = fakeWebSocket();
  const channel = new CommandChannel(
    {
      baseUrl: BASE,
      signUrl: (url, params) => {
        ms += 1000; // each attempt signs at its own time
        return signer.signUrl(url, params);
      },
      stat: async (): Promise<SessionStat> => ({
        SessionStatus: SESSION_STATUS.READY,
        IsSessionStarted: true,
      }),
      driverType: async () => 3,
      logger: undefined,
      ...deps,
    },
    SESSION,
    { WebSocket, reconnect: { baseDelay: 1, maxDelay: 2 }, ...options },
  );
  return { channel, sockets };
}

const message = (fields: object) => JSON.stringify({ Header: {}, Payload: fields });

describe('CommandChannel (the facade, on an in-memory socket)', () => {
  it('connects to the signed gateway URL, requestid = SessionId, signed afresh on reconnection', async () => {
    const { channel, sockets } = setUp();
    sockets[0]!.open();
    await channel.opened();
    const reconnecting = new Promise<ChannelReconnectEvent>((resolve) =>
      channel.on('reconnecting', resolve),
    );
    sockets[0]!.drop();
    expect((await reconnecting).attempt).toBe(1);
    await expect.poll(() => sockets.length).toBe(2);
    const [first, second] = sockets.map((s) => new URL(s.url));
    for (const url of [first!, second!]) {
      expect(url.origin + url.pathname).toBe(
        `${BASE.replace('https', 'wss')}/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel`,
      );
      expect(url.searchParams.get('requestid')).toBe(SESSION);
    }
    expect(first!.searchParams.get('timestamp')).not.toBe(second!.searchParams.get('timestamp'));
    expect(first!.searchParams.get('signature')).not.toBe(second!.searchParams.get('signature'));
    expect(sockets[0]!.protocols).toBeUndefined();
    await channel.close();
  });

  it('interrupt() sends the documented interrupt frame over the socket', async () => {
    const { channel, sockets } = setUp();
    sockets[0]!.open();
    const sent = await channel.interrupt();
    expect(sockets[0]!.frames()).toEqual([
      {
        Header: {},
        Payload: {
          ReqId: sent.reqId,
          SessionId: SESSION,
          Command: 'SEND_TEXT',
          Data: { Interrupt: true },
        },
      },
    ]);
    await channel.close();
    await expect(channel.interrupt()).rejects.toMatchObject({ reason: 'closed' });
  });

  it('routes each downlink message to events, iterators and the drive it finishes', async () => {
    const { channel, sockets } = setUp();
    sockets[0]!.open();
    const drive = await channel.sendText('Hello!');
    const iterator = channel.messages();
    const seen: unknown[] = [];
    channel.on('message', ({ message }) => seen.push(message.SpeakStatus));
    const statuses = ['TextStart', 'TextOver'];
    sockets[0]!.receive('not json'); // skipped
    for (const SpeakStatus of statuses) {
      sockets[0]!.receive(message({ Type: DOWNLINK_TYPE.STATUS, ReqId: drive.reqId, SpeakStatus }));
    }
    expect((await drive.finished()).SpeakStatus).toBe('TextOver');
    expect(seen).toEqual(statuses);
    expect((await iterator.next()).value).toMatchObject({ SpeakStatus: 'TextStart' });
    expect((await channel.waitFor(drive.reqId)).SpeakStatus).toBe('TextOver');
    await channel.close();
    expect((await iterator.next()).value).toMatchObject({ SpeakStatus: 'TextOver' });
    expect((await iterator.next()).done).toBe(true);
  });

  // ReqId is a required field (1240/100401): a message about no drive may carry it empty.
  it.each([
    ['without a ReqId', {}],
    ['with an empty ReqId', { ReqId: '' }],
  ])('a session that ends says why (the last Type 9 %s), and rejects what waits', async (_, id) => {
    const { channel, sockets } = setUp();
    sockets[0]!.open();
    const drive = await channel.sendText('Hello!');
    const waiting = drive.finished();
    const closed = new Promise<ChannelCloseEvent>((resolve) => channel.on('close', resolve));
    sockets[0]!.receive(
      message({
        Type: DOWNLINK_TYPE.DRIVE_FAILED,
        ...id,
        Code: API_CODES.SESSION_REPLACED,
        Message: 'taken over',
      }),
    );
    sockets[0]!.drop(CHANNEL_CLOSE_CODES.SESSION_ENDED);
    const { error } = await closed;
    expect(error).toMatchObject({
      reason: 'session-ended',
      gatewayCode: API_CODES.SESSION_REPLACED,
      closeCode: CHANNEL_CLOSE_CODES.SESSION_ENDED,
    });
    expect(error?.message).toBe(`commandChannel ${SESSION}: the session ended: taken over`);
    await expect(waiting).rejects.toBe(error);
    expect(channel.state).toBe('closed');
    expect(channel.error).toBe(error);
    await expect(channel.messages().next()).rejects.toBe(error);
  });

  it('closes at the end of an await using block, and on abort', async () => {
    let closedByBlock = false;
    {
      await using channel = setUp().channel;
      channel.on('close', () => {
        closedByBlock = true;
      });
      expect(channel.state).toBe('connecting');
    }
    expect(closedByBlock).toBe(true);

    const controller = new AbortController();
    const { channel, sockets } = setUp({ signal: controller.signal });
    sockets[0]!.open();
    controller.abort();
    expect(channel.state).toBe('closed');
    expect(sockets[0]!.closedWith).toEqual({ code: 1000, reason: 'client closing' });

    const aborted = setUp({ signal: AbortSignal.abort() });
    await expect(aborted.channel.opened()).rejects.toMatchObject({ reason: 'closed' });
    expect(aborted.sockets).toEqual([]); // never connected
  });

  it('a WebSocket that quotes the signed URL in its error: the channel error keeps no signature and no token', async () => {
    const error = await setUp(
      {
        reconnect: false,
        WebSocket: class {
          constructor(url: string) {
            throw new SyntaxError(`Invalid URL: ${url}`);
          }
        },
      },
      { logger: undefined },
    )
      .channel.opened()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsChannelError);
    expect(error).toMatchObject({ reason: 'connect-failed', closeCode: 1006 });
    const printed = [
      String(error),
      JSON.stringify(error),
      inspect(error, { showHidden: true, depth: 10, getters: true }),
      (error as Error).stack,
    ].join('\n');
    expect(printed).toContain('Invalid URL: wss://gw.example/');
    expect(printed).toContain('signature=REDACTED');
    expect(printed).not.toMatch(/signature=(?!REDACTED)[^&\s"']+/);
    expect(printed).not.toContain(TOKEN);
  });
});
