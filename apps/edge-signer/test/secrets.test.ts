import { createMockGateway, type MockGateway } from '@tvs/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN,
  APPKEY,
  authed,
  BEARER,
  DESCRIBE_TIMBRE,
  defaultBindings,
  GETPROGRESS,
  OTHER_ORIGIN,
  post,
  secretsIn,
  startWorker,
  VIDEOMAKE,
  type WorkerHandle,
} from './harness.js';

/** Every kind of request: success, each refusal, the command channel, gateway errors. */
async function everything(worker: WorkerHandle): Promise<void> {
  const listing = { Header: {}, Payload: { PageIndex: 1, PageSize: 2 } };
  const { Authorization: _, ...noToken } = authed();
  await worker.fetch(DESCRIBE_TIMBRE, post(listing));
  await worker.fetch(
    VIDEOMAKE,
    post({ Header: {}, Payload: { VirtualmanKey: 'x', InputSsml: 'hi' } }),
  );
  await worker.fetch(GETPROGRESS, post({ Header: {}, Payload: {} }));
  await worker.fetch(DESCRIBE_TIMBRE, post(listing, noToken));
  await worker.fetch(
    DESCRIBE_TIMBRE,
    post(listing, authed({ Authorization: `Bearer ${ACCESS_TOKEN}` })),
  );
  await worker.fetch(DESCRIBE_TIMBRE, post(listing, authed({ Origin: OTHER_ORIGIN })));
  await worker.fetch('/v2/ivh/assetmanager/customservice/getuploadcredentials', post(listing));
  await worker.fetch(DESCRIBE_TIMBRE, { method: 'GET', headers: authed() });
  await worker.fetch(`${DESCRIBE_TIMBRE}?appkey=${APPKEY}&signature=x&timestamp=1`, post(listing));
  await worker.fetch(DESCRIBE_TIMBRE, {
    method: 'POST',
    headers: authed({ 'Content-Type': 'text/plain' }),
    body: '{}',
  });
  await worker.fetch(DESCRIBE_TIMBRE, {
    method: 'POST',
    headers: authed(),
    body: 'x'.repeat(1024 * 1024 + 1),
  });
  await worker.fetch(DESCRIBE_TIMBRE, { method: 'POST', headers: authed(), body: '{' });
  await worker.fetch(DESCRIBE_TIMBRE, {
    method: 'OPTIONS',
    headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
  });
  await worker.fetch(
    '/command-channel-url',
    post({ SessionId: '0123456789abcdef0123456789abcdef' }),
  );
  await worker.fetch('/command-channel-url', post({ SessionId: '../../' }));
}

/** Lets workerd's stdout reach the test process. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('the access token never leaves the Worker', () => {
  let gateway: MockGateway;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    gateway = createMockGateway({ credentials: [{ appkey: APPKEY, accessToken: ACCESS_TOKEN }] });
    server = await gateway.listen();
  });
  afterAll(async () => {
    await server.close();
    gateway.close();
  });

  it('in no response body or header, and no log line, across every route and refusal', async () => {
    const worker = await startWorker(defaultBindings(server.url));
    try {
      await everything(worker);
      await flush();
      expect(worker.seen).toHaveLength(15);
      expect(new Set(worker.seen.map((s) => s.status))).toEqual(
        new Set([200, 204, 400, 401, 403, 404, 405, 413, 415]),
      );
      expect(secretsIn(worker.seen.map((s) => s.headers + s.body))).toEqual([]);
      expect(worker.logs.join('')).toContain('"event":"request"');
      expect(secretsIn(worker.logs)).toEqual([]);
      // The bearer token is a secret too: never echoed.
      expect(worker.seen.some((s) => (s.headers + s.body).includes(BEARER))).toBe(false);
      // The appkey is only in the command-channel URL, where the gateway requires it.
      const withAppkey = worker.seen.filter((s) => (s.headers + s.body).includes(APPKEY));
      expect(withAppkey.map((s) => JSON.parse(s.body).url !== undefined)).toEqual([true]);
    } finally {
      await worker.dispose();
    }
  });

  it('when the gateway refuses the signature (wrong token configured)', async () => {
    const wrong = 'edge-test-wrong-token-00000000000000';
    const worker = await startWorker({ ...defaultBindings(server.url), TVS_ACCESS_TOKEN: wrong });
    try {
      const response = await worker.fetch(DESCRIBE_TIMBRE, post({ Header: {}, Payload: {} }));
      expect(await response.json()).toMatchObject({ Header: { Code: 100005 } });
      await flush();
      const all = [...worker.logs, ...worker.seen.map((s) => s.headers + s.body)];
      expect(all.filter((text) => text.includes(wrong))).toEqual([]);
    } finally {
      await worker.dispose();
    }
  });

  it('when misconfigured: 500 misconfigured, the log names variables, never values', async () => {
    const cases: Record<string, string>[] = [
      { TVS_APPKEY: APPKEY, TVS_ACCESS_TOKEN: ACCESS_TOKEN }, // no caller authentication at all
      { ...defaultBindings(server.url), EDGE_BEARER_TOKEN: 'short' },
      { ...defaultBindings(ACCESS_TOKEN) }, // the token pasted as the gateway URL
      { ...defaultBindings(server.url), ALLOWED_ORIGINS: `*, ${ACCESS_TOKEN}` },
      { ...defaultBindings(server.url), TVS_APPKEY: '' },
    ];
    for (const bindings of cases) {
      const worker = await startWorker(bindings);
      try {
        const response = await worker.fetch(DESCRIBE_TIMBRE, post({ Payload: {} }));
        expect(response.status).toBe(500);
        expect(await response.json()).toMatchObject({ error: 'misconfigured' });
        await flush();
        expect(worker.logs.join('')).toContain('"event":"misconfigured"');
        expect(secretsIn([...worker.logs, ...worker.seen.map((s) => s.headers + s.body)])).toEqual(
          [],
        );
      } finally {
        await worker.dispose();
      }
    }
  });
});
