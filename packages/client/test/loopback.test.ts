// The client against @tvs/mock-gateway over real loopback sockets.
import {
  API_CODES,
  type AttemptLog,
  describeFailCode,
  FAIL_CODES,
  TvsAmbiguousError,
  TvsApiError,
  TvsError,
  TvsHttpError,
  TvsNetworkError,
  TvsTaskFailedError,
  TvsTimeoutError,
  VERSION,
} from '@tvs/client';
import { operations } from '@tvs/envelope';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closedPortUrl, type Harness, printed, startGateway, TOKEN } from './helpers.js';

const MAKE = '/videomake';
const PROGRESS = '/broadcastservice/getprogress';

let h: Harness;
beforeEach(async () => {
  h = await startGateway();
});
afterEach(async () => {
  await h.close();
});

const avatarKey = () => h.gateway.catalogue.avatars[0]!.VirtualmanKey;
const make = (client = h.client()) =>
  client.video.make({
    VirtualmanKey: avatarKey(),
    InputSsml: 'Hello from the tests.',
    SpeechParam: { Speed: 1 },
  });

/** A clock that moves one second per reading, so every signature has its own timestamp. */
function tickingClock() {
  let t = Date.now();
  return () => {
    t += 1000;
    return t;
  };
}

describe('request()', () => {
  it('sends the envelope with the content type and SDK headers, and returns payload, requestId, header, response', async () => {
    const seen: Request[] = [];
    const client = h.client({
      fetch: (input, init) => {
        const request = new Request(input as Request, init);
        seen.push(request.clone());
        return fetch(request);
      },
    });
    const result = await client.request('/v2/ivh/crmserver/customerassetservice/describetimbre', {
      PageIndex: 1,
      PageSize: 2,
    });
    expect(result.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.header.Code).toBe(0);
    expect(result.response.status).toBe(200);
    expect(Array.isArray((result.payload as { TimbreAssets: unknown[] }).TimbreAssets)).toBe(true);
    const sent = seen[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(sent.headers.get('x-tvs-sdk')).toBe(`typescript/${VERSION}`);
    expect(sent.headers.get('user-agent')).toContain(`tvs-sdk-typescript/${VERSION}`);
    const url = new URL(sent.url);
    expect([...url.searchParams.keys()].sort()).toEqual(['appkey', 'signature', 'timestamp']);
    const body = JSON.parse(await sent.text());
    expect(body).toEqual({
      Header: { RequestID: result.requestId },
      Payload: { PageIndex: 1, PageSize: 2 },
    });
  });

  it('keeps a caller-chosen requestId', async () => {
    const requestId = 'f'.repeat(32);
    const result = await h
      .client()
      .request(
        '/v2/ivh/crmserver/customerassetservice/describetimbre',
        { PageIndex: 1, PageSize: 1 },
        { requestId },
      );
    expect(result.requestId).toBe(requestId);
  });

  it('surfaces gateway errors as TvsApiError with requestId and attempts', async () => {
    const error = await h
      .client()
      .video.progress({ TaskId: 'no-such-task' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsApiError);
    expect(error).toBeInstanceOf(TvsError);
    const api = error as TvsApiError & { attempts: number };
    expect(api.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(api.attempts).toBe(1);
    expect(JSON.parse(JSON.stringify(api))).toMatchObject({ name: 'TvsApiError', attempts: 1 });
  });

  it('checks required fields before sending', async () => {
    const client = h.client();
    await expect(client.video.make({} as never)).rejects.toThrow(/VirtualmanKey/);
    expect(h.callsTo(MAKE)).toHaveLength(0);
  });
});

describe('operations', () => {
  it('makes a video, reports progress and waits for it', async () => {
    const client = h.client();
    const { TaskId } = await make(client);
    expect(typeof TaskId).toBe('string');
    const states: Array<string | undefined> = [];
    const done = await client.video.waitFor(TaskId, {
      pollInterval: 20,
      onProgress: (p) => states.push(p.Status),
    });
    expect(done.Status).toBe('SUCCESS');
    expect(done.MediaUrl).toMatch(/^http/);
    expect(states.at(-1)).toBe('SUCCESS');
  });

  it('rejects waitFor with TvsTaskFailedError explaining the FailCode from the FailCode table (1240/81277)', async () => {
    const client = h.client();
    const { TaskId } = await client.video.make({
      VirtualmanKey: avatarKey(),
      SpeechParam: { Speed: 1 },
      DriverType: 'OriginalVoice',
      InputAudioUrl: 'https://media.example.invalid/voice.wav',
    });
    const error = await client.video.waitFor(TaskId, { pollInterval: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsTaskFailedError);
    const failed = error as TvsTaskFailedError;
    expect(failed.failCode).toBe(FAIL_CODES.FILE_DOWNLOAD_FAILED);
    expect(failed.taskId).toBe(TaskId);
    // The failing poll's RequestID, as the gateway's call log has it (was '').
    expect(failed.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(h.callsTo(PROGRESS).map((c) => c.requestId)).toContain(failed.requestId);
    expect(failed.explanation).toBe(describeFailCode(801008).explanation);
    expect(failed.category).toBe('validation');
  });

  it('refuses a text the content review rejects with the API code 801005, before any task (1240/81277)', async () => {
    await h.close();
    h = await startGateway({ blockedWords: ['forbidden'] });
    const error = await h
      .client()
      .video.make({ VirtualmanKey: avatarKey(), SpeechParam: { Speed: 1 }, InputSsml: 'forbidden' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsApiError);
    expect(error).toMatchObject({ code: API_CODES.CONTENT_REJECTED, category: 'content' });
  });

  it('makes from a video, a photo, text to speech and a PPT', async () => {
    const client = h.client();
    const fromVideo = await client.video.makeFromVideo({
      RefVideoUrl: 'https://example.com/ref.mp4',
      DriverType: 'Text',
      InputSsml: 'Hello there.',
      SpeechParam: { Speed: 1 }, // required for text driving (1240/116222)
    });
    const fromPhoto = await client.video.makeFromPhoto({
      RefPhotoUrl: 'https://example.com/me.png',
      DriverType: 'Text',
      InputSsml: 'Hello there.',
      SpeechParam: { Speed: 1, TimbreKey: h.gateway.catalogue.timbres[0]!.TimbreKey },
    });
    const tts = await client.video.tts({
      TimbreKey: h.gateway.catalogue.timbres[0]!.TimbreKey,
      InputSsml: 'Hi.',
      Speed: 1,
    });
    const advanced = await client.video.makeAdvanced({
      VirtualmanKey: avatarKey(),
      InputSsml: 'Hi.',
      SpeechParam: { Speed: 1 },
    });
    for (const { TaskId } of [fromVideo, fromPhoto, tts, advanced]) expect(TaskId).toBeTruthy();
    const ppt = await client.ppt.make({ PPTFileUrl: 'https://example.com/deck.pptx' } as never);
    const progress = await client.ppt.progress({ TaskId: ppt.TaskId });
    // Answered with the fields of 1240/130021's table, Status among them.
    expect(progress.Status).toBe('MAKING');
    expect(typeof progress.Progress).toBe('number');
    await h.gateway.clock.advance(120_000);
    expect(await client.ppt.waitFor(ppt.TaskId, { pollInterval: 5 })).toMatchObject({
      Progress: 100,
    });
  });

  it('pages through timbres and avatars with for await', async () => {
    const client = h.client();
    const timbres = [];
    for await (const timbre of client.assets.timbres({}, { pageSize: 3 })) timbres.push(timbre);
    expect(timbres.length).toBe(h.gateway.catalogue.timbres.length);
    const avatars = [];
    for await (const avatar of client.assets.avatars()) avatars.push(avatar);
    expect(avatars.length).toBeGreaterThan(0);
    const calls = h.callsTo('/describetimbre').length;
    expect(calls).toBe(Math.ceil((timbres.length + 1) / 3));
    await client.assets.anchors({
      VirtualmanTypeCode: '2D_SMALL_SAMPLE',
      PageIndex: 1,
      PageSize: 5,
    });
  });

  it("sends sessions, live rooms, cloning and face detection to the table's paths", async () => {
    // Whatever the mock answers (most of these are refused: no such session or room), each call
    // goes to the operation table's path exactly once: enough to prove the wiring.
    const client = h.client({ retry: false });
    const calls: Array<[string, () => Promise<unknown>]> = [
      [
        'sessions.create',
        () =>
          client.sessions.create({
            VirtualmanProjectId: 'p',
            UserId: 'u',
            Protocol: 'rtmp',
            DriverType: 1,
          }),
      ],
      [
        'sessions.createByAsset',
        () =>
          client.sessions.createByAsset({
            AssetVirtualmanKey: 'k',
            UserId: 'u',
            Protocol: 'rtmp',
            DriverType: 1,
          }),
      ],
      ['sessions.stat', () => client.sessions.stat({ SessionId: 's' })],
      ['sessions.start', () => client.sessions.start({ SessionId: 's' })],
      ['sessions.close', () => client.sessions.close({ SessionId: 's' })],
      ['sessions.list', () => client.sessions.list({})],
      ['sessions.listByProject', () => client.sessions.listByProject({ VirtualmanProjectId: 'p' })],
      ['sessions.listByAsset', () => client.sessions.listByAsset({ AssetVirtualmanKey: 'k' })],
      [
        'liveRooms.open',
        () =>
          client.liveRooms.open({
            VideoStreamReq: { Protocol: 'rtmp', VirtualmanProjectId: 'p' },
            CycleTimes: 1,
            Scripts: [{ Content: 'hi' }],
          }),
      ],
      ['liveRooms.get', () => client.liveRooms.get({ LiveRoomId: 'r' } as never)],
      ['liveRooms.list', () => client.liveRooms.list({ PageIndex: 1, PageSize: 1 })],
      [
        'liveRooms.takeover',
        () => client.liveRooms.takeover({ LiveRoomId: 'r', Content: 'hi' } as never),
      ],
      ['liveRooms.close', () => client.liveRooms.close({ LiveRoomId: 'r' } as never)],
      ['cloning.uploadCredentials', () => client.cloning.uploadCredentials({})],
      ['cloning.make', () => client.cloning.make({ AnchorName: 'A', MakeType: 'VOICE' })],
      ['cloning.progress', () => client.cloning.progress({ TaskId: 't' })],
      ['cloning.confirm', () => client.cloning.confirm({ TaskId: 't', Operate: 'AGREE' })],
      [
        'faces.detect',
        () => client.faceDetect.detect({ ImageUrl: 'https://example.com/f.png' } as never),
      ],
      ['faces.detectState', () => client.faceDetect.state({ TaskId: 't' })],
    ];
    for (const [name, call] of calls) {
      const before = h.gateway.calls.length;
      await call().catch(() => undefined);
      const sent = h.gateway.calls.slice(before);
      expect(sent, name).toHaveLength(1);
      expect(sent[0]!.path, name).toBe(
        (operations as Record<string, { path: string }>)[name]!.path,
      );
    }
    // ReqId is generated when left out.
    const bodies: string[] = [];
    const spy = h.client({
      retry: false,
      fetch: async (input, init) => {
        bodies.push(await new Request(input as Request, init).text());
        return fetch(input, init);
      },
    });
    await spy.sessions.stat({ SessionId: 's' }).catch(() => undefined);
    expect(JSON.parse(bodies[0]!).Payload.ReqId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('decodes session and cloning answers, numeric TaskIds as strings', async () => {
    const answers: Record<string, object> = {
      createsessionbyasset: { SessionId: 's1', SessionStatus: 3 },
      getprogress: { StageV2: 'CONFIRM', Status: 'RUNNING' },
      make: { TaskId: 12345 },
    };
    const stages: Array<string | undefined> = [];
    const client = h.client({
      fetch: async (input) => {
        const url = new URL((input as Request).url);
        const last = url.pathname.split('/').at(-1)!;
        const Payload = answers[last] ?? {};
        return Response.json({ Header: { Code: 0, Message: '', RequestID: 'r' }, Payload });
      },
    });
    const session = await client.sessions.createByAsset({
      AssetVirtualmanKey: 'k',
      UserId: 'u',
      Protocol: 'rtmp',
      DriverType: 1,
    });
    expect(session.SessionId).toBe('s1');
    const clone = await client.cloning.make({ AnchorName: 'A', MakeType: 'VOICE' });
    expect(clone.TaskId).toBe('12345');
    const done = await client.cloning.waitFor(clone.TaskId, {
      pollInterval: 5,
      onProgress: (p) => stages.push(p.StageV2),
    });
    expect(done.StageV2).toBe('CONFIRM');
    expect(stages).toEqual(['CONFIRM']);
  });
});

describe('retries that never duplicate work', () => {
  it('sends a make exactly once when the connection resets after processing', async () => {
    h.gateway.faults.next({ kind: 'reset-after', path: MAKE });
    const error = await make().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsAmbiguousError);
    const ambiguous = error as TvsAmbiguousError;
    expect(ambiguous.reason).toBe('network');
    expect(ambiguous.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(ambiguous.attempts).toBe(1);
    expect(ambiguous.message).toMatch(/Reconcile/);
    expect(h.callsTo(MAKE)).toHaveLength(1);
    expect(h.callsTo(MAKE)[0]!.requestId).toBe(ambiguous.requestId);
    expect(h.gateway.tasks).toHaveLength(1);
  });

  it('retries an idempotent call after a reset, freshly signed each time', async () => {
    const { TaskId } = await make();
    h.gateway.faults.next({ kind: 'reset-after', path: PROGRESS, count: 2 });
    const progress = await h.client({ now: tickingClock() }).video.progress({ TaskId });
    expect(progress.Status).toBeTruthy();
    const calls = h.callsTo(PROGRESS);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.timestamp)).size).toBe(3);
    expect(new Set(calls.map((c) => c.signature)).size).toBe(3);
    expect(new Set(calls.map((c) => c.requestId)).size).toBe(1);
  });

  it('retries any call when the gateway throttles (it did not act)', async () => {
    h.gateway.faults.next({ kind: 'throttle', path: MAKE, code: 100012 });
    h.gateway.faults.next({ kind: 'throttle', path: MAKE, code: 801004 });
    const { TaskId } = await make();
    expect(TaskId).toBeTruthy();
    expect(h.callsTo(MAKE).map((c) => c.code)).toEqual([100012, 801004, 0]);
    expect(h.gateway.tasks).toHaveLength(1);
  });

  it('honours Retry-After on 429, and fails at once when it is over the cap', async () => {
    h.gateway.faults.next({ kind: 'throttle', path: MAKE, status: 429, retryAfterSeconds: 1 });
    const started = performance.now();
    await make();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    h.gateway.faults.next({ kind: 'throttle', path: MAKE, status: 429, retryAfterSeconds: 600 });
    const error = await make().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsApiError);
    expect((error as TvsApiError).httpStatus).toBe(429);
  });

  it('turns a 502 or 503 page on a make into TvsAmbiguousError, sent once (the gateway may have acted)', async () => {
    for (const httpStatus of [502, 503] as const) {
      const before = h.callsTo(MAKE).length;
      h.gateway.faults.next({ kind: 'http-error', path: MAKE, httpStatus });
      const error = await make().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TvsAmbiguousError);
      expect((error as TvsAmbiguousError).reason).toBe('http');
      expect((error as TvsAmbiguousError).httpStatus).toBe(httpStatus);
      expect((error as TvsAmbiguousError).cause).toBeInstanceOf(TvsHttpError);
      expect(h.callsTo(MAKE).length - before).toBe(1);
    }
  });

  it('retries an idempotent call through 502s, and gives up with TvsHttpError after the limit', async () => {
    const { TaskId } = await make();
    h.gateway.faults.next({ kind: 'http-error', path: PROGRESS, httpStatus: 502 });
    await h.client().video.progress({ TaskId });
    h.gateway.faults.next({ kind: 'http-error', path: PROGRESS, httpStatus: 502, count: 5 });
    const error = await h
      .client({ retry: { limit: 1, baseDelay: 1 } })
      .video.progress({ TaskId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsHttpError);
    expect((error as TvsHttpError).status).toBe(502);
    expect((error as TvsHttpError).attempts).toBe(2);
    expect((error as TvsHttpError).bodyExcerpt).toContain('502 Bad Gateway');
  });

  it('retries a cut-off body for an idempotent call', async () => {
    const { TaskId } = await make();
    h.gateway.faults.next({ kind: 'malformed-json', path: PROGRESS });
    await h.client().video.progress({ TaskId });
    expect(h.callsTo(PROGRESS)).toHaveLength(2);
  });

  it('retries even a make when the connection was refused before sending', async () => {
    let first = true;
    const client = h.client({
      fetch: (input, init) => {
        if (first) {
          first = false;
          return closedPortUrl().then((url) => fetch(url, { method: 'POST', body: '{}' }));
        }
        return fetch(input, init);
      },
    });
    const { TaskId } = await make(client);
    expect(TaskId).toBeTruthy();
    expect(h.callsTo(MAKE)).toHaveLength(1);
  });

  it('fails with TvsNetworkError (sent: false) when nothing listens', async () => {
    const client = h.client({ baseUrl: await closedPortUrl(), retry: { limit: 1, baseDelay: 1 } });
    const error = await make(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsNetworkError);
    expect((error as TvsNetworkError).sent).toBe(false);
    expect((error as TvsNetworkError).attempts).toBe(2);
  });

  it('does not retry with retry: false', async () => {
    h.gateway.faults.next({ kind: 'throttle', path: MAKE });
    const error = await make(h.client({ retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsApiError);
    expect((error as TvsApiError).code).toBe(100012);
    expect(h.callsTo(MAKE)).toHaveLength(1);
  });
});

describe('clock skew', () => {
  for (const skew of [600_000, -600_000]) {
    it(`learns a ${skew > 0 ? '+' : '−'}10 min offset once, re-signs and retries once`, async () => {
      h.gateway.faults.clockSkewMs = skew;
      const lines: AttemptLog[] = [];
      const client = h.client({ logger: { debug: (_, fields) => lines.push(fields) } });
      const { TaskId } = await make(client);
      expect(TaskId).toBeTruthy();
      expect(h.callsTo(MAKE).map((c) => c.code)).toEqual([100005, 0]);
      expect(lines.map((l) => l.outcome)).toEqual(['resign', 'done']);
      // Later calls sign with the corrected clock from the start.
      await client.video.progress({ TaskId });
      expect(h.callsTo(PROGRESS).map((c) => c.code)).toEqual([0]);
    });
  }

  it('shares what one call learned with concurrent calls', async () => {
    h.gateway.faults.clockSkewMs = 600_000;
    const lines: AttemptLog[] = [];
    const client = h.client({ logger: { debug: (_, fields) => lines.push(fields) } });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => client.assets.listTimbres({ PageIndex: 1, PageSize: 1 })),
    );
    expect(results).toHaveLength(20);
    const refused = h.callsTo('/describetimbre').filter((c) => c.code === 100005).length;
    expect(refused).toBeLessThanOrEqual(20);
    expect(lines.filter((l) => l.outcome === 'resign')).toHaveLength(refused);
    lines.length = 0;
    await client.assets.listTimbres({ PageIndex: 1, PageSize: 1 });
    expect(lines.map((l) => l.outcome)).toEqual(['done']);
  });

  it('does not retry an auth failure that is not skew (a wrong token)', async () => {
    const client = h.client({ accessToken: 'tok-wrong' });
    const error = await make(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsApiError);
    expect((error as TvsApiError).code).toBe(100005);
    expect(h.callsTo(MAKE)).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('times out an idempotent call per attempt and retries it', async () => {
    const { TaskId } = await make();
    h.gateway.faults.next({ kind: 'latency', path: PROGRESS, latencyMs: 400, count: 3 });
    const error = await h
      .client({ timeout: 100, retry: { limit: 2, baseDelay: 1 } })
      .video.progress({ TaskId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsTimeoutError);
    expect((error as TvsTimeoutError).attempts).toBe(3);
    expect((error as TvsTimeoutError).timeoutMs).toBe(100);
  });

  it('turns a timed-out make into TvsAmbiguousError without resending', async () => {
    h.gateway.faults.next({ kind: 'latency', path: MAKE, latencyMs: 400 });
    const error = await make(h.client({ timeout: 100 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsAmbiguousError);
    expect((error as TvsAmbiguousError).reason).toBe('timeout');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.callsTo(MAKE)).toHaveLength(1);
  });

  it('a per-call timeout overrides the client one', async () => {
    const { TaskId } = await make();
    h.gateway.faults.next({ kind: 'latency', path: PROGRESS, latencyMs: 300 });
    const client = h.client({ timeout: 50, retry: false });
    await expect(client.video.progress({ TaskId }, { timeout: 2000 })).resolves.toBeTruthy();
  });

  it('an abort after a make was sent is TvsAmbiguousError with the AbortError as cause; before sending or between retries, the AbortError', async () => {
    h.gateway.faults.next({ kind: 'latency', path: MAKE, latencyMs: 500 });
    const controller = new AbortController();
    const pending = h
      .client()
      .video.make(
        { VirtualmanKey: avatarKey(), InputSsml: 'x', SpeechParam: { Speed: 1 } },
        { signal: controller.signal },
      );
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TvsAmbiguousError);
    expect((error as TvsAmbiguousError).reason).toBe('aborted');
    expect((error as TvsAmbiguousError).requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(((error as TvsAmbiguousError).cause as Error).name).toBe('AbortError');

    h.gateway.faults.next({ kind: 'throttle', path: MAKE });
    const later = new AbortController();
    // Abort during the 10 s wait after the throttled answer, however long that answer took.
    const abortWhileWaiting = () => void setTimeout(() => later.abort(), 20);
    const waiting = h
      .client({
        retry: { baseDelay: 10_000, maxDelay: 10_000 },
        hooks: { beforeRetry: [abortWhileWaiting] },
      })
      .video.make(
        { VirtualmanKey: avatarKey(), InputSsml: 'x', SpeechParam: { Speed: 1 } },
        { signal: later.signal },
      );
    expect(((await waiting.catch((e: unknown) => e)) as Error).name).toBe('AbortError');

    const { TaskId } = await make();
    h.gateway.faults.next({ kind: 'latency', path: PROGRESS, latencyMs: 500 });
    const reading = new AbortController();
    const progress = h.client().video.progress({ TaskId }, { signal: reading.signal });
    setTimeout(() => reading.abort(), 50);
    expect(((await progress.catch((e: unknown) => e)) as Error).name).toBe('AbortError');

    const already = AbortSignal.abort();
    await expect(
      h.client().video.progress({ TaskId: 'x' }, { signal: already }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops waitFor on abort and on its timeout', async () => {
    // A task that stays MAKING, whatever the mock gateway's render speed.
    const making = h.client({
      fetch: async () =>
        Response.json({
          Header: { Code: 0, Message: '', RequestID: 'r' },
          Payload: { Status: 'MAKING', Progress: 10 },
        }),
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const aborted = await making.video
      .waitFor('t1', { signal: controller.signal, pollInterval: 10_000 })
      .catch((e: unknown) => e);
    expect((aborted as Error).name).toBe('AbortError');
    const timedOut = await making.video
      .waitFor('t1', { timeout: 50, pollInterval: 10 })
      .catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(TvsTimeoutError);
    expect((timedOut as Error).message).toMatch(/task t1 did not finish/);
  });
});

describe('scale', () => {
  it('runs 1,000 concurrent calls', async () => {
    // No per-attempt timeout: on a loaded machine a read that outlasts it is rightly retried,
    // and this test counts that every call reached the gateway exactly once.
    const client = h.client({ timeout: false });
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        client.assets.listTimbres({ PageIndex: 1 + (i % 3), PageSize: 5 }),
      ),
    );
    expect(results).toHaveLength(1000);
    expect(new Set(results.map((r) => r.TimbreAssets.length)).size).toBeGreaterThan(0);
    expect(h.callsTo('/describetimbre').filter((c) => c.code === 0)).toHaveLength(1000);
  }, 120_000);
});

describe('the access token never shows', () => {
  it('is not in the client, log lines, errors, or any URL sent', async () => {
    const lines: string[] = [];
    const client = h.client({
      logger: { debug: (line, fields) => lines.push(line, JSON.stringify(fields)) },
    });
    expect(await printed(client)).not.toContain(TOKEN);
    await make(client);
    h.gateway.faults.next({ kind: 'reset-after', path: MAKE });
    const errors: unknown[] = [await make(client).catch((e: unknown) => e)];
    h.gateway.faults.next({ kind: 'http-error', path: PROGRESS, count: 3 });
    errors.push(await client.video.progress({ TaskId: 'x' }).catch((e: unknown) => e));
    errors.push(await client.video.progress({ TaskId: 'missing' }).catch((e: unknown) => e));
    errors.push(
      await h
        .client({ baseUrl: await closedPortUrl(), retry: false })
        .video.progress({ TaskId: 'x' })
        .catch((e: unknown) => e),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(TvsError);
      const text = await printed(error);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toMatch(/signature=(?!REDACTED)[^&\s"]+/);
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toMatch(/signature=(?!REDACTED)/);
    }
    for (const call of h.gateway.calls) expect(JSON.stringify(call)).not.toContain(TOKEN);
  });
});
