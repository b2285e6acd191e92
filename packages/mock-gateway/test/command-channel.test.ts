import { COMMAND_CHANNEL_PATH } from '@tvs/envelope';
import { createMockGateway } from '@tvs/mock-gateway';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Frame, reqId, S, setup, statuses } from './session-env.js';
import { APPKEY, post, signedUrl, TOKEN } from './sign.js';

describe('the command channel, on the virtual clock', () => {
  it('refuses the upgrade: bad signature, no requestid, unknown session, before startsession', async () => {
    const { gateway, call, SessionId, channelUrl } = await setup();
    const refused = (url: string) => {
      const verdict = gateway.commandChannel.authorize(url);
      return verdict.ok ? 'accepted' : [verdict.httpStatus, verdict.code];
    };
    expect(refused(channelUrl({ requestid: SessionId }, 'wrong-token'))).toEqual([401, 100005]);
    expect(refused(channelUrl({}))).toEqual([400, 100001]);
    expect(refused(channelUrl({ requestid: 'f'.repeat(32) }))).toEqual([404, 110018]);
    expect(refused(channelUrl())).toEqual([409, 110016]);
    const verdict = gateway.commandChannel.authorize(channelUrl());
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(JSON.parse(verdict.body).Header.Code).toBe(110016);
    await call(`${S}startsession`, { SessionId });
    expect(gateway.commandChannel.authorize(channelUrl())).toMatchObject({
      ok: true,
      sessionId: SessionId,
      appkey: APPKEY,
    });
    const upgrades = gateway.calls.filter((c) => c.path === COMMAND_CHANNEL_PATH);
    expect(upgrades.map((c) => c.httpStatus)).toEqual([401, 400, 404, 409, 409, 101]);
    expect(upgrades[0]!.authFailure).toBe('bad-signature');
  });

  it('SEND_TEXT: TextStart → TextOver echoing the ReqId, paced to one per second', async () => {
    const { gateway, call, SessionId, connect } = await setup();
    await call(`${S}startsession`, { SessionId });
    const channel = connect();
    const id = reqId();
    channel.send('SEND_TEXT', { Text: 'Hello, how can I help?' }, id);
    expect(statuses(channel.received)).toEqual([[3, 'WaitingTextStart']]);
    await gateway.clock.advance(500);
    channel.send('SEND_TEXT', { Text: 'too soon' });
    expect(statuses(channel.received).at(-1)).toEqual([9, 'Error', 100012]);
    await gateway.clock.advance(10_000);
    const mine = channel.received.filter((f) => f.Payload.ReqId === id);
    expect(mine.map((f) => f.Payload.SpeakStatus)).toEqual([
      'WaitingTextStart',
      'TextStart',
      'TextOver',
    ]);
    expect(mine.every((f) => f.Payload.SessionId === SessionId && f.Payload.Type === 3)).toBe(true);
  });

  it('SEND_TEXT with Interrupt cuts the current speech short', async () => {
    const { gateway, call, SessionId, connect } = await setup();
    await call(`${S}startsession`, { SessionId });
    const channel = connect();
    const first = reqId();
    channel.send('SEND_TEXT', { Text: 'A very long story that goes on and on and on.' }, first);
    await gateway.clock.advance(1001);
    channel.send('SEND_TEXT', { Text: 'Stop!', Interrupt: true });
    const over = channel.received.find(
      (f) => f.Payload.ReqId === first && f.Payload.SpeakStatus === 'TextOver',
    );
    // Cut short at once, long before the story's end; only the gateway's record says why.
    expect(over).toBeDefined();
    expect(over!.Payload).not.toHaveProperty('Interrupted');
    const record = gateway.sessions.get(SessionId)!.drives.find((d) => d.reqId === first);
    expect(record).toMatchObject({ interrupted: true, speakStatus: 'TextOver' });
  });

  it('SEND_STREAMTEXT: Seq from 1 in order, chunks ≤ 2000 bytes, IsFinal ends it', async () => {
    const { gateway, call, SessionId, connect } = await setup();
    await call(`${S}startsession`, { SessionId });
    const channel = connect();
    const id = reqId();
    channel.send('SEND_STREAMTEXT', { Text: 'Once upon ', Seq: 1, IsFinal: false }, id);
    channel.send('SEND_STREAMTEXT', { Text: 'a time.', Seq: 2, IsFinal: false }, id);
    channel.send('SEND_STREAMTEXT', { Text: '', Seq: 3, IsFinal: true }, id);
    await gateway.clock.advance(10_000);
    expect(
      channel.received.filter((f) => f.Payload.ReqId === id).map((f) => f.Payload.SpeakStatus),
    ).toEqual(['WaitingTextStart', 'WaitingTextOver', 'TextStart', 'TextOver']);
    const drive = gateway.sessions.get(SessionId)!.drives.at(-1)!;
    expect(drive).toMatchObject({
      kind: 'stream',
      text: 'Once upon a time.',
      packets: 3,
      final: true,
    });

    const errors: number[] = [];
    const last = () => channel.received.at(-1)!.Payload;
    channel.send('SEND_STREAMTEXT', { Text: 'x', Seq: 2, IsFinal: false });
    errors.push(last().Code);
    const bad = reqId();
    channel.send('SEND_STREAMTEXT', { Text: 'x', Seq: 1 }, bad);
    channel.send('SEND_STREAMTEXT', { Text: 'x', Seq: 3 }, bad);
    expect(last()).toMatchObject({ Type: 9, ReqId: bad, Code: 100002, SpeakStatus: 'Error' });
    expect(last().Message).toMatch(/Seq 3 out of order: expected 2/);
    const count = channel.received.length;
    channel.send('SEND_STREAMTEXT', { Text: 'x', Seq: 2 }, bad); // aborted: ignored
    expect(channel.received).toHaveLength(count);
    channel.send('SEND_STREAMTEXT', { Text: 'a'.repeat(2001), Seq: 1 });
    errors.push(last().Code);
    channel.send('SEND_STREAMTEXT', { Text: 'a', Seq: 1, IsFinal: 'yes' });
    errors.push(last().Code);
    channel.send('SEND_STREAMTEXT', { Text: id, Seq: 1, IsFinal: true }, id); // finished sequence
    errors.push(last().Code);
    expect(errors).toEqual([100002, 100002, 100003, 100002]);
  });

  it('SEND_AUDIO: 5120-byte chunks, paced (6 at once, then one per 120 ms), empty final, RTF measured', async () => {
    const { gateway, call, SessionId, connect } = await setup();
    await call(`${S}startsession`, { SessionId });
    const channel = connect();
    const id = reqId();
    const chunk = Buffer.alloc(5120, 1).toString('base64');
    for (let seq = 1; seq <= 6; seq++)
      channel.send('SEND_AUDIO', { Audio: chunk, Seq: seq, IsFinal: false }, id);
    for (let seq = 7; seq <= 25; seq++) {
      await gateway.clock.advance(136);
      channel.send('SEND_AUDIO', { Audio: chunk, Seq: seq, IsFinal: false }, id);
    }
    await gateway.clock.advance(136);
    channel.send('SEND_AUDIO', { Audio: '', Seq: 26, IsFinal: true }, id);
    await gateway.clock.advance(5000);
    expect(
      channel.received.filter((f) => f.Payload.ReqId === id).map((f) => f.Payload.SpeakStatus),
    ).toEqual(['WaitingAudioStart', 'AudioStart', 'WaitingAudioOver', 'AudioOver']);
    expect(channel.received.at(-1)!.Payload.FinalType).toBe(1);
    const audio = gateway.sessions.get(SessionId)!.drives.at(-1)!.audio!;
    expect(audio).toMatchObject({ bytes: 25 * 5120, durationMs: 4000 });
    expect(audio.realTimeFactor).toBeCloseTo((20 * 136) / 4000, 5);
  });

  it('SEND_AUDIO refusals: too fast, wrong sizes, non-empty final, DriverType 1', async () => {
    const { gateway, call, SessionId, connect } = await setup();
    await call(`${S}startsession`, { SessionId });
    const channel = connect();
    const chunk = Buffer.alloc(5120).toString('base64');
    const last = () => channel.received.at(-1)!.Payload;
    const fast = reqId();
    for (let seq = 1; seq <= 8; seq++)
      channel.send('SEND_AUDIO', { Audio: chunk, Seq: seq, IsFinal: false }, fast);
    expect(last()).toMatchObject({ Type: 9, ReqId: fast, Code: 100012 });
    expect(channel.received.filter((f) => f.Payload.Type === 9)).toHaveLength(1); // the 8th; sequence aborted
    const codes: number[] = [];
    channel.send('SEND_AUDIO', { Audio: Buffer.alloc(5121).toString('base64'), Seq: 1 });
    codes.push(last().Code);
    channel.send('SEND_AUDIO', { Audio: Buffer.alloc(101).toString('base64'), Seq: 1 });
    codes.push(last().Code);
    channel.send('SEND_AUDIO', { Audio: 'not base64!', Seq: 1 });
    codes.push(last().Code);
    const short = reqId();
    channel.send('SEND_AUDIO', { Audio: Buffer.alloc(1000).toString('base64'), Seq: 1 }, short);
    await gateway.clock.advance(200);
    channel.send('SEND_AUDIO', { Audio: chunk, Seq: 2 }, short);
    codes.push(last().Code);
    const nonEmpty = reqId();
    channel.send('SEND_AUDIO', { Audio: chunk, Seq: 1 }, nonEmpty);
    channel.send('SEND_AUDIO', { Audio: chunk, Seq: 2, IsFinal: true }, nonEmpty);
    codes.push(last().Code);
    expect(codes).toEqual([100002, 100002, 100002, 100002, 100002]);

    const text = await setup({}, 1);
    await text.call(`${S}startsession`, { SessionId: text.SessionId });
    const textChannel = text.connect();
    textChannel.send('SEND_AUDIO', { Audio: chunk, Seq: 1, IsFinal: false });
    expect(textChannel.received.at(-1)!.Payload).toMatchObject({ Type: 9, Code: 100003 });
    expect(textChannel.received.at(-1)!.Payload.Message).toMatch(/DriverType 3/);
    expect(gateway.sessions.get(SessionId)!.refusals.length).toBeGreaterThanOrEqual(6);
  });

  it('heartbeats, malformed frames, a foreign SessionId, unknown commands', async () => {
    const { gateway, call, SessionId, connect } = await setup();
    await call(`${S}startsession`, { SessionId });
    const channel = connect();
    channel.send('SEND_HEARTBEAT', { Text: 'PING' });
    expect(channel.received).toHaveLength(0);
    expect(gateway.sessions.get(SessionId)!.heartbeats).toBe(1);
    const codes: number[] = [];
    const last = () => channel.received.at(-1)!.Payload;
    channel.send('SEND_HEARTBEAT', { Text: 'PONG' });
    codes.push(last().Code);
    channel.connection.receive('{not json');
    codes.push(last().Code);
    channel.connection.receive(new Uint8Array([1, 2, 3]));
    codes.push(last().Code);
    channel.connection.receive(
      JSON.stringify({ Payload: { ReqId: 'x', SessionId, Command: 'SEND_TEXT', Data: {} } }),
    );
    codes.push(last().Code);
    channel.send('SEND_TEXT', { Text: 'hi' }, reqId(), 'someone-else');
    codes.push(last().Code);
    channel.send('SEND_VIDEO', {});
    codes.push(last().Code);
    channel.send('SEND_TEXT', { Text: 'a blockedword' });
    codes.push(last().Code);
    // A foreign SessionId is a bad value (100002); 1240/100406 lists no code of its own for it.
    expect(codes).toEqual([100002, 100001, 100001, 100001, 100002, 100003, 801005]);
    expect(channel.received.every((f) => f.Header.Code === f.Payload.Code)).toBe(true);
  });

  it('a reconnect gets the last 3 drive statuses; a newer socket replaces an older one', async () => {
    const { gateway, call, SessionId, connect } = await setup();
    await call(`${S}startsession`, { SessionId });
    const first = connect();
    const ids = [reqId(), reqId(), reqId(), reqId()];
    for (const id of ids) {
      first.send('SEND_TEXT', { Text: `Sentence ${id.slice(-3)}.` }, id);
      await gateway.clock.advance(1001);
    }
    await gateway.clock.advance(20_000);
    const second = connect();
    expect(first.closes).toEqual([[4002, 'replaced by a newer connection']]);
    expect(second.received.map((f) => [f.Payload.ReqId, f.Payload.SpeakStatus])).toEqual(
      ids.slice(1).map((id) => [id, 'TextOver']),
    );
    expect(gateway.sessions.get(SessionId)).toMatchObject({ connections: 2, channelOpen: true });
  });

  it('idle sockets close (4000) after socketIdleMs; closing the session closes the socket (4001)', async () => {
    const { gateway, call, SessionId, connect } = await setup({ socketIdleMs: 60_000 });
    await call(`${S}startsession`, { SessionId });
    const channel = connect();
    await gateway.clock.advance(30_000);
    channel.send('SEND_HEARTBEAT', { Text: 'PING' });
    await gateway.clock.advance(59_999);
    expect(channel.closes).toEqual([]);
    await gateway.clock.advance(1);
    expect(channel.closes).toEqual([[4000, 'idle: no data either way for too long']]);
    expect(gateway.sessions.get(SessionId)!.status).toBe(1);

    const again = connect();
    gateway.sessions.fail(SessionId);
    expect(again.received.at(-1)!.Payload).toMatchObject({ Type: 9, Code: -101001 });
    expect(again.closes[0]![0]).toBe(4001);
  });
});

