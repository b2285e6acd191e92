import {
  type ChannelReconnectEvent,
  type DownlinkMessage,
  TvsChannelError,
  TvsSessionError,
} from '@tvs/client';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Harness, printed, startGateway, TOKEN } from './helpers.js';

const PROJECT = {
  VirtualmanProjectId: 'proj-1',
  Protocol: 'webrtc' as const,
  DriverType: 1 as const,
};
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(sessions = {}) {
  harness = await startGateway({
    sessions: { prepareMs: 300, speechSpeed: 10, maxConcurrent: 3, ...sessions },
  });
  return harness;
}

const fast = { pollInterval: 50 };

describe('sessions over a real socket', () => {
  it('a full text conversation: create → ready → start → channel → three paced texts → close', async () => {
    const { gateway, client } = await start();
    const tvs = client();
    const statuses = new Map<string, string[]>();
    const sessionId = await tvs.sessions.run(
      { ...PROJECT, UserId: 'alice' },
      async (session) => {
        expect(session.ready.SessionStatus).toBe(1);
        expect(session.created.PlayStreamAddr).toContain(session.sessionId);
        const seen: DownlinkMessage[] = [];
        session.channel.on('message', ({ message }) => seen.push(message));
        const iterator = session.channel.messages();
        const lines = ['Hello, I am your assistant.', 'How can I help?', 'Goodbye!'];
        const drives = await Promise.all(lines.map((line) => session.channel.sendText(line)));
        const finals = await Promise.all(
          drives.map((drive) => drive.finished({ timeout: 15_000 })),
        );
        expect(finals.map((m) => m.SpeakStatus)).toEqual(['TextOver', 'TextOver', 'TextOver']);
        for (const message of seen) {
          const list = statuses.get(message.ReqId!) ?? [];
          list.push(String(message.SpeakStatus));
          statuses.set(message.ReqId!, list);
        }
        for (const drive of drives) {
          expect(statuses.get(drive.reqId)).toEqual(['WaitingTextStart', 'TextStart', 'TextOver']);
        }
        // The iterator saw the same messages, in order.
        const first = await iterator.next();
        expect(first.value).toEqual(seen[0]);
        await iterator.return?.();
        return session.sessionId;
      },
      { waitReady: fast },
    );
    const mock = gateway.sessions.get(sessionId)!;
    expect(mock.status).toBe(2);
    const times = mock.drives.map((d) => d.receivedAt);
    expect(times).toHaveLength(3);
    // Queued, not refused: at least a second apart, and no refusals.
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(mock.refusals).toEqual([]);
    expect(mock.drives.every((d) => d.source === 'channel')).toBe(true);
  });

  it('a streamed reply: one ReqId, Seq from 1, 2000-byte chunks, an empty IsFinal packet', async () => {
    const { gateway, client } = await start({ speechSpeed: 200 });
    await client().sessions.run(
      { ...PROJECT, UserId: 'bob' },
      async (session) => {
        async function* llm() {
          for (const token of ['Once ', 'upon ', 'a time, ', 'there was a ', 'mock. ']) {
            await new Promise((r) => setTimeout(r, 20));
            yield token;
          }
          yield 'word '.repeat(900); // 4500 bytes: split into 3 pieces of at most 2000
        }
        const result = await session.channel.streamText(llm());
        expect(result.packets).toBe(5 + 3 + 1);
        const final = await result.finished({ timeout: 20_000 });
        expect(final).toMatchObject({ Type: 3, SpeakStatus: 'TextOver', ReqId: result.reqId });
        const drive = gateway.sessions.get(session.sessionId)!.drives.at(-1)!;
        expect(drive).toMatchObject({
          kind: 'stream',
          reqId: result.reqId,
          packets: 9,
          final: true,
        });
        expect(drive.text).toBe(`Once upon a time, there was a mock. ${'word '.repeat(900)}`);
        expect(gateway.sessions.get(session.sessionId)!.refusals).toEqual([]);
      },
      { waitReady: fast },
    );
  });

  // Never faster than 0.75× real time, which the gateway refuses, on both sides of the socket. The
  // upper bound (no slower than real time) is the schedule's, checked exactly on virtual time in
  // src/command-channel/send-audio.test.ts: a wall clock on a loaded machine only adds lateness.
  it('a 10-second audio push is never sent faster than 0.75× real time (measured on both sides)', {
    timeout: 40_000,
  }, async () => {
    const { gateway, client } = await start();
    const seconds = 10;
    const pcm = new Uint8Array(seconds * 32_000);
    for (let i = 0; i < pcm.length; i += 2) pcm[i] = (i / 2) % 256;
    // Delivered in odd-sized pieces, as a microphone or decoder would.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < pcm.length; offset += 3000) {
          controller.enqueue(pcm.subarray(offset, offset + 3000));
        }
        controller.close();
      },
    });
    const result = await client().sessions.run(
      { ...PROJECT, UserId: 'carol', DriverType: 3 },
      async (session) => {
        const sent = await session.channel.sendAudio(stream);
        await sent.finished({ timeout: 20_000 });
        const drive = gateway.sessions.get(session.sessionId)!.drives.at(-1)!;
        return { sent, drive };
      },
      { waitReady: fast },
    );
    const { sent, drive } = result;
    expect(sent.bytes).toBe(pcm.length);
    expect(sent.durationMs).toBe(seconds * 1000);
    expect(sent.chunks).toBe(Math.ceil(pcm.length / 5120));
    console.log(
      `audio push: client RTF ${sent.realTimeFactor.toFixed(3)}, gateway RTF ${drive.audio!.realTimeFactor!.toFixed(3)}, ${sent.chunks} chunks in ${Math.round(sent.elapsedMs)} ms`,
    );
    expect(sent.realTimeFactor).toBeGreaterThanOrEqual(0.75);
    expect(drive.audio!.realTimeFactor!).toBeGreaterThanOrEqual(0.75);
    expect(drive).toMatchObject({
      kind: 'audio',
      speakStatus: 'AudioOver',
      packets: sent.chunks + 1,
    });
    expect(drive.audio!.bytes).toBe(pcm.length);
  });

  it('a dropped socket is reconnected mid-session (re-signed); the last statuses come again', async () => {
    const { gateway, client, callsTo } = await start();
    await client().sessions.run(
      { ...PROJECT, UserId: 'dave' },
      async (session) => {
        const channel = session.channel;
        const first = await channel.sendText('Before the drop.');
        await first.finished({ timeout: 15_000 });
        const reconnecting = new Promise<ChannelReconnectEvent>((resolve) =>
          channel.on('reconnecting', resolve),
        );
        const reopened = new Promise((resolve) => channel.on('open', resolve));
        const resent = new Promise<DownlinkMessage>((resolve) =>
          channel.on('message', ({ message }) => {
            if (message.ReqId === first.reqId) resolve(message);
          }),
        );
        expect(gateway.sessions.dropChannel(session.sessionId)).toBe(true);
        const event = await reconnecting;
        expect(event.closeCode).toBe(1006);
        expect(channel.state).toBe('reconnecting');
        await reopened;
        expect(channel.state).toBe('open');
        expect((await resent).SpeakStatus).toBe('TextOver');
        const second = await channel.sendText('After the drop.');
        expect((await second.finished({ timeout: 15_000 })).SpeakStatus).toBe('TextOver');
        expect(gateway.sessions.get(session.sessionId)).toMatchObject({
          connections: 2,
          channelOpen: true,
        });
      },
      { waitReady: fast },
    );
    const upgrades = callsTo('/commandchannel');
    expect(upgrades.map((c) => c.httpStatus)).toEqual([101, 101]);
    for (const call of upgrades) expect(call.signature).toBeTruthy();
  });

  it('heartbeats keep the socket alive', async () => {
    const { gateway, client } = await start({ socketIdleMs: 400 });
    await client().sessions.run(
      { ...PROJECT, UserId: 'erin' },
      async (session) => {
        await new Promise((r) => setTimeout(r, 1200));
        const mock = gateway.sessions.get(session.sessionId)!;
        expect(mock.heartbeats).toBeGreaterThanOrEqual(3);
        expect(mock.connections).toBe(1);
      },
      { waitReady: fast, channel: { heartbeatInterval: 150 } },
    );
  });

  it('the built-in WebSocket or an injected one (the ws package) both work', async () => {
    const { client } = await start();
    await client().sessions.run(
      { ...PROJECT, UserId: 'frank' },
      async (session) => {
        const drive = await session.channel.sendText('Through ws.');
        expect((await drive.finished({ timeout: 15_000 })).SpeakStatus).toBe('TextOver');
      },
      { waitReady: fast, channel: { WebSocket } },
    );
  });
});

