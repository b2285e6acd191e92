import { createMockGateway, type MockGatewayOptions } from '@tvs/mock-gateway';
import { describe, expect, it } from 'vitest';
import { APPKEY, post, signedUrl, T0, TOKEN } from './sign.js';

const S = '/v2/ivh/sessionmanager/sessionmanagerservice/';
const COMMAND = '/v2/ivh/interactdriver/interactdriverservice/command';
let counter = 0;
const reqId = () => (++counter).toString(16).padStart(32, '0');

function gatewayWith(
  sessions: MockGatewayOptions['sessions'] = {},
  extra: Partial<MockGatewayOptions> = {},
) {
  let now = T0;
  const gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => now,
    sessions,
    ...extra,
  });
  const call = async (path: string, payload: Record<string, unknown>) => {
    // Sign at the gateway's current time so advancing the clock never expires the URL.
    const url = signedUrl('http://gw.test', path, {
      timestamp: Math.floor(gateway.clock.now() / 1000),
    });
    const reply = await post(
      url,
      { ReqId: reqId(), ...payload },
      { fetcher: gateway.fetch as typeof fetch },
    );
    return reply.json as {
      Header: { Code: number; Message: string };
      Payload: Json;
    };
  };
  const create = (fields: Record<string, unknown> = {}) =>
    call(`${S}createsession`, {
      VirtualmanProjectId: 'proj-1',
      UserId: 'u1',
      Protocol: 'webrtc',
      DriverType: 1,
      ...fields,
    });
  return { gateway, call, create, setBase: (ms: number) => (now = ms) };
}

// biome-ignore lint/suspicious/noExplicitAny: test convenience
type Json = Record<string, any>;
const code = (reply: { Header: { Code: number } }) => reply.Header.Code;

