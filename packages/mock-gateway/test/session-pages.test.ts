// Session and drive behaviours the pages state in so many words, each test naming its page.
import { describe, expect, it } from 'vitest';
import { type Frame, reqId, S, setup, statuses } from './session-env.js';

const LONG = '一'.repeat(40); // about 9 s of speech
const errors = (frames: Frame[]) => frames.filter((f) => f.Payload.Type === 9);

async function running(options: Parameters<typeof setup>[0] = {}) {
  const env = await setup(options);
  await env.call(`${S}startsession`, { SessionId: env.SessionId });
  return { ...env, channel: env.connect() };
}

describe('the HTTP drive command (1240/100404)', () => {
  it('{ Interrupt: true } without Text is the forced interrupt (强制打断), outside the text pacing', async () => {
    const { gateway, drive, channel, SessionId } = await running();
    const first = reqId();
    expect((await drive({ Text: LONG }, first)).Header.Code).toBe(0);
    await gateway.clock.advance(500);
    // The page's own example: "Data": { "Interrupt": true }, Text defaulting to "".
    expect((await drive({ Interrupt: true })).Header.Code).toBe(0);
    expect(channel.speech()).toEqual([
      [first, 'WaitingTextStart'],
      [first, 'TextStart'],
      [first, 'TextOver!'],
    ]);
    expect((await drive({ Text: '', Interrupt: true })).Header.Code).toBe(0);
    // Empty text that is no interrupt is still refused.
    for (const data of [{}, { Text: '' }, { Text: '', Interrupt: false }]) {
      expect((await drive(data)).Header.Code).toBe(100002);
    }
    expect(gateway.sessions.get(SessionId)!.drives).toHaveLength(1);
    await gateway.clock.advance(600);
    expect((await drive({ Text: 'Next.' })).Header.Code).toBe(0);
  });
});

describe('SEND_STREAMTEXT interrupts (1240/100399: 传入 true 并且 Text 为空,表示打断流式文本)', () => {
  it('stops a stream whose final packet has arrived, with its own ReqId and Seq', async () => {
    const { gateway, channel, SessionId } = await running();
    const id = reqId();
    channel.send('SEND_STREAMTEXT', { Text: LONG, Seq: 1, IsFinal: false }, id);
    channel.send('SEND_STREAMTEXT', { Text: '', Seq: 2, IsFinal: true }, id);
    await gateway.clock.advance(500);
    channel.send('SEND_STREAMTEXT', { Text: '', Seq: 2, IsFinal: true, Interrupt: true }, id);
    await gateway.clock.advance(20_000);
    expect(errors(channel.received)).toEqual([]);
    expect(channel.speech()).toEqual([
      [id, 'WaitingTextStart'],
      [id, 'WaitingTextOver'],
      [id, 'TextStart'],
      [id, 'TextOver!'],
    ]);
    expect(gateway.sessions.get(SessionId)!.drives).toHaveLength(1);
  });

  it('takes any Seq from 1 and any ReqId, Text left out (只需要填充 Seq 以及 Interrupt), and creates no drive', async () => {
    const { gateway, channel, SessionId } = await running();
    const id = reqId();
    channel.send('SEND_STREAMTEXT', { Text: LONG, Seq: 1 }, id);
    await gateway.clock.advance(500);
    // A new ReqId, Seq 59 (the page's example), no Text.
    channel.send('SEND_STREAMTEXT', { Seq: 59, Interrupt: true });
    expect(channel.speech().at(-1)).toEqual([id, 'TextOver!']);
    // The stream's later chunks are dropped quietly; it does not fail.
    channel.send('SEND_STREAMTEXT', { Text: 'more', Seq: 2 }, id);
    // Out of order within a running stream is an interrupt too.
    const other = reqId();
    channel.send('SEND_STREAMTEXT', { Text: LONG, Seq: 1 }, other);
    await gateway.clock.advance(500);
    channel.send('SEND_STREAMTEXT', { Text: '', Seq: 7, Interrupt: true }, other);
    expect(channel.speech().at(-1)).toEqual([other, 'TextOver!']);
    expect(errors(channel.received)).toEqual([]);
    expect(gateway.sessions.get(SessionId)!.drives.map((d) => d.reqId)).toEqual([id, other]);
    expect(gateway.sessions.get(SessionId)!.drives.map((d) => d.interrupted)).toEqual([true, true]);
  });

  it('is still refused without Seq (注意不可省去 Seq)', async () => {
    const { channel } = await running();
    channel.send('SEND_STREAMTEXT', { Text: '', Interrupt: true });
    expect(statuses(channel.received)).toEqual([[9, 'Error', 100001]]);
  });
});

