// The command channel through the Worker, in workerd, against the mock gateway on loopback:
// real sockets from Node's WebSocket (the one @tvs/client uses) to workerd, and from workerd to
// the mock gateway's `ws` server.
import { createClient, TvsChannelError, type TvsClient } from '@tvs/client';
import { COMMAND_CHANNEL_PATH, heartbeatFrame, textFrame } from '@tvs/envelope';
import { createMockGateway, type ListeningGateway, type MockGateway } from '@tvs/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN,
  APPKEY,
  authed,
  BEARER,
  defaultBindings,
  OTHER_ORIGIN,
  PROTOCOLS,
  secretsIn,
  startWorker,
  upgrade,
  type WorkerHandle,
} from './harness.js';

const PROJECT = {
  VirtualmanProjectId: 'proj-edge',
  Protocol: 'webrtc' as const,
  DriverType: 1 as const,
};

let gateway: MockGateway;
let server: ListeningGateway;
let worker: WorkerHandle;
/** Talks to the mock directly, with credentials: the session lifecycle is not under test. */
let direct: TvsClient;
let users = 0;

beforeAll(async () => {
  gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: ACCESS_TOKEN }],
    sessions: { prepareMs: 100, speechSpeed: 100, maxConcurrent: 16 },
  });
  server = await gateway.listen();
  worker = await startWorker(defaultBindings(server.url));
  direct = createClient({ appkey: APPKEY, accessToken: ACCESS_TOKEN, baseUrl: server.url });
});
afterAll(async () => {
  await worker.dispose();
  await server.close();
  gateway.close();
});

/** A started session on the mock gateway. */
async function startedSession(DriverType: 1 | 3 = 1): Promise<string> {
  users += 1;
  const { SessionId } = await direct.sessions.create({
    ...PROJECT,
    UserId: `edge-user-${users}`,
    DriverType,
  });
  await direct.sessions.waitReady(SessionId, { pollInterval: 50 });
  await direct.sessions.start({ SessionId });
  return SessionId;
}

/** `@tvs/client`'s channel pointed at the Worker, as a page would open it. */
const throughWorker = (sessionId: string, driverType: 1 | 3) =>
  direct.commandChannel(sessionId, {
    url: `${worker.socketOrigin}${COMMAND_CHANNEL_PATH}`,
    protocols: PROTOCOLS,
    driverType,
    reconnect: false,
  });

const channelUrl = (sessionId: string) =>
  `${worker.socketOrigin}${COMMAND_CHANNEL_PATH}?requestid=${sessionId}`;

/** What a raw socket saw: messages, and how it closed. */
interface Watched {
  socket: WebSocket;
  messages: string[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

function watch(url: string, protocols: string[] = PROTOCOLS): Watched {
  const socket = new WebSocket(url, protocols);
  const messages: string[] = [];
  socket.addEventListener('message', (event) => messages.push(String(event.data)));
  return {
    socket,
    messages,
    opened: new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('close', () => reject(new Error('closed before opening')));
    }),
    closed: new Promise((resolve) =>
      socket.addEventListener('close', (event) =>
        resolve({ code: event.code, reason: event.reason }),
      ),
    ),
  };
}