describe('the command channel over a real socket (ws)', () => {
  const servers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of servers.splice(0)) await close();
  });

  async function live() {
    const gateway = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      sessions: { prepareMs: 0, speechSpeed: 20 },
    });
    const server = await gateway.listen();
    servers.push(async () => {
      await server.close();
      gateway.close();
    });
    const ws = server.url.replace(/^http/, 'ws');
    const now = () => Math.floor(Date.now() / 1000);
    const call = async (path: string, payload: Record<string, unknown>) =>
      (
        await post(signedUrl(server.url, path, { timestamp: now() }), {
          ReqId: reqId(),
          ...payload,
        })
      ).json as Frame;
    const SessionId = (
      await call(`${S}createsession`, {
        VirtualmanProjectId: 'p',
        UserId: 'live',
        Protocol: 'webrtc',
        DriverType: 1,
      })
    ).Payload.SessionId as string;
    const url = (token?: string) =>
      signedUrl(ws, COMMAND_CHANNEL_PATH, {
        timestamp: now(),
        extra: { requestid: SessionId },
        ...(token ? { token } : {}),
      });
    return { gateway, call, SessionId, url };
  }

  function open(url: string) {
    const socket = new WebSocket(url);
    const messages: Frame[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    const status = new Promise<number | 'open'>((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      socket.once('error', () => resolve(0));
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const until = async (predicate: () => boolean, ms = 5000) => {
      const end = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > end) throw new Error('timed out waiting');
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    return { socket, messages, status, closed, until };
  }

  it('refuses upgrades with the HTTP status, then serves a conversation', async () => {
    const { call, SessionId, url } = await live();
    expect(await open(url()).status).toBe(409); // before startsession
    expect(await open(url('bad-token')).status).toBe(401);
    await call(`${S}startsession`, { SessionId });
    const client = open(url());
    expect(await client.status).toBe('open');
    const id = reqId();
    client.socket.send(
      JSON.stringify({
        Header: {},
        Payload: { ReqId: id, SessionId, Command: 'SEND_TEXT', Data: { Text: 'Hi there!' } },
      }),
    );
    await client.until(() => client.messages.some((m) => m.Payload.SpeakStatus === 'TextOver'));
    expect(client.messages.map((m) => m.Payload.SpeakStatus)).toEqual([
      'WaitingTextStart',
      'TextStart',
      'TextOver',
    ]);
    await call(`${S}closesession`, { SessionId });
    expect(await client.closed).toBe(4001);
  });

  it('dropChannel drops the socket abruptly (1006); the session stays open', async () => {
    const { gateway, call, SessionId, url } = await live();
    await call(`${S}startsession`, { SessionId });
    const client = open(url());
    await client.status;
    expect(gateway.sessions.dropChannel(SessionId)).toBe(true);
    expect(await client.closed).toBe(1006);
    expect(gateway.sessions.get(SessionId)).toMatchObject({ status: 1, channelOpen: false });
    expect(gateway.sessions.dropChannel(SessionId)).toBe(false);
  });
});
