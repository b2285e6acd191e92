import { verifySignedUrl } from '@tvs/signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN,
  APPKEY,
  authed,
  defaultBindings,
  ORIGIN,
  post,
  secretsIn,
  startWorker,
  type WorkerHandle,
} from './harness.js';

const ROUTE = '/command-channel-url';
const PATH = '/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel';
const SESSION = '0123456789abcdef0123456789abcdef';
const tokenOf = (appkey: string) => (appkey === APPKEY ? ACCESS_TOKEN : undefined);

describe('POST /command-channel-url', () => {
  let worker: WorkerHandle;

  beforeAll(async () => {
    worker = await startWorker(defaultBindings('https://gw.tvs.qq.com'));
  });
  afterAll(async () => {
    await worker.dispose();
    expect(secretsIn([...worker.logs, ...worker.seen.map((s) => s.headers + s.body)])).toEqual([]);
  });

  const issue = async (SessionId: unknown, headers = authed()) => {
    const before = Date.now();
    const response = await worker.fetch(ROUTE, post({ SessionId }, headers));
    return { response, before, after: Date.now() };
  };

  it('issues a wss URL for the session that verifies with verifySignedUrl', async () => {
    const { response, before, after } = await issue(SESSION);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { url, expiresAt } = (await response.json()) as { url: string; expiresAt: string };

    const parsed = new URL(url);
    expect(parsed.protocol).toBe('wss:');
    expect(parsed.host).toBe('gw.tvs.qq.com');
    expect(parsed.pathname).toBe(PATH);
    expect([...parsed.searchParams.keys()]).toEqual([
      'appkey',
      'requestid',
      'timestamp',
      'signature',
    ]);
    expect(parsed.searchParams.get('requestid')).toBe(SESSION);
    expect(parsed.searchParams.get('appkey')).toBe(APPKEY);

    const timestamp = Number(parsed.searchParams.get('timestamp'));
    expect(timestamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) - 1);
    expect(timestamp).toBeLessThanOrEqual(Math.ceil(after / 1000));
    expect(Date.parse(expiresAt)).toBe((timestamp + 300) * 1000);

    expect(verifySignedUrl(url, tokenOf)).toMatchObject({ ok: true, appkey: APPKEY });
  });

  it('expires: valid up to expiresAt, refused one second later', async () => {
    const { response } = await issue(SESSION);
    const { url, expiresAt } = (await response.json()) as { url: string; expiresAt: string };
    const end = Date.parse(expiresAt);
    expect(verifySignedUrl(url, tokenOf, { now: () => end })).toMatchObject({ ok: true });
    expect(verifySignedUrl(url, tokenOf, { now: () => end + 1000 })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('binds the signature to the SessionId: another requestid does not verify', async () => {
    const { response } = await issue(SESSION);
    const { url } = (await response.json()) as { url: string };
    const forged = url.replace(SESSION, 'f'.repeat(32));
    expect(verifySignedUrl(forged, tokenOf)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('accepts UUID-style and other opaque ids of safe characters', async () => {
    for (const id of ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'session_42', 'A'.repeat(128)]) {
      const { response } = await issue(id);
      expect(response.status).toBe(200);
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url).searchParams.get('requestid')).toBe(id);
      expect(verifySignedUrl(url, tokenOf)).toMatchObject({ ok: true });
    }
  });

  it('400 for a missing or malformed SessionId', async () => {
    for (const id of [
      undefined,
      '',
      42,
      null,
      ['x'],
      'a b',
      'a&appkey=x',
      '../x',
      'é',
      'A'.repeat(129),
    ]) {
      const { response } = await issue(id);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid-session-id' });
    }
  });

  it('is behind the same checks as forwarding: token, origin, method, query, content type', async () => {
    const { Authorization: _, ...noToken } = authed();
    expect((await issue(SESSION, noToken)).response.status).toBe(401);
    expect((await issue(SESSION, authed({ Origin: 'https://evil.example' }))).response.status).toBe(
      403,
    );
    expect((await worker.fetch(ROUTE, { method: 'GET', headers: authed() })).status).toBe(405);
    expect((await worker.fetch(`${ROUTE}?requestid=x`, post({ SessionId: SESSION }))).status).toBe(
      400,
    );
    const text = await worker.fetch(ROUTE, {
      method: 'POST',
      headers: authed({ 'Content-Type': 'text/plain' }),
      body: JSON.stringify({ SessionId: SESSION }),
    });
    expect(text.status).toBe(415);
  });
});

describe('command-channel URL for a loopback http gateway', () => {
  it('uses ws: on the same host and port', async () => {
    const worker = await startWorker(defaultBindings('http://127.0.0.1:8787'));
    try {
      const response = await worker.fetch(ROUTE, post({ SessionId: SESSION }));
      const { url } = (await response.json()) as { url: string };
      expect(url.startsWith(`ws://127.0.0.1:8787${PATH}?`)).toBe(true);
    } finally {
      await worker.dispose();
    }
  });
});