describe('the command channel through the Worker', () => {
  it('a conversation: SEND_TEXT through @tvs/client (url, protocols) ends in TextOver', async () => {
    const sessionId = await startedSession(1);
    const channel = throughWorker(sessionId, 1);
    const statuses: string[] = [];
    channel.on('message', ({ message }) => statuses.push(String(message.SpeakStatus)));
    await channel.opened();
    const drive = await channel.sendText('Hello through the edge signer.');
    const final = await drive.finished({ timeout: 15_000 });
    await channel.close();

    expect(final).toMatchObject({
      SessionId: sessionId,
      ReqId: drive.reqId,
      SpeakStatus: 'TextOver',
    });
    expect(statuses).toEqual(expect.arrayContaining(['TextStart', 'TextOver']));
    expect(gateway.sessions.get(sessionId)!.drives).toMatchObject([
      {
        reqId: drive.reqId,
        kind: 'text',
        source: 'channel',
        text: 'Hello through the edge signer.',
      },
    ]);
    // The Worker signed the upgrade itself: requestid is the SessionId, the signature verified.
    const upgrade = gateway.calls.filter((call) => call.path === COMMAND_CHANNEL_PATH).at(-1)!;
    expect(upgrade).toMatchObject({ httpStatus: 101, appkey: APPKEY, verdict: 'ok' });
    expect(upgrade.authFailure).toBeUndefined();
  });

  it('an audio push: SEND_AUDIO through the Worker ends in AudioOver', async () => {
    const sessionId = await startedSession(3);
    const channel = throughWorker(sessionId, 3);
    await channel.opened();
    // Half a second of 16 kHz 16-bit mono silence: four 5120-byte chunks and a short one.
    const pushed = await channel.sendAudio(new Uint8Array(16_000));
    const final = await pushed.finished({ timeout: 15_000 });
    await channel.close();

    expect(final).toMatchObject({ ReqId: pushed.reqId, SpeakStatus: 'AudioOver' });
    const drive = gateway.sessions.get(sessionId)!.drives[0]!;
    expect(drive).toMatchObject({ kind: 'audio', source: 'channel', final: true });
    expect(drive.packets).toBe(pushed.chunks + 1);
  });

  it('passes heartbeats, and answers with the fixed subprotocol, never the bearer element', async () => {
    const sessionId = await startedSession(1);
    const watched = watch(channelUrl(sessionId));
    await watched.opened;
    expect(watched.socket.protocol).toBe('tvs-edge-signer');
    watched.socket.send(JSON.stringify(heartbeatFrame(sessionId)));
    await expect.poll(() => gateway.sessions.get(sessionId)!.heartbeats).toBe(1);
    watched.socket.close(1000, 'done');
    expect(await watched.closed).toMatchObject({ code: 1000 });
    await expect.poll(() => gateway.sessions.get(sessionId)!.channelOpen).toBe(false);
  });

  it('closes on a frame for another session, which never reaches the gateway', async () => {
    const sessionId = await startedSession(1);
    const other = await startedSession(1);
    const watched = watch(channelUrl(sessionId));
    await watched.opened;
    watched.socket.send(JSON.stringify(textFrame({ sessionId: other, text: 'not yours' })));
    const closed = await watched.closed;
    expect(closed.code).toBe(1008);
    expect(closed.reason).toContain('another session');
    for (const id of [sessionId, other]) {
      expect(gateway.sessions.get(id)!.drives).toEqual([]);
      expect(gateway.sessions.get(id)!.refusals).toEqual([]);
    }
    await expect.poll(() => gateway.sessions.get(sessionId)!.channelOpen).toBe(false);
  });

  it.each([
    ['binary', new Uint8Array([1, 2, 3]), 1003, 'binary'],
    ['not JSON', 'hello', 1007, 'not JSON'],
    [
      'no SessionId',
      JSON.stringify({ Header: {}, Payload: { Command: 'SEND_TEXT' } }),
      1008,
      'SessionId',
    ],
    ['oversized', 'x'.repeat(256 * 1024 + 1), 1009, 'larger than'],
  ])('closes on a %s frame with a clear reason', async (_what, frame, code, reason) => {
    const sessionId = await startedSession(1);
    const watched = watch(channelUrl(sessionId));
    await watched.opened;
    watched.socket.send(frame);
    const closed = await watched.closed;
    expect(closed.code).toBe(code);
    expect(closed.reason).toContain(reason);
    expect(gateway.sessions.get(sessionId)!.drives).toEqual([]);
  });

  it('passes the gateway closing: 4001 when the session ends, and @tvs/client says session-ended', async () => {
    const sessionId = await startedSession(1);
    const watched = watch(channelUrl(sessionId));
    await watched.opened;
    const channelId = await startedSession(1);
    const channel = throughWorker(channelId, 1);
    await channel.opened();
    const ended = new Promise<TvsChannelError | undefined>((resolve) =>
      channel.on('close', (event) => resolve(event.error)),
    );

    await direct.sessions.close({ SessionId: sessionId });
    await direct.sessions.close({ SessionId: channelId });
    expect((await watched.closed).code).toBe(4001);
    const error = await ended;
    expect(error).toBeInstanceOf(TvsChannelError);
    expect(error).toMatchObject({ reason: 'session-ended', closeCode: 4001 });
  });

  it('an abrupt drop of the gateway socket reaches the caller as 1014, not silence', async () => {
    const sessionId = await startedSession(1);
    const watched = watch(channelUrl(sessionId));
    await watched.opened;
    expect(gateway.sessions.dropChannel(sessionId)).toBe(true);
    expect((await watched.closed).code).toBe(1014);
  });
});

