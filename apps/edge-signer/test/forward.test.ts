import { createMockGateway, type MockGateway } from '@tvs/mock-gateway';
import { verifySignedUrl } from '@tvs/signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN,
  APPKEY,
  authed,
  DESCRIBE_TIMBRE,
  defaultBindings,
  GETPROGRESS,
  post,
  type Recorded,
  secretsIn,
  startRecorder,
  startWorker,
  VIDEOMAKE,
  type WorkerHandle,
} from './harness.js';

type Envelope = { Header: { Code: number; RequestID: string }; Payload: Record<string, unknown> };

describe('forwarding to the mock gateway', () => {
  let gateway: MockGateway;
  let server: { url: string; close(): Promise<void> };
  let worker: WorkerHandle;
  let skew = 0;

  beforeAll(async () => {
    // The gateway's clock is the real one plus whatever the test advances it by.
    gateway = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: ACCESS_TOKEN }],
      now: () => Date.now() + skew,
    });
    server = await gateway.listen();
    worker = await startWorker(defaultBindings(server.url));
  });
  afterAll(async () => {
    await worker.dispose();
    await server.close();
    gateway.close();
    expect(secretsIn([...worker.logs, ...worker.seen.map((s) => s.headers + s.body)])).toEqual([]);
  });

  it('lists timbres through a correctly signed call', async () => {
    const response = await worker.fetch(
      DESCRIBE_TIMBRE,
      post({ Header: {}, Payload: { PageIndex: 1, PageSize: 3 } }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Envelope;
    expect(body.Header.Code).toBe(0);
    expect(body.Payload['TimbreAssets']).toHaveLength(3);
    const call = gateway.calls.at(-1)!;
    expect(call).toMatchObject({ path: DESCRIBE_TIMBRE, verdict: 'ok', appkey: APPKEY });
    expect(call.authFailure).toBeUndefined();
  });

  it('makes a video and follows it to SUCCESS (videomake + getprogress)', async () => {
    const VirtualmanKey = gateway.catalogue.avatars[0]!.VirtualmanKey;
    const made = (await (
      await worker.fetch(
        VIDEOMAKE,
        post({
          Header: {},
          Payload: { VirtualmanKey, InputSsml: '你好。', SpeechParam: { Speed: 1 } },
        }),
      )
    ).json()) as Envelope;
    expect(made.Header.Code).toBe(0);
    const TaskId = made.Payload['TaskId'];
    expect(typeof TaskId).toBe('string');

    skew += 60_000; // within the 300 s signature window, so the Worker's signatures still pass
    await gateway.clock.advance(60_000);
    const progress = (await (
      await worker.fetch(GETPROGRESS, post({ Header: {}, Payload: { TaskId } }))
    ).json()) as Envelope;
    expect(progress.Header.Code).toBe(0);
    expect(progress.Payload).toMatchObject({ Status: 'SUCCESS', Progress: 100 });
    expect(String(progress.Payload['MediaUrl'])).toContain('/media/');
  });

  it('passes gateway error envelopes through unchanged', async () => {
    const response = await worker.fetch(
      GETPROGRESS,
      post({ Header: {}, Payload: { TaskId: 'nope' } }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Envelope;
    expect(body.Header.Code).toBe(110006);
  });

  it('echoes the caller RequestID, since the body is forwarded byte for byte', async () => {
    const RequestID = 'a'.repeat(32);
    const response = await worker.fetch(
      DESCRIBE_TIMBRE,
      post({ Header: { RequestID }, Payload: { PageIndex: 1, PageSize: 1 } }),
    );
    expect(((await response.json()) as Envelope).Header.RequestID).toBe(RequestID);
  });
});

describe('what reaches the upstream, and what comes back', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  let worker: WorkerHandle;
  let seen: Recorded;
  let response: Response;
  const body = JSON.stringify({ Header: {}, Payload: { PageIndex: 1, PageSize: 1, ü: '字' } });

  beforeAll(async () => {
    recorder = await startRecorder();
    worker = await startWorker(defaultBindings(recorder.url));
    response = await worker.fetch(DESCRIBE_TIMBRE, {
      method: 'POST',
      headers: authed({
        Cookie: 'session=browser-cookie',
        'Proxy-Authorization': 'Basic Zm9vOmJhcg==',
        'X-Forwarded-For': '203.0.113.9',
        'X-Custom': 'caller',
        Referer: 'https://app.example/page',
        'Content-Type': 'application/json; charset=UTF-8',
      }),
      body,
    });
    seen = recorder.requests[0]!;
  });
  afterAll(async () => {
    await worker.dispose();
    await recorder.close();
  });

  it('sends a POST to the allow-listed path with only appkey, timestamp and signature', () => {
    expect(recorder.requests).toHaveLength(1);
    expect(seen.method).toBe('POST');
    const url = new URL(seen.url, recorder.url);
    expect(url.pathname).toBe(DESCRIBE_TIMBRE);
    expect([...url.searchParams.keys()].sort()).toEqual(['appkey', 'signature', 'timestamp']);
    expect(url.searchParams.get('appkey')).toBe(APPKEY);
    const verdict = verifySignedUrl(url, (appkey) =>
      appkey === APPKEY ? ACCESS_TOKEN : undefined,
    );
    expect(verdict).toMatchObject({ ok: true, appkey: APPKEY });
  });

  it('forwards the body byte for byte', () => {
    expect(seen.body).toBe(body);
  });

  it('sends no caller header upstream: no cookie, authorization, origin or forwarding headers', () => {
    const names = Object.keys(seen.headers);
    for (const name of [
      'cookie',
      'authorization',
      'proxy-authorization',
      'origin',
      'referer',
      'x-forwarded-for',
      'x-custom',
    ]) {
      expect(names).not.toContain(name);
    }
    expect(seen.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(seen.headers['accept']).toBe('application/json');
    expect(JSON.stringify(seen.headers)).not.toContain(ACCESS_TOKEN);
  });

  it('passes back status, body, Content-Type and Retry-After, but no cookie or upstream CORS', async () => {
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ Header: { Code: 0 } });
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-upstream-internal')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