describe('the lifecycle helper never leaks a session', () => {
  it('closes a session the work forgot to close, and frees its slot', async () => {
    const { gateway, client } = await start({ maxConcurrent: 1 });
    const tvs = client();
    let id = '';
    const value = await tvs.sessions.run(
      { ...PROJECT, UserId: 'forgetful' },
      async (session) => {
        id = session.sessionId;
        await session.channel.sendText('I will not close this.');
        return 42;
      },
      { waitReady: fast },
    );
    expect(value).toBe(42);
    expect(gateway.sessions.get(id)).toMatchObject({
      status: 2,
      endCode: 110013,
      channelOpen: false,
    });
    expect((await tvs.sessions.list({})).Sessions).toEqual([]);
    // The slot is free again: a second session fits in a quota of one.
    await tvs.sessions.run({ ...PROJECT, UserId: 'next' }, () => undefined, { waitReady: fast });
  });

  it("closes on throw and rethrows the work's error", async () => {
    const { gateway, client } = await start();
    let id = '';
    const boom = new Error('boom');
    await expect(
      client().sessions.run(
        { ...PROJECT, UserId: 'thrower' },
        (session) => {
          id = session.sessionId;
          throw boom;
        },
        { waitReady: fast },
      ),
    ).rejects.toBe(boom);
    expect(gateway.sessions.get(id)!.status).toBe(2);
  });

  it('closes at once on abort, without waiting for the work', async () => {
    const { gateway, client } = await start();
    const controller = new AbortController();
    let id = '';
    const started = performance.now();
    const run = client().sessions.run(
      { ...PROJECT, UserId: 'aborted' },
      async (session) => {
        id = session.sessionId;
        setTimeout(() => controller.abort(new Error('user left')), 50);
        await new Promise((r) => setTimeout(r, 60_000));
      },
      { waitReady: fast, signal: controller.signal },
    );
    await expect(run).rejects.toThrow('user left');
    expect(performance.now() - started).toBeLessThan(10_000);
    await expect.poll(() => gateway.sessions.get(id)?.status).toBe(2);
  });

  it('await using closes at the end of the block', async () => {
    const { gateway, client } = await start();
    let id = '';
    {
      await using session = await client().sessions.open(
        { ...PROJECT, UserId: 'scoped' },
        { waitReady: fast, channel: false },
      );
      id = session.sessionId;
      expect(() => session.channel).toThrow(TypeError);
      await client().drive.sendText(session.sessionId, 'Over HTTP.');
    }
    expect(gateway.sessions.get(id)!.status).toBe(2);
  });

  it('the HTTP drive sends the fields of its own page, and refuses the channel-only ones (1240/100404)', async () => {
    const { client } = await start();
    const bodies: string[] = [];
    const tvs = client({
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        bodies.push(await request.clone().text());
        return fetch(request);
      },
    });
    await tvs.sessions.run(
      { ...PROJECT, UserId: 'http-fields' },
      async (session) => {
        await tvs.drive.sendText(session.sessionId, 'Over HTTP.', {
          chatCommand: 'NotUseChat',
          videoSeiInfo: '{"slide":3}',
          smartActionEnabled: true,
        });
        // ChatRoundId and CloudAiVisitorBizId are on the channel's page (1240/100397) only.
        const channelOnly = { chatRoundId: 'round-7' } as Parameters<typeof tvs.drive.sendText>[2];
        await expect(tvs.drive.sendText(session.sessionId, 'Again.', channelOnly)).rejects.toThrow(
          'drive.sendText: unknown option "chatRoundId"',
        );
      },
      { waitReady: fast, channel: false },
    );
    const commands = bodies.map((body) => JSON.parse(body)).filter((b) => b.Payload.Command);
    expect(commands).toHaveLength(1);
    expect(commands[0].Payload.Data).toStrictEqual({
      Text: 'Over HTTP.',
      ChatCommand: 'NotUseChat',
      VideoSeiInfo: '{"slide":3}',
      SmartActionEnabled: true,
    });
  });

  it('a session that fails while preparing: waitReady rejects clearly, and open closes it', async () => {
    const { gateway, client } = await start({ prepareMs: 2000 });
    const tvs = client();
    const { SessionId } = await tvs.sessions.create({ ...PROJECT, UserId: 'doomed' });
    setTimeout(
      () =>
        gateway.sessions.fail(SessionId, {
          code: -101001,
          message: 'InternalError.NoCompute:busy',
        }),
      100,
    );
    const error = await tvs.sessions.waitReady(SessionId, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsSessionError);
    expect(error).toMatchObject({ reason: 'failed', sessionStatus: 4, errorCode: -101001 });
    expect(String((error as Error).message)).toMatch(
      /failed \(status 4\) with ErrorCode -101001: InternalError.NoCompute:busy/,
    );
    await tvs.sessions.close({ SessionId });

    const opening = tvs.sessions.open({ ...PROJECT, UserId: 'doomed-2' }, { waitReady: fast });
    await expect.poll(() => gateway.sessions.list().length).toBe(2);
    gateway.sessions.fail(gateway.sessions.list()[1]!.sessionId);
    await expect(opening).rejects.toBeInstanceOf(TvsSessionError);
    expect(gateway.sessions.list()[1]!.status).toBe(2);
  });

  it('a takeover ends the old channel with session-ended (110022)', async () => {
    const { client } = await start();
    const tvs = client();
    const old = await tvs.sessions.open({ ...PROJECT, UserId: 'same' }, { waitReady: fast });
    const closed = new Promise<TvsChannelError | undefined>((resolve) =>
      old.channel.on('close', (event) => resolve(event.error)),
    );
    const fresh = await tvs.sessions.open({ ...PROJECT, UserId: 'same' }, { waitReady: fast });
    const error = await closed;
    expect(error).toMatchObject({ reason: 'session-ended', gatewayCode: 110022, closeCode: 4001 });
    await expect(old.channel.sendText('hello?')).rejects.toBeInstanceOf(TvsChannelError);
    await old.close(); // closing a taken-over session is harmless
    await fresh.close();
  });
});