describe('a new text cuts off the current speech (1240/100397: 总是会打断当前播报然后播放 Text 的内容)', () => {
  // 1240/108576: 当前正在播报的文本被打断完成会收到 TextOver 的下行消息,新文本播报开始会收到 TextStart.
  const expected = (first: string, second: string) => [
    [first, 'WaitingTextStart'],
    [first, 'TextStart'],
    [first, 'TextOver!'],
    [second, 'WaitingTextStart'],
    [second, 'TextStart'],
    [second, 'TextOver'],
  ];

  it('on the channel, without Interrupt', async () => {
    const { gateway, channel } = await running();
    const [first, second] = [reqId(), reqId()];
    channel.send('SEND_TEXT', { Text: LONG }, first);
    await gateway.clock.advance(1001);
    channel.send('SEND_TEXT', { Text: 'Something else.' }, second);
    await gateway.clock.advance(20_000);
    expect(channel.speech()).toEqual(expected(first, second));
  });

  it('over the HTTP drive, without Interrupt', async () => {
    const { gateway, drive, channel } = await running();
    const [first, second] = [reqId(), reqId()];
    await drive({ Text: LONG }, first);
    await gateway.clock.advance(1001);
    await drive({ Text: 'Something else.' }, second);
    await gateway.clock.advance(20_000);
    expect(channel.speech()).toEqual(expected(first, second));
  });

  it('a stream being spoken too', async () => {
    const { gateway, channel } = await running();
    const [stream, text] = [reqId(), reqId()];
    channel.send('SEND_STREAMTEXT', { Text: LONG, Seq: 1, IsFinal: true }, stream);
    await gateway.clock.advance(500);
    channel.send('SEND_TEXT', { Text: 'Hello.' }, text);
    await gateway.clock.advance(20_000);
    expect(channel.speech().filter(([id]) => id === stream)).toEqual([
      [stream, 'WaitingTextStart'],
      [stream, 'WaitingTextOver'],
      [stream, 'TextStart'],
      [stream, 'TextOver!'],
    ]);
    expect(channel.speech().at(-1)).toEqual([text, 'TextOver']);
  });
});

describe('text pacing: 发送文本间隔必须大于1s (1240/100397)', () => {
  it('refuses a SEND_TEXT exactly one second after the last one', async () => {
    const { gateway, channel } = await running();
    channel.send('SEND_TEXT', { Text: 'One.' });
    await gateway.clock.advance(1000);
    channel.send('SEND_TEXT', { Text: 'Two.' });
    expect(errors(channel.received).map((f) => f.Payload.Code)).toEqual([100012]);
    await gateway.clock.advance(1);
    channel.send('SEND_TEXT', { Text: 'Two, now.' });
    expect(errors(channel.received)).toHaveLength(1);
  });
});

describe('session responses echo the ReqId (1240/100389, 100393; 1211/62105–62109)', () => {
  it('statsession, startsession, closesession and the three lists', async () => {
    const { gateway, call, SessionId } = await setup();
    const key = gateway.catalogue.avatars[0]!.VirtualmanKey;
    const calls: Array<[string, Record<string, unknown>]> = [
      ['statsession', { SessionId }],
      ['startsession', { SessionId }],
      ['listsessionofuin', {}],
      ['listsessionofprojectid', { VirtualmanProjectId: 'p' }],
      ['listsessionofassetvk', { AssetVirtualmanKey: key }],
      ['closesession', { SessionId }],
    ];
    for (const [name, payload] of calls) {
      const id = reqId();
      const reply = await call(`${S}${name}`, { ReqId: id, ...payload });
      expect([name, reply.Header.Code, reply.Payload.ReqId]).toEqual([name, 0, id]);
    }
  });
});

describe('createsessionbyasset layers (1211/62103, 1240/106612)', () => {
  it('"the total number of backgrounds and foregrounds cannot exceed 5"', async () => {
    const { gateway, call } = await setup({ maxConcurrent: 5 });
    const key = gateway.catalogue.avatars[0]!.VirtualmanKey;
    const layer = { Url: 'https://example.com/layer.png' };
    const create = (backgrounds: number, foregrounds: number) =>
      call(`${S}createsessionbyasset`, {
        AssetVirtualmanKey: key,
        UserId: reqId(),
        Protocol: 'webrtc',
        DriverType: 1,
        Backgrounds: Array(backgrounds).fill(layer),
        Foregrounds: Array(foregrounds).fill(layer),
      });
    expect((await create(3, 3)).Header.Code).toBe(100002);
    expect((await create(0, 6)).Header.Code).toBe(100002);
    expect((await create(2, 3)).Header.Code).toBe(0);
    expect((await create(5, 0)).Header.Code).toBe(0);
  });
});

describe('the socket idle timeout counts downlink traffic (1240/108576: 无有效上下行数据)', () => {
  it('a client that drives over HTTP and only listens keeps its socket while statuses flow', async () => {
    const { gateway, drive, channel } = await running({ socketIdleMs: 10_000 });
    expect((await drive({ Text: 'Hi.' })).Header.Code).toBe(0);
    await gateway.clock.advance(9_500);
    expect(channel.speech().map(([, status]) => status)).toEqual([
      'WaitingTextStart',
      'TextStart',
      'TextOver',
    ]);
    await gateway.clock.advance(1_000);
    expect(channel.closes).toEqual([]);
    // The deadline runs from the last message (the TextOver, a second or two in), not from
    // the moment the clock was read.
    await gateway.clock.advance(4_000);
    expect(channel.closes).toEqual([[4000, 'idle: no data either way for too long']]);
  });
});

describe('downlink fields of 1240/100401: Seq and ReqId are required', () => {
  it('a SEND_TEXT drive reports Seq 1; a Type 9 about no drive carries ReqId ""', async () => {
    const { gateway, drive, channel, SessionId } = await running();
    channel.send('SEND_TEXT', { Text: 'Over the channel.' });
    await gateway.clock.advance(5_000);
    await drive({ Text: 'Over HTTP.' });
    await gateway.clock.advance(5_000);
    const status = channel.received.filter((f) => f.Payload.Type === 3);
    expect(status).toHaveLength(6);
    expect(status.every((f) => f.Payload.Seq === 1)).toBe(true);
    channel.connection.receive('{not json');
    channel.connection.receive(new Uint8Array([1]));
    gateway.sessions.fail(SessionId);
    const failures = errors(channel.received);
    expect(failures.map((f) => [f.Payload.ReqId, f.Payload.Code])).toEqual([
      ['', 100001],
      ['', 100001],
      ['', -101001],
    ]);
  });
});
