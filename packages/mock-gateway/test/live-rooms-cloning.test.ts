import type { ListeningGateway, MockGateway } from '@tvs/mock-gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listeningGateway } from './loopback.js';
import { post, signedUrl } from './sign.js';

let gateway: MockGateway;
let server: ListeningGateway;
beforeEach(async () => {
  ({ gateway, server } = await listeningGateway());
});
afterEach(() => server.close());

const LIVE = '/v2/ivh/liveroom/liveroomservice/';
const CLONE = '/v2/ivh/assetmanager/customservice/';
const reqId = () => crypto.randomUUID().replaceAll('-', '');
const call = async (path: string, payload: object) =>
  (await post(signedUrl(server.url, path), payload)).json;

describe('live rooms (1240/112139–112144)', () => {
  const open = () =>
    call(`${LIVE}openliveroom`, {
      ReqId: reqId(),
      VideoStreamReq: { Protocol: 'webrtc', VirtualmanProjectId: 'proj-1' },
      CycleTimes: 2,
      Scripts: [{ Content: '欢迎来到直播间。' }],
    });

  it('opens a room that becomes ready, lists it with LiveRooms and Total, and closes it', async () => {
    const opened = await open();
    expect(opened.Header.Code).toBe(0);
    const { LiveRoomId } = opened.Payload;
    expect(LiveRoomId).toMatch(/^lm\d+$/);
    const get = async () =>
      (await call(`${LIVE}getliveroom`, { ReqId: reqId(), LiveRoomId })).Payload;
    expect(await get()).toMatchObject({ LiveRoomId, Status: 1 });
    expect(await get()).not.toHaveProperty('VideoStreamPlayUrl');
    await gateway.clock.advance(3000);
    expect(await get()).toMatchObject({
      Status: 2,
      VideoStreamPlayUrl: expect.stringMatching(/^webrtc:\/\//),
    });
    await gateway.clock.advance(2000);
    expect((await get()).Status).toBe(4);
    const list = await call(`${LIVE}listliveroomofappkey`, {
      ReqId: reqId(),
      PageIndex: 1,
      PageSize: 10,
    });
    expect(list.Payload).toMatchObject({ Total: 1, LiveRooms: [{ LiveRoomId, Status: 4 }] });
    const takeover = await call(`${LIVE}takeover`, { ReqId: reqId(), LiveRoomId, Content: '插播' });
    expect(takeover.Header.Code).toBe(0);
    const closed = await call(`${LIVE}closeliveroom`, { ReqId: reqId(), LiveRoomId });
    expect(closed.Header.Code).toBe(0);
    expect((await get()).Status).toBe(6);
    // No rooms: LiveRooms is left out, as the page says.
    const empty = await call(`${LIVE}listliveroomofappkey`, {
      ReqId: reqId(),
      PageIndex: 1,
      PageSize: 10,
    });
    expect(empty.Payload).toEqual({ ReqId: expect.any(String), Total: 0 });
  });

  it('refuses what the pages do not allow', async () => {
    const codeOf = async (path: string, payload: object) => (await call(path, payload)).Header.Code;
    const base = {
      ReqId: reqId(),
      VideoStreamReq: { Protocol: 'webrtc', VirtualmanProjectId: 'p' },
    };
    expect(await codeOf(`${LIVE}openliveroom`, { ...base, Scripts: [{ Content: 'x' }] })).toBe(
      100001,
    );
    expect(
      await codeOf(`${LIVE}openliveroom`, {
        ...base,
        CycleTimes: 500,
        Scripts: [{ Content: 'x' }],
      }),
    ).toBe(100002);
    expect(await codeOf(`${LIVE}openliveroom`, { ...base, CycleTimes: 1, Scripts: [] })).toBe(
      100002,
    );
    const { LiveRoomId } = (await open()).Payload;
    expect(
      await codeOf(`${LIVE}takeover`, { ReqId: reqId(), LiveRoomId, Content: '字'.repeat(501) }),
    ).toBe(100002);
    expect(await codeOf(`${LIVE}getliveroom`, { ReqId: reqId(), LiveRoomId: 'lm0' })).toBe(110006);
  });
});

describe('cloning (1240/105223, 96070, 105225)', () => {
  const make = () =>
    call(`${CLONE}make`, {
      AnchorName: 'Ann',
      MakeType: 'IMAGE',
      IdentityCosUrl: 'https://cos.example/identity.mp4',
      MaterialCosUrl: 'https://cos.example/material.mp4',
    });
  const progress = async (TaskId: string) =>
    (await call(`${CLONE}getprogress`, { TaskId })).Payload;

  it('walks the stages to CONFIRM, trains again on REJECT, ends on AGREE', async () => {
    const { TaskId } = (await make()).Payload;
    expect(await progress(TaskId)).toEqual({
      Status: 'MAKING',
      StageV2: 'SUBMIT',
      StatusV2: 'PROCESSING',
    });
    const early = await call(`${CLONE}customerconfirm`, { TaskId, Operate: 'AGREE' });
    expect(early.Header.Code).toBe(100002);
    await gateway.clock.advance(10_000);
    const confirm = await progress(TaskId);
    expect(confirm).toMatchObject({
      Status: 'MAKING',
      StageV2: 'CONFIRM',
      StatusV2: 'WAIT_PROCESS',
    });
    expect(JSON.parse(confirm.StageInfo).TrainResult).toHaveLength(1); // JSON text, as documented
    const reject = await call(`${CLONE}customerconfirm`, {
      TaskId,
      Operate: 'REJECT',
      Reason: 'lips',
    });
    expect(reject.Header.Code).toBe(0);
    expect((await progress(TaskId)).StageV2).toBe('SUBMIT');
    await gateway.clock.advance(10_000);
    expect(JSON.parse((await progress(TaskId)).StageInfo).TrainRecord).toHaveLength(1);
    await call(`${CLONE}customerconfirm`, { TaskId, Operate: 'AGREE' });
    expect(await progress(TaskId)).toMatchObject({
      Status: 'SUCCESS',
      StageV2: 'END',
      AssetList: [{ AnchorName: 'Ann' }],
    });
  });

  it('asks for the materials each MakeType needs, and knows no other task', async () => {
    const voice = await call(`${CLONE}make`, { AnchorName: 'Bo', MakeType: 'ZERO_SHOT_VOICE' });
    expect(voice.Header.Code).toBe(0);
    const image = await call(`${CLONE}make`, { AnchorName: 'Bo', MakeType: 'IMAGE' });
    expect(image.Header).toMatchObject({ Code: 100001 });
    expect(image.Header.Message).toMatch(/IdentityCosUrl/);
    expect((await call(`${CLONE}getprogress`, { TaskId: 'nope' })).Header.Code).toBe(110006);
    const credentials = (await call(`${CLONE}getuploadcredentials`, {})).Payload;
    expect(credentials).toMatchObject({
      Credentials: { Token: expect.any(String) },
      PathPrefix: expect.any(String),
    });
  });
});
