import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockGateway, type ListeningGateway, type MockGateway } from '@tvs/mock-gateway';
import { afterEach, describe, expect, it } from 'vitest';
import { APPKEY, PATHS, post, signedUrl, T0, TOKEN } from './sign.js';

let gateway: MockGateway;
let server: ListeningGateway;
let close: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  const pending = close;
  close = [];
  for (const fn of pending) await fn();
});

async function start(options: Partial<Parameters<typeof createMockGateway>[0]> = {}) {
  gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
    ...options,
  });
  const listening = await gateway.listen();
  server = listening;
  close.push(() => listening.close());
  return gateway;
}
const call = (path: string, payload: unknown) => post(signedUrl(server.url, path), payload);
const avatar = () => gateway.catalogue.avatars[0]!.VirtualmanKey;
const progress = async (taskId: unknown, path: string = PATHS.progress) =>
  (await call(path, { TaskId: taskId })).json.Payload;
const SPEECH = { Speed: 1 };
const SHORT = '大家好，欢迎收看今天的节目。';
const LONG = '这是一段很长的文本，用来测试渲染时间随文本长度增长。'.repeat(10);

describe('video production lifecycle (virtual clock)', () => {
  it('queues behind concurrency, renders with rising Progress, finishes with served results', async () => {
    await start({ concurrency: 1 });
    const ids: string[] = [];
    for (const text of [SHORT, LONG, SHORT]) {
      const reply = await call(PATHS.make, {
        VirtualmanKey: avatar(),
        SpeechParam: SPEECH,
        InputSsml: text,
        VideoParam: { Format: 'Mp4' },
      });
      expect(reply.json.Header.Code).toBe(0);
      expect(typeof reply.json.Payload.TaskId).toBe('string');
      ids.push(reply.json.Payload.TaskId);
    }
    const [a, b, c] = await Promise.all(ids.map((id) => progress(id)));
    expect(a).toMatchObject({ Status: 'MAKING', ArrayCount: 0 });
    expect(b).toMatchObject({ Status: 'COMMIT', ArrayCount: 0, Progress: 0 });
    expect(c).toMatchObject({ Status: 'COMMIT', ArrayCount: 1, Progress: 0 });

    const first = gateway.tasks[0]!;
    await gateway.clock.advance(first.renderMs / 2);
    const half = await progress(ids[0]);
    expect(half.Status).toBe('MAKING');
    expect(half.Progress).toBeGreaterThanOrEqual(45);
    expect(half.Progress).toBeLessThanOrEqual(55);
    await gateway.clock.advance(first.renderMs / 2);
    const done = await progress(ids[0]);
    expect(done).toMatchObject({ Status: 'SUCCESS', Progress: 100, FailCode: 0 });
    expect((await progress(ids[1])).Status).toBe('MAKING');
    expect((await progress(ids[2])).ArrayCount).toBe(0);

    // A longer text renders longer and lasts longer.
    expect(gateway.tasks[1]!.renderMs).toBeGreaterThan(first.renderMs * 3);
    expect(done.Duration).toBeGreaterThan(2500);
    expect(done.Duration).toBeLessThan(6000);
    // TextTimestampResult belongs to speech (tts) tasks (1240/81270).
    expect(done).not.toHaveProperty('TextTimestampResult');

    const video = await fetch(done.MediaUrl);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    const bytes = new Uint8Array(await video.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');
    // Readable by a web page on any origin, as a player's subtitles must be.
    expect(video.headers.get('access-control-allow-origin')).toBe('*');
    const subtitles = await fetch(done.SubtitlesUrl);
    expect(subtitles.headers.get('access-control-allow-origin')).toBe('*');
    const srt = await subtitles.text();
    expect(srt).toMatch(/^1\n00:00:00,300 --> 00:00:0\d,\d{3}\n大家好，欢迎收看今天的节目。\n/);

    await gateway.clock.advance(10 * 60_000);
    expect(gateway.tasks.map((t: { status: string }) => t.status)).toEqual([
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
    ]);
  });

  it('is deterministic: the same calls at the same times give the same answers', async () => {
    const run = async () => {
      await start({ seed: 7, concurrency: 1 });
      const id = (
        await call(PATHS.make, { VirtualmanKey: avatar(), SpeechParam: SPEECH, InputSsml: LONG })
      ).json.Payload.TaskId;
      await gateway.clock.advance(4321);
      return { id, p: await progress(id) };
    };
    const one = await run();
    const two = await run();
    expect(two).toEqual({ ...one, p: { ...one.p, MediaUrl: one.p.MediaUrl } });
  });

  it('honours renderSpeed and Speed', async () => {
    await start({ renderSpeed: 100 });
    await call(PATHS.make, { VirtualmanKey: avatar(), SpeechParam: SPEECH, InputSsml: SHORT });
    await call(PATHS.make, {
      VirtualmanKey: avatar(),
      InputSsml: SHORT,
      SpeechParam: { Speed: 1.5 },
    });
    const [normal, fast] = gateway.tasks;
    expect(normal!.renderMs).toBeLessThan(50);
    expect(fast!.plan.durationMs).toBeLessThan(normal!.plan.durationMs);
  });

  it('refuses a text on the word list with the API code 801005, making no task (1240/81277)', async () => {
    await start({ blockedWords: ['forbidden'] });
    const refused = await call(PATHS.make, {
      VirtualmanKey: avatar(),
      SpeechParam: SPEECH,
      InputSsml: 'This is FORBIDDEN text.',
    });
    expect(refused.json.Header).toMatchObject({ Code: 801005 });
    expect(refused.json.Header.Message).toMatch(/^FailedOperation\.TextAuditFailed:/);
    expect(gateway.tasks).toHaveLength(0);
  });

  it('fails a task whose input cannot be downloaded with FailCode 801008 (1240/81277)', async () => {
    await start();
    const id = (
      await call(PATHS.make, {
        VirtualmanKey: avatar(),
        SpeechParam: SPEECH,
        DriverType: 'OriginalVoice',
        InputAudioUrl: 'https://media.example.invalid/voice.wav',
      })
    ).json.Payload.TaskId;
    await gateway.clock.advance(60_000);
    expect(await progress(id)).toMatchObject({
      Status: 'FAIL',
      FailCode: 801008,
      Progress: -1,
      MediaUrl: '',
    });
  });

  it('POSTs the callback exactly once, unsigned, when the task ends', async () => {
    const received: Array<{ url: string; body: string }> = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ url: req.url!, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    close.push(() => new Promise<void>((r) => receiver.close(() => r())));
    await start();
    const callback = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook?x=1`;
    const id = (
      await call(PATHS.make, {
        VirtualmanKey: avatar(),
        SpeechParam: SPEECH,
        InputSsml: SHORT,
        CallbackUrl: callback,
      })
    ).json.Payload.TaskId;
    await gateway.clock.advance(1000);
    expect(received).toHaveLength(0);
    await gateway.clock.advance(60_000);
    await gateway.clock.advance(60_000);
    await progress(id);
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/hook?x=1');
    expect(JSON.parse(received[0]!.body).Payload).toMatchObject({ TaskId: id, Status: 'SUCCESS' });
    expect(gateway.tasks[0]!.callback).toMatchObject({ status: 200 });
  });

  it('runs PPT videos one at a time per account (100008 for a second)', async () => {
    await start();
    const ppt = {
      PPTFileUrl: 'https://example.com/deck.pptx',
      PageConfigs: [{ Text: '第一页。' }, { Text: '第二页。' }],
    };
    const first = await call(PATHS.ppt, ppt);
    expect(first.json.Header.Code).toBe(0);
    const second = await call(PATHS.ppt, ppt);
    expect(second.json.Header).toMatchObject({ Code: 100008 });
    expect(second.json.Header.Message).toMatch(/^LimitExceeded\.PptTaskInProgress:/);
    await gateway.clock.advance(60_000);
    // The fields of 1240/130021's table, Status among them (its success example leaves it out); no subtitles.
    const done = await progress(first.json.Payload.TaskId, PATHS.pptProgress);
    expect(Object.keys(done).sort()).toEqual(
      ['Duration', 'FailCode', 'FailMessage', 'MediaUrl', 'Progress', 'Status'].sort(),
    );
    expect(done).toMatchObject({ Status: 'SUCCESS', Progress: 100, FailCode: 0 });
    expect((await call(PATHS.ppt, ppt)).json.Header.Code).toBe(0);
    // A PPT task is not visible through the broadcast getprogress, and vice versa.
    expect(
      (await call(PATHS.progress, { TaskId: first.json.Payload.TaskId })).json.Header.Code,
    ).toBe(110006);
  });

  it('makes tts tasks with a real WAV of the planned length', async () => {
    await start();
    const timbre = gateway.catalogue.timbres[0]!.TimbreKey;
    const id = (
      await call(PATHS.tts, {
        TimbreKey: timbre,
        InputSsml: SHORT,
        Speed: 1,
        Codec: 'wav',
        SampleRate: 24000,
      })
    ).json.Payload.TaskId;
    await gateway.clock.advance(60_000);
    const done = await progress(id);
    const wav = new Uint8Array(await (await fetch(done.MediaUrl)).arrayBuffer());
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe('RIFF');
    const view = new DataView(wav.buffer);
    expect(view.getUint32(24, true)).toBe(24000);
    expect(Math.round(((wav.length - 44) / 2 / 24000) * 1000)).toBeCloseTo(done.Duration, -2);
    // Word times in 0.1 µs units: divided by 10,000 they are milliseconds (1240/81270).
    expect(done.TextTimestampResult[0].Sentence).toBe(SHORT);
    const [first] = done.TextTimestampResult[0].Words;
    expect(first).toMatchObject({ Word: '大' });
    const plan = gateway.tasks[0]!.plan.sentences[0]!.Words[0]!;
    expect(first.StartTimestamp).toBe(plan.StartTimestamp * 10_000);
    expect(first.EndTimestamp / 10_000).toBeLessThan(done.Duration);
  });

  it('rejects unknown VirtualmanKey and TimbreKey with 100016, bad values with 100002', async () => {
    await start();
    const unknownAvatar = await call(PATHS.make, {
      VirtualmanKey: 'f'.repeat(32),
      SpeechParam: SPEECH,
      InputSsml: SHORT,
    });
    expect(unknownAvatar.json.Header.Code).toBe(100016);
    const unknownTimbre = await call(PATHS.make, {
      VirtualmanKey: avatar(),
      InputSsml: SHORT,
      SpeechParam: { Speed: 1, TimbreKey: 'nope' },
    });
    expect(unknownTimbre.json.Header.Code).toBe(100016);
    const speed = await call(PATHS.make, {
      VirtualmanKey: avatar(),
      InputSsml: SHORT,
      SpeechParam: { Speed: 3 },
    });
    expect(speed.json.Header).toMatchObject({ Code: 100002 });
    expect(speed.json.Header.Message).toMatch(/SpeechParam\.Speed/);
    const noText = await call(PATHS.make, { VirtualmanKey: avatar(), SpeechParam: SPEECH });
    // 1211/62087 marks SpeechParam and SpeechParam.Speed required.
    const noSpeech = await call(PATHS.make, { VirtualmanKey: avatar(), InputSsml: SHORT });
    expect(noSpeech.json.Header).toMatchObject({ Code: 100001 });
    expect(noSpeech.json.Header.Message).toMatch(/Payload\.SpeechParam/);
    expect(noText.json.Header.Message).toMatch(/InputSsml/);
    const tooLong = await call(PATHS.make, {
      VirtualmanKey: avatar(),
      SpeechParam: SPEECH,
      InputSsml: 'a'.repeat(20_001),
    });
    expect(tooLong.json.Header.Code).toBe(100002);
    expect(gateway.tasks).toHaveLength(0);
  });

  it('can send numeric TaskIds and accepts them back', async () => {
    await start({ numericTaskIds: true });
    const id = (
      await call(PATHS.makeAdvanced, {
        VirtualmanKey: avatar(),
        SpeechParam: SPEECH,
        InputSsml: SHORT,
      })
    ).json.Payload.TaskId;
    expect(typeof id).toBe('number');
    expect((await progress(id)).Status).toBe('MAKING');
    expect((await progress(String(id))).Status).toBe('MAKING');
  });

  it('ends tasks on the real clock by itself (renderSpeed makes it quick)', async () => {
    gateway = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      renderSpeed: 50,
    });
    close.push(() => gateway.close());
    const listening = await gateway.listen();
    server = listening;
    close.push(() => listening.close());
    const now = Math.floor(Date.now() / 1000);
    const reply = await post(signedUrl(server.url, PATHS.make, { timestamp: now }), {
      VirtualmanKey: avatar(),
      SpeechParam: SPEECH,
      InputSsml: SHORT,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.tasks[0]!.status).toBe('SUCCESS');
    expect(reply.json.Header.Code).toBe(0);
  });
});

describe('asset catalogue', () => {
  it('pages timbres, avatars and anchors with Total', async () => {
    await start();
    const first = (await call(PATHS.timbres, { PageIndex: 1, PageSize: 10 })).json.Payload;
    const last = (await call(PATHS.timbres, { PageIndex: 4, PageSize: 10 })).json.Payload;
    expect(first.Total).toBe(32);
    expect(first.TimbreAssets).toHaveLength(10);
    expect(last.TimbreAssets).toHaveLength(2);
    expect(
      new Set(
        [...first.TimbreAssets, ...last.TimbreAssets].map(
          (t: { TimbreKey: string }) => t.TimbreKey,
        ),
      ).size,
    ).toBe(12);
    const avatars = (await call(PATHS.avatars, { PageIndex: 1, PageSize: 100 })).json.Payload;
    expect(avatars.Total).toBe(48);
    expect(avatars.Virtualmans[0].VirtualmanKey).toMatch(/^[0-9a-f]{32}$/);
    expect((await fetch(avatars.Virtualmans[0].HeaderImage)).headers.get('content-type')).toBe(
      'image/jpeg',
    );
    // getanchor (1240/99704): VirtualmanTypeCode required; the anchors come as Virtualmans.
    const anchors = (
      await call(PATHS.anchors, {
        VirtualmanTypeCode: '2D_SMALL_SAMPLE',
        PageIndex: 2,
        PageSize: 5,
      })
    ).json.Payload;
    expect(anchors).toMatchObject({ Total: 6 });
    expect(anchors.Virtualmans).toHaveLength(1);
    expect(anchors.Virtualmans[0]).toMatchObject({ Gender: expect.any(Number) });
    const byAnchor = (
      await call(PATHS.anchorAvatars, {
        VirtualmanTypeCode: '2D_SMALL_SAMPLE',
        PageIndex: 1,
        PageSize: 100,
        AnchorCodes: ['aria'],
      })
    ).json.Payload;
    expect(byAnchor.Total).toBe(6);
    expect((await call(PATHS.timbres, { PageIndex: 1, PageSize: 101 })).json.Header.Code).toBe(
      100002,
    );
    expect((await call(PATHS.timbres, { PageIndex: 0, PageSize: 10 })).json.Header.Code).toBe(
      100002,
    );
  });
});