describe('command-channel handshakes the Worker refuses', () => {
  const path = (query: string) => `${COMMAND_CHANNEL_PATH}${query}`;

  async function refused(response: Response, status: number, error: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error });
  }

  it('403 for another origin, before anything reaches the gateway', async () => {
    const before = gateway.calls.length;
    const response = await worker.fetch(path('?requestid=abc'), upgrade({ Origin: OTHER_ORIGIN }));
    await refused(response, 403, 'origin-not-allowed');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(gateway.calls.length).toBe(before);
  });

  it('401 without a token, or with a wrong one in the subprotocol', async () => {
    for (const protocols of [
      'tvs-edge-signer',
      'tvs-edge-signer, bearer.wrong-token-wrong-token',
    ]) {
      const response = await worker.fetch(
        path('?requestid=abc'),
        upgrade({ 'Sec-WebSocket-Protocol': protocols }),
      );
      await refused(response, 401, 'unauthorized');
      expect(response.headers.get('sec-websocket-protocol')).toBeNull();
    }
  });

  it('400 for subprotocols without tvs-edge-signer, a bad SessionId or any other query', async () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      [
        '?requestid=abc',
        { 'Sec-WebSocket-Protocol': `chat, bearer.${BEARER}` },
        'invalid-protocol',
      ],
      ['', {}, 'invalid-session-id'],
      ['?requestid=a%26appkey%3Dx', {}, 'invalid-session-id'],
      [`?requestid=${'A'.repeat(129)}`, {}, 'invalid-session-id'],
      ['?requestid=abc&requestid=def', {}, 'query-not-allowed'],
      [`?requestid=abc&appkey=${APPKEY}&timestamp=1&signature=x`, {}, 'query-not-allowed'],
    ];
    for (const [query, headers, error] of cases) {
      await refused(await worker.fetch(path(query), upgrade(headers)), 400, error);
    }
  });

  it('405 for another method, 426 for a GET that is not an upgrade', async () => {
    await refused(
      await worker.fetch(path('?requestid=abc'), { method: 'POST', headers: authed(), body: '{}' }),
      405,
      'method-not-allowed',
    );
    const plain = await worker.fetch(path('?requestid=abc'), { method: 'GET', headers: authed() });
    await refused(plain, 426, 'upgrade-required');
  });

  it('502 upstream-refused, with the gateway status and Code, for a session that is not started', async () => {
    users += 1;
    const { SessionId } = await direct.sessions.create({
      ...PROJECT,
      UserId: `edge-user-${users}`,
    });
    const response = await worker.fetch(path(`?requestid=${SessionId}`), upgrade());
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('upstream-refused');
    expect(body.message).toMatch(/HTTP \d{3}, Code \d+/);
    // Refused by the gateway after the Worker signed correctly.
    const call = gateway.calls.filter((c) => c.path === COMMAND_CHANNEL_PATH).at(-1)!;
    expect(call.authFailure).toBeUndefined();
  });

  it('a server may authenticate with Authorization instead, offering no subprotocol', async () => {
    const sessionId = await startedSession(1);
    const response = await worker.fetch(path(`?requestid=${sessionId}`), {
      method: 'GET',
      headers: { Upgrade: 'websocket', Authorization: `Bearer ${BEARER}` },
    });
    expect(response.status).toBe(101);
    expect(response.headers.get('sec-websocket-protocol')).toBeNull();
    const socket = (response as unknown as { webSocket: { accept(): void; close(): void } })
      .webSocket;
    socket.accept();
    socket.close();
  });

  it('leaves no secret in any answer or log line', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secretsIn([...worker.logs, ...worker.seen.map((s) => s.headers + s.body)])).toEqual([]);
  });
});
