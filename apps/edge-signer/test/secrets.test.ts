import { createClient } from '@tvs/client';
import { COMMAND_CHANNEL_PATH, textFrame } from '@tvs/envelope';
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
  ORIGIN,
  OTHER_ORIGIN,
  PROTOCOLS,
  post,
  secretsIn,
  startRecorder,
  startWorker,
  upgrade,
  VIDEOMAKE,
  type WorkerHandle,
} from './harness.js';

/** Every kind of HTTP request: success, each refusal, preflights, gateway errors. */
async function everyHttpRoute(worker: WorkerHandle): Promise<void> {
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
  for (const path of [DESCRIBE_TIMBRE, COMMAND_CHANNEL_PATH, '/nowhere']) {
    await worker.fetch(path, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
  }
}

/** Every refusal of the command-channel route, and one handshake that succeeds. */
async function everyChannelHandshake(worker: WorkerHandle, sessionId: string): Promise<void> {
  const open = (query: string, headers: Record<string, string> = {}) =>
    worker.fetch(`${COMMAND_CHANNEL_PATH}${query}`, upgrade(headers));
  await open('?requestid=abc', { Origin: OTHER_ORIGIN });
  await open('?requestid=abc', { 'Sec-WebSocket-Protocol': 'tvs-edge-signer' });
  await open('?requestid=abc', {
    'Sec-WebSocket-Protocol': `tvs-edge-signer, bearer.${ACCESS_TOKEN}`,
  });
  await open('?requestid=abc', { 'Sec-WebSocket-Protocol': `chat, bearer.${BEARER}` });
  await open(`?requestid=abc&appkey=${APPKEY}&signature=abc`);
  await open('?requestid=..%2F..%2F');
  await open('?requestid=not-a-session'); // the gateway refuses it: 502 upstream-refused
  await worker.fetch(`${COMMAND_CHANNEL_PATH}?requestid=abc`, { method: 'GET', headers: authed() });
  await worker.fetch(`${COMMAND_CHANNEL_PATH}?requestid=abc`, post({}));
  const opened = await open(`?requestid=${sessionId}`);
  const socket = (opened as unknown as { webSocket: { accept(): void; close(): void } }).webSocket;
  socket.accept();
  socket.close();
}

/** A conversation on a real socket, then a refused frame: everything the caller was sent. */
async function conversation(worker: WorkerHandle, sessionId: string): Promise<string[]> {
  const seen: string[] = [];
  const socket = new WebSocket(
    `${worker.socketOrigin}${COMMAND_CHANNEL_PATH}?requestid=${sessionId}`,
    PROTOCOLS,
  );
  socket.addEventListener('message', (event) => seen.push(String(event.data)));
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  seen.push(socket.protocol);
  socket.send(JSON.stringify(textFrame({ sessionId, text: 'Hello.' })));
  await expect
    .poll(() => seen.some((text) => text.includes('TextOver')), { timeout: 15_000 })
    .toBe(true);
  socket.send(JSON.stringify(textFrame({ sessionId: 'someone-else', text: 'Hi.' })));
  const closed = await new Promise<CloseEvent>((resolve) =>
    socket.addEventListener('close', resolve),
  );
  seen.push(`${closed.code} ${closed.reason}`);
  return seen;
}

/** Lets workerd's stdout reach the test process. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('no secret leaves the Worker: access token, bearer token, signature, appkey', () => {
  let gateway: MockGateway;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    gateway = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: ACCESS_TOKEN }],
      sessions: { prepareMs: 100, speechSpeed: 100 },
    });
    server = await gateway.listen();
  });
  afterAll(async () => {
    await server.close();
    gateway.close();
  });

  it('in no response, close reason, frame or log line, across every route and refusal', async () => {
    const direct = createClient({ appkey: APPKEY, accessToken: ACCESS_TOKEN, baseUrl: server.url });
    const started = async (UserId: string) => {
      const { SessionId } = await direct.sessions.create({
        VirtualmanProjectId: 'proj-secrets',
        Protocol: 'webrtc',
        DriverType: 1,
        UserId,
      });
      await direct.sessions.waitReady(SessionId, { pollInterval: 50 });
      await direct.sessions.start({ SessionId });
      return SessionId;
    };
    const worker = await startWorker(defaultBindings(server.url));
    try {
      await everyHttpRoute(worker);
      await everyChannelHandshake(worker, await started('secrets-1'));
      const frames = await conversation(worker, await started('secrets-2'));
      await flush();
      expect(new Set(worker.seen.map((s) => s.status))).toEqual(
        new Set([101, 200, 204, 400, 401, 403, 404, 405, 413, 415, 426, 502]),
      );
      expect(frames.at(-1)).toMatch(/^1008 frame for another session/);
      expect(secretsIn(worker.seen.map((s) => s.headers + s.body))).toEqual([]);
      expect(secretsIn(frames)).toEqual([]);
      expect(worker.logs.join('')).toContain('"event":"request"');
      expect(worker.logs.join('')).toContain('"event":"channel-closed"');
      expect(secretsIn(worker.logs)).toEqual([]);
      // The scan can fail: the gateway did see signed URLs, which the Worker made.
      expect(secretsIn(gateway.calls.map((call) => JSON.stringify(call))).length).toBeGreaterThan(
        0,
      );
    } finally {
      await worker.dispose();
    }
  });

  it('when the upstream fails: redirect, silence, a late, trickled or huge body, nothing listening', async () => {
    const closed = await startRecorder();
    await closed.close();
    const upstreams = [
      await startRecorder({ redirect: true }),
      await startRecorder({ hangMs: 3000 }),
      await startRecorder({ lateBodyMs: 3000 }),
      await startRecorder({ trickleMs: 100 }),
      await startRecorder({ hugeBody: true }),
      closed,
    ];
    try {
      for (const upstream of upstreams) {
        const worker = await startWorker({
          ...defaultBindings(upstream.url),
          UPSTREAM_TIMEOUT_MS: '1000',
        });
        try {
          const response = await worker.fetch(DESCRIBE_TIMBRE, post({ Header: {}, Payload: {} }));
          expect([502, 504]).toContain(response.status);
          await worker.fetch(`${COMMAND_CHANNEL_PATH}?requestid=abc`, {
            method: 'GET',
            headers: { Upgrade: 'websocket', Authorization: `Bearer ${BEARER}` },
          });
          await flush();
          expect(
            secretsIn([...worker.logs, ...worker.seen.map((s) => s.headers + s.body)]),
          ).toEqual([]);
        } finally {
          await worker.dispose();
        }
      }
    } finally {
      for (const upstream of upstreams.slice(0, -1)) await upstream.close();
    }
  });

  it('when the gateway refuses the signature (wrong token configured)', async () => {
    const wrong = 'edge-test-wrong-token-00000000000000';
    const worker = await startWorker({ ...defaultBindings(server.url), TVS_ACCESS_TOKEN: wrong });
    try {
      const response = await worker.fetch(DESCRIBE_TIMBRE, post({ Header: {}, Payload: {} }));
      expect(await response.json()).toMatchObject({ Header: { Code: 100005 } });
      const channel = await worker.fetch(`${COMMAND_CHANNEL_PATH}?requestid=abc`, {
        method: 'GET',
        headers: { Upgrade: 'websocket', Authorization: `Bearer ${BEARER}` },
      });
      expect(await channel.json()).toMatchObject({ error: 'upstream-refused' });
      await flush();
      const all = [...worker.logs, ...worker.seen.map((s) => s.headers + s.body)];
      expect(all.filter((text) => text.includes(wrong))).toEqual([]);
      expect(secretsIn(all)).toEqual([]);
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
      { ...defaultBindings(server.url), EDGE_BEARER_TOKEN: `${BEARER}/=` },
    ];
    for (const bindings of cases) {
      const worker = await startWorker(bindings);
      try {
        const response = await worker.fetch(DESCRIBE_TIMBRE, post({ Payload: {} }));
        expect(response.status).toBe(500);
        expect(await response.json()).toMatchObject({ error: 'misconfigured' });
        const channel = await worker.fetch(`${COMMAND_CHANNEL_PATH}?requestid=abc`, {
          method: 'GET',
          headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': PROTOCOLS.join(', ') },
        });
        expect(channel.status).toBe(500);
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