describe('bad input and clear errors', () => {
  it('refuses bad input on every method before sending anything', async () => {
    const { gateway, client } = await start();
    const tvs = client();
    await tvs.sessions.run(
      { ...PROJECT, UserId: 'grace', DriverType: 3 },
      async (session) => {
        const channel = session.channel;
        await expect(channel.sendText('')).rejects.toThrow(TypeError);
        await expect(channel.sendText(42 as never)).rejects.toThrow(TypeError);
        await expect(channel.sendText('字'.repeat(1334))).rejects.toThrow(RangeError);
        await expect(channel.sendText('hi', { reqId: 'nope' })).rejects.toThrow(TypeError);
        await expect(channel.streamText(42 as never)).rejects.toThrow(TypeError);
        await expect(channel.streamText([])).rejects.toThrow('yielded no text');
        await expect(channel.streamText([1 as never])).rejects.toThrow(
          'every chunk must be a string',
        );
        await expect(channel.sendAudio('pcm' as never)).rejects.toThrow(TypeError);
        await expect(channel.sendAudio(new Uint8Array(3))).rejects.toThrow('mid-sample');
        await expect(channel.sendAudio(new Uint8Array(0))).rejects.toThrow('no audio');
        await expect(channel.sendAudio(new Uint8Array(2), { realTimeFactor: 2 })).rejects.toThrow(
          'between 0.75 and 1',
        );
        await expect(channel.waitFor('bad')).rejects.toThrow(TypeError);
        const mock = gateway.sessions.get(session.sessionId)!;
        expect(mock.drives).toEqual([]);
        expect(mock.refusals).toEqual([]);
        expect(() => tvs.commandChannel('')).toThrow(TypeError);
        expect(() => tvs.commandChannel(session.sessionId, { WebSocket: 5 })).toThrow(TypeError);
        expect(() => tvs.commandChannel(session.sessionId, { heartbeatInterval: -1 })).toThrow(
          TypeError,
        );
        expect(() => tvs.commandChannel(session.sessionId, { textInterval: 500 })).toThrow(
          TypeError,
        );
        expect(() => tvs.commandChannel(session.sessionId, { driverType: 2 as never })).toThrow(
          TypeError,
        );
        await expect(tvs.drive.sendText(session.sessionId, '')).rejects.toThrow(TypeError);
        await expect(tvs.drive.sendText('', 'hi')).rejects.toThrow(TypeError);
      },
      { waitReady: fast },
    );
    await expect(tvs.sessions.waitReady('')).rejects.toThrow(TypeError);
    await expect(tvs.sessions.waitReady('x', { pollInterval: 0 })).rejects.toThrow(TypeError);
    await expect(tvs.sessions.run({ ...PROJECT, UserId: 'x' }, 'nope' as never)).rejects.toThrow(
      TypeError,
    );
    await expect(tvs.sessions.open(null as never)).rejects.toThrow(TypeError);
    await expect(
      tvs.sessions.open({ ...PROJECT, UserId: 'x', DriverType: 2 as never }),
    ).rejects.toThrow(TypeError);
    expect(gateway.sessions.list().filter((s) => s.userId === 'x')).toEqual([]);
  });

  it('a channel opened before startsession fails with a clear reason, and closed channels refuse sends', async () => {
    const { client } = await start({ prepareMs: 0 });
    const tvs = client();
    const { SessionId } = await tvs.sessions.create({ ...PROJECT, UserId: 'early' });
    const channel = tvs.commandChannel(SessionId);
    const error = await channel.opened().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsChannelError);
    expect(String((error as Error).message)).toMatch(/not started: call sessions.start first/);
    expect(channel.state).toBe('closed');
    await expect(channel.sendText('late')).rejects.toMatchObject({ reason: 'connect-failed' });
    // Iterators of a channel that closed on an error throw that error.
    await expect(channel.messages().next()).rejects.toBe(channel.error);
    await tvs.sessions.close({ SessionId });
  });

  it('audio on a DriverType 1 session is refused before anything is sent (DriverType looked up)', async () => {
    const { gateway, client } = await start({ prepareMs: 0 });
    const tvs = client();
    const { SessionId } = await tvs.sessions.create({ ...PROJECT, UserId: 'texter' });
    await tvs.sessions.start({ SessionId });
    const channel = tvs.commandChannel(SessionId);
    await channel.opened();
    const refused = await channel.sendAudio(new Uint8Array(5120)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TvsChannelError);
    expect(refused).toMatchObject({ reason: 'audio-not-allowed', sessionId: SessionId });
    expect(String((refused as Error).message)).toMatch(
      /DriverType 1 \(text only\); audio needs DriverType 3/,
    );
    expect(gateway.sessions.get(SessionId)!.drives).toEqual([]);
    expect(gateway.sessions.get(SessionId)!.refusals).toEqual([]);
    await channel.close();
    expect(channel.state).toBe('closed');
    await tvs.sessions.close({ SessionId });
  });

  it('never puts the access token in a URL, a log line or an error', async () => {
    const { client } = await start({ prepareMs: 0 });
    const lines: string[] = [];
    const tvs = client({
      logger: { debug: (line, fields) => lines.push(line, JSON.stringify(fields)) },
    });
    const { SessionId } = await tvs.sessions.create({ ...PROJECT, UserId: 'secret' });
    const channel = tvs.commandChannel(SessionId, { reconnect: { maxAttempts: 1, baseDelay: 10 } });
    const error = await channel.opened().catch((e: unknown) => e);
    await tvs.sessions.close({ SessionId });
    const channelLines = lines.filter((line) => line.includes('commandChannel'));
    expect(channelLines.length).toBeGreaterThan(0);
    expect(channelLines.join('\n')).toContain('signature=REDACTED');
    const everything = [lines.join('\n'), await printed(error), await printed(channel)].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toMatch(/signature=(?!REDACTED)[^&\s"']+/);
  });

  it('the HTTP drive queues to one per second per session', async () => {
    const { gateway, client } = await start({ prepareMs: 0 });
    const tvs = client();
    const session = await tvs.sessions.open(
      { ...PROJECT, UserId: 'http' },
      { channel: false, waitReady: fast },
    );
    const sent = await Promise.all(
      ['one', 'two', 'three'].map((text) => tvs.drive.sendText(session.sessionId, text)),
    );
    expect(sent.every(({ ReqId }) => /^[0-9a-f]{32}$/.test(ReqId))).toBe(true);
    const times = gateway.sessions.get(session.sessionId)!.drives.map((d) => d.receivedAt);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    await session.close();
  });
});
