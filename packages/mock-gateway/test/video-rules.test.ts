// The makers' per-page rules: defaults, conditional requirements and which tasks call back.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListeningGateway, MockGateway, MockGatewayOptions } from '@tvs/mock-gateway';
import { afterEach, describe, expect, it } from 'vitest';
import { listeningGateway } from './loopback.js';
import { PATHS, post, signedUrl } from './sign.js';

const NOTRAIN = '/v2/ivh/videomaker/broadcastservice/videomakenotrain';
const PHOTO = '/v2/ivh/videomaker/broadcastservice/phototovideonotrain';

let gateway: MockGateway;
let server: ListeningGateway;
afterEach(async () => {
  await server?.close();
});

async function start(options: Partial<MockGatewayOptions> = {}) {
  ({ gateway, server } = await listeningGateway(options));
}
const call = async (path: string, payload: unknown) =>
  (await post(signedUrl(server.url, path), payload)).json;
const avatar = () => gateway.catalogue.avatars[0]!.VirtualmanKey;
const timbre = () => gateway.catalogue.timbres[0]!.TimbreKey;
const taskOf = (reply: { Payload: { TaskId: string } }) =>
  gateway.tasks.find((task) => task.taskId === String(reply.Payload.TaskId))!;

describe('video makers, by their pages', () => {
  it('default formats: videomake TransparentWebm (81268), videomakeadvanced Mp4 (81269), notrain always mp4 (116222)', async () => {
    await start();
    const speech = { InputSsml: '你好，世界。', SpeechParam: { Speed: 1, TimbreKey: timbre() } };
    const make = await call(PATHS.make, { VirtualmanKey: avatar(), ...speech });
    const advanced = await call(PATHS.makeAdvanced, { VirtualmanKey: avatar(), ...speech });
    const notrain = await call(NOTRAIN, {
      RefVideoUrl: 'https://example.com/ref.mp4',
      DriverType: 'Text',
      VideoParam: { Format: 'TransparentWebm' },
      ...speech,
    });
    expect([make, advanced, notrain].map((r) => taskOf(r).format)).toEqual(['webm', 'mp4', 'mp4']);
  });

  it('tts renders 24 kHz unless SampleRate says 16000 (1240/81267)', async () => {
    await start();
    const tts = (extra: object) =>
      call(PATHS.tts, {
        TimbreKey: timbre(),
        InputSsml: '你好。',
        Speed: 1,
        Codec: 'wav',
        ...extra,
      });
    expect(taskOf(await tts({})).sampleRate).toBe(24000);
    expect(taskOf(await tts({ SampleRate: 16000 })).sampleRate).toBe(16000);
  });

  it('text driving of the no-training makers needs SpeechParam (116222), with Speed and TimbreKey for a photo (118475)', async () => {
    await start();
    const video = {
      RefVideoUrl: 'https://example.com/ref.mp4',
      DriverType: 'Text',
      InputSsml: '大家好。',
    };
    const photo = {
      RefPhotoUrl: 'https://example.com/face.jpg',
      DriverType: 'Text',
      InputSsml: '大家好。',
    };
    expect((await call(NOTRAIN, video)).Header.Message).toMatch(
      /^InvalidParameter\.MissingParameter:Payload\.SpeechParam is required when DriverType is Text/,
    );
    expect((await call(NOTRAIN, { ...video, SpeechParam: { Speed: 1 } })).Header.Code).toBe(0);
    expect((await call(PHOTO, { ...photo, SpeechParam: { Speed: 1 } })).Header).toMatchObject({
      Code: 100001,
      Message: expect.stringContaining('Payload.SpeechParam.TimbreKey is required'),
    });
    const full = { ...photo, SpeechParam: { Speed: 1, TimbreKey: timbre() } };
    expect((await call(PHOTO, full)).Header.Code).toBe(0);
    // Audio driving needs none of it.
    const audio = {
      ...photo,
      DriverType: 'OriginalVoice',
      InputAudioUrl: 'https://example.com/a.wav',
    };
    expect((await call(PHOTO, audio)).Header.Code).toBe(0);
  });

  it('refuses what the pages do not offer: ModulatedVoice without training, an undocumented driver, long notrain or TransparentMov scripts', async () => {
    await start();
    const audio = { DriverType: 'ModulatedVoice', InputAudioUrl: 'https://example.com/a.wav' };
    const ref = { RefVideoUrl: 'https://example.com/ref.mp4' };
    expect((await call(NOTRAIN, { ...ref, ...audio })).Header.Code).not.toBe(0);
    expect(
      (await call(PATHS.make, { VirtualmanKey: avatar(), SpeechParam: { Speed: 1 }, ...audio }))
        .Header.Code,
    ).toBe(0);
    const driven = {
      VirtualmanKey: avatar(),
      SpeechParam: { Speed: 1 },
      DriverType: 'AudioDriven',
      InputAudioUrl: 'https://example.com/a.wav',
    };
    expect((await call(PATHS.make, driven)).Header.Code).not.toBe(0);
    const speech = { DriverType: 'Text', SpeechParam: { Speed: 1 } };
    expect(
      (await call(NOTRAIN, { ...ref, ...speech, InputSsml: '好'.repeat(2001) })).Header.Message,
    ).toMatch(/InputSsml must be 4–2000 characters/);
    const mov = {
      VirtualmanKey: avatar(),
      SpeechParam: { Speed: 1 },
      VideoParam: { Format: 'TransparentMov' },
    };
    expect((await call(PATHS.make, { ...mov, InputSsml: '好'.repeat(2001) })).Header.Code).not.toBe(
      0,
    );
    expect((await call(PATHS.make, { ...mov, InputSsml: '好'.repeat(2000) })).Header.Code).toBe(0);
  });

  it('calls back for video tasks only: tts (81267) and PPT (130020) have no CallbackUrl', async () => {
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      received.push(req.url ?? '');
      req.resume();
      res.end('ok');
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      await start();
      const hook = (name: string) =>
        `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/${name}`;
      await call(PATHS.tts, {
        TimbreKey: timbre(),
        InputSsml: '你好。',
        Speed: 1,
        CallbackUrl: hook('tts'),
      });
      await call(PATHS.ppt, {
        PPTFileUrl: 'https://example.com/deck.pptx',
        CallbackUrl: hook('ppt'),
      });
      const video = { VirtualmanKey: avatar(), SpeechParam: { Speed: 1 }, InputSsml: '你好。' };
      await call(PATHS.make, { ...video, CallbackUrl: hook('video') });
      for (let i = 0; i < 5; i++) await gateway.clock.advance(60_000);
      expect(gateway.tasks.every((task) => task.status === 'SUCCESS')).toBe(true);
      expect(received).toEqual(['/video']);
    } finally {
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });
});