describe('session lifecycle on the virtual clock', () => {
  it('preparing (3) → ready (1) → started → closed (2), with stat, start and close', async () => {
    const { gateway, call, create } = gatewayWith({ prepareMs: 5000 });
    const created = await create({ DriverType: 3 });
    expect(code(created)).toBe(0);
    const SessionId = created.Payload.SessionId as string;
    expect(SessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(created.Payload.SessionStatus).toBe(3);
    expect(created.Payload.PlayStreamAddr).toBe(`webrtc://gw.test/live/${SessionId}`);

    expect((await call(`${S}statsession`, { SessionId })).Payload).toMatchObject({
      SessionStatus: 3,
      IsSessionStarted: false,
    });
    // Too early: not ready.
    expect(code(await call(`${S}startsession`, { SessionId }))).toBe(110014);
    await gateway.clock.advance(4999);
    expect((await call(`${S}statsession`, { SessionId })).Payload.SessionStatus).toBe(3);
    await gateway.clock.advance(1);
    expect((await call(`${S}statsession`, { SessionId })).Payload.SessionStatus).toBe(1);
    // Driving before start is refused.
    expect(
      code(await call(COMMAND, { SessionId, Command: 'SEND_TEXT', Data: { Text: 'hi' } })),
    ).toBe(110016);
    expect(code(await call(`${S}startsession`, { SessionId }))).toBe(0);
    expect(code(await call(`${S}startsession`, { SessionId }))).toBe(0); // idempotent
    expect((await call(`${S}statsession`, { SessionId })).Payload).toMatchObject({
      SessionStatus: 1,
      IsSessionStarted: true,
      SpeakStatus: 'Initial',
      ErrorCode: 0,
    });
    expect((await call(`${S}listsessionofuin`, {})).Payload.Sessions).toEqual([
      {
        UserId: 'u1',
        SessionId,
        SessionStatus: 1,
        PlayStreamAddr: created.Payload.PlayStreamAddr,
        DriverType: 3,
        IsSessionStarted: true,
      },
    ]);
    expect(code(await call(`${S}closesession`, { SessionId }))).toBe(0);
    expect(code(await call(`${S}closesession`, { SessionId }))).toBe(0); // idempotent
    expect((await call(`${S}statsession`, { SessionId })).Payload).toMatchObject({
      SessionStatus: 2,
      ErrorCode: 110013,
    });
    expect((await call(`${S}listsessionofuin`, {})).Payload.Sessions).toEqual([]);
    expect(code(await call(`${S}startsession`, { SessionId }))).toBe(110013);
    expect(gateway.sessions.get(SessionId)).toMatchObject({ status: 2, started: true });
  });

  it('the concurrency limit answers 100008 (超过并发限制, 1240/100406), and closing frees the slot', async () => {
    const { call, create } = gatewayWith({ maxConcurrent: 2 });
    const a = await create({ UserId: 'a' });
    await create({ UserId: 'b' });
    const refused = await create({ UserId: 'c' });
    expect(code(refused)).toBe(100008);
    expect(refused.Header.Message).toMatch(/^LimitExceeded\.Concurrency:2 of 2/);
    await call(`${S}closesession`, { SessionId: a.Payload.SessionId });
    expect(code(await create({ UserId: 'c' }))).toBe(0);
  });

  it('the same UserId takes over: the old session closes with 110022 (and frees its slot)', async () => {
    const { gateway, call, create } = gatewayWith({ maxConcurrent: 1, prepareMs: 0 });
    const old = (await create({ UserId: 'same' })).Payload.SessionId;
    await call(`${S}startsession`, { SessionId: old });
    const fresh = await create({ UserId: 'same' });
    expect(code(fresh)).toBe(0);
    const stat = (await call(`${S}statsession`, { SessionId: old })).Payload;
    expect(stat).toMatchObject({ SessionStatus: 2, ErrorCode: 110022 });
    expect(stat.ErrorMessage).toMatch(/same UserId/);
    expect(
      code(await call(COMMAND, { SessionId: old, Command: 'SEND_TEXT', Data: { Text: 'x' } })),
    ).toBe(110022);
    expect(gateway.sessions.get(old)?.endCode).toBe(110022);
    // Another appkey's user with the same id is someone else: no takeover across accounts.
  });

  it('idle sessions close after sessionIdleMs (110013, closed); activity keeps them open', async () => {
    const { gateway, call, create } = gatewayWith({ prepareMs: 0, sessionIdleMs: 60_000 });
    const SessionId = (await create()).Payload.SessionId;
    await call(`${S}startsession`, { SessionId });
    await gateway.clock.advance(50_000);
    await call(COMMAND, { SessionId, Command: 'SEND_TEXT', Data: { Text: 'still here' } });
    await gateway.clock.advance(50_000);
    expect((await call(`${S}statsession`, { SessionId })).Payload.SessionStatus).toBe(1);
    await gateway.clock.advance(10_000);
    expect((await call(`${S}statsession`, { SessionId })).Payload).toMatchObject({
      SessionStatus: 2,
      ErrorCode: 110013,
    });
    expect(gateway.sessions.get(SessionId)?.endedAt).toBe(T0 + 110_000);
  });

  it('a failed session reports status 4 with its error, and holds no slot (1240/100389: 创建会话失败)', async () => {
    const { gateway, call, create } = gatewayWith({ maxConcurrent: 1 });
    const SessionId = (await create()).Payload.SessionId;
    gateway.sessions.fail(SessionId, { code: -101001, message: 'InternalError.NoCompute:busy' });
    expect((await call(`${S}statsession`, { SessionId })).Payload).toMatchObject({
      SessionStatus: 4,
      ErrorCode: -101001,
      ErrorMessage: 'InternalError.NoCompute:busy',
    });
    // Refused as closed: 110013's advice is to read statsession's ErrorCode (1240/100406).
    expect(code(await call(`${S}startsession`, { SessionId }))).toBe(110013);
    // No page says a session whose creation failed keeps a concurrency slot: a replacement
    // may be created without closing it first, and the failed one keeps its status and error.
    expect(code(await create({ UserId: 'other' }))).toBe(0);
    expect(code(await create({ UserId: 'third' }))).toBe(100008);
    expect((await call(`${S}statsession`, { SessionId })).Payload).toMatchObject({
      SessionStatus: 4,
      ErrorCode: -101001,
    });
  });

  it('lists filter by project and by asset', async () => {
    const { gateway, call, create } = gatewayWith({ maxConcurrent: 5 });
    await create({ UserId: 'p1', VirtualmanProjectId: 'proj-A' });
    await create({ UserId: 'p2', VirtualmanProjectId: 'proj-B' });
    const key = gateway.catalogue.avatars[0]!.VirtualmanKey;
    const byAsset = await call(`${S}createsessionbyasset`, {
      AssetVirtualmanKey: key,
      UserId: 'p3',
      Protocol: 'rtmp',
      DriverType: 1,
    });
    expect(byAsset.Payload.PlayStreamAddr).toMatch(/^rtmp:\/\//);
    const users = (reply: { Payload: Json }) =>
      reply.Payload.Sessions.map((s: { UserId: string }) => s.UserId);
    expect(
      users(await call(`${S}listsessionofprojectid`, { VirtualmanProjectId: 'proj-A' })),
    ).toEqual(['p1']);
    expect(users(await call(`${S}listsessionofassetvk`, { AssetVirtualmanKey: key }))).toEqual([
      'p3',
    ]);
    expect(users(await call(`${S}listsessionofuin`, {}))).toEqual(['p1', 'p2', 'p3']);
  });

  it('validates create requests', async () => {
    const { call, create } = gatewayWith();
    expect(code(await create({ Protocol: 'hls' }))).toBe(100002);
    expect(code(await create({ DriverType: 2 }))).toBe(100002);
    expect(code(await create({ StreamMaxInterval: 100 }))).toBe(100002);
    expect(code(await create({ ReqId: 'not-hex' }))).toBe(100002);
    expect(code(await create({ UserId: '' }))).toBe(100002);
    expect(code(await create({ UserId: undefined }))).toBe(100001);
    const unknown = await call(`${S}createsessionbyasset`, {
      AssetVirtualmanKey: 'nope',
      UserId: 'x',
      Protocol: 'rtmp',
      DriverType: 1,
    });
    expect(code(unknown)).toBe(100016);
    const fixed = 'f'.repeat(32);
    expect(code(await create({ ReqId: fixed, UserId: 'd1' }))).toBe(0);
    expect(code(await create({ ReqId: fixed, UserId: 'd2' }))).toBe(110005);
    // 110018, 会话不存在 (1240/100406).
    expect(code(await call(`${S}statsession`, { SessionId: 'missing' }))).toBe(110018);
  });
});

describe('the HTTP drive command', () => {
  async function started(options: MockGatewayOptions['sessions'] = {}, extra = {}) {
    const env = gatewayWith({ prepareMs: 0, ...options }, extra);
    const SessionId = (await env.create()).Payload.SessionId as string;
    await env.call(`${S}startsession`, { SessionId });
    const say = (Text: unknown, more: Record<string, unknown> = {}) =>
      env.call(COMMAND, { SessionId, Command: 'SEND_TEXT', Data: { Text, ...more } });
    return { ...env, SessionId, say };
  }

  it('speaks, more than a second apart (发送文本间隔必须大于1s, 1240/100404; 100012 otherwise)', async () => {
    const { gateway, SessionId, say, call } = await started();
    expect(code(await say('Hello there.'))).toBe(0);
    await gateway.clock.advance(999);
    const tooSoon = await say('Again?');
    expect(code(tooSoon)).toBe(100012);
    expect(tooSoon.Header.Message).toMatch(/^RequestLimitExceeded\.CommandTooFrequent:/);
    await gateway.clock.advance(1);
    // Exactly one second is not more than one second.
    expect(code(await say('Still too soon.'))).toBe(100012);
    await gateway.clock.advance(1);
    expect(code(await say('Now it is fine.'))).toBe(0);
    const drives = gateway.sessions.get(SessionId)!.drives;
    expect(drives.map((d) => [d.kind, d.source, d.text])).toEqual([
      ['text', 'http', 'Hello there.'],
      ['text', 'http', 'Now it is fine.'],
    ]);
    // The new text cut the first one off (1240/100397); the avatar is about to say it.
    expect((await call(`${S}statsession`, { SessionId })).Payload.SpeakStatus).toBe(
      'WaitingTextStart',
    );
    await gateway.clock.advance(300);
    expect((await call(`${S}statsession`, { SessionId })).Payload.SpeakStatus).toBe('TextStart');
    await gateway.clock.advance(30_000);
    expect(
      gateway.sessions.get(SessionId)!.drives.map((d) => [d.speakStatus, d.interrupted]),
    ).toEqual([
      ['TextOver', true],
      ['TextOver', false],
    ]);
  });

  it('validates the command: Command, Text size in UTF-8 bytes, content review', async () => {
    const { gateway, say, call, SessionId } = await started();
    expect(
      code(await call(COMMAND, { SessionId, Command: 'SEND_AUDIO', Data: { Text: 'x' } })),
    ).toBe(100002);
    expect(code(await say(''))).toBe(100002);
    expect(code(await say('字'.repeat(1334)))).toBe(100002);
    expect(code(await say(42))).toBe(100003);
    expect(code(await say('this has a blockedword in it'))).toBe(801005);
    expect(
      code(await call(COMMAND, { SessionId: 'nope', Command: 'SEND_TEXT', Data: { Text: 'x' } })),
    ).toBe(110018);
    expect(code(await say('字'.repeat(1333)))).toBe(0);
    expect(gateway.sessions.get(SessionId)!.drives).toHaveLength(1);
  });
});
