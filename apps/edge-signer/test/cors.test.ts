import { COMMAND_CHANNEL_PATH } from '@tvs/envelope';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authed,
  DESCRIBE_TIMBRE,
  defaultBindings,
  ORIGIN,
  OTHER_ORIGIN,
  post,
  startRecorder,
  startWorker,
  VIDEOMAKE,
  type WorkerHandle,
} from './harness.js';

const preflight = (origin: string | undefined, method = 'POST'): RequestInit => {
  const headers: Record<string, string> = {
    'Access-Control-Request-Method': method,
    'Access-Control-Request-Headers': 'authorization, content-type',
  };
  if (origin !== undefined) headers['Origin'] = origin;
  return { method: 'OPTIONS', headers };
};

describe('CORS', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  let worker: WorkerHandle;

  beforeAll(async () => {
    recorder = await startRecorder();
    worker = await startWorker(defaultBindings(recorder.url));
  });
  afterAll(async () => {
    await worker.dispose();
    await recorder.close();
  });

  it('answers a preflight from an allowed origin with 204 and exact headers, no token needed', async () => {
    for (const path of [DESCRIBE_TIMBRE, VIDEOMAKE]) {
      const response = await worker.fetch(path, preflight(ORIGIN));
      expect(response.status).toBe(204);
      const h = response.headers;
      expect(h.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(h.get('access-control-allow-methods')).toBe('POST, OPTIONS');
      expect(h.get('access-control-allow-headers')).toBe('Authorization, Content-Type, X-TVS-SDK');
      expect(h.get('access-control-max-age')).toBe('600');
      expect(h.get('access-control-allow-credentials')).toBeNull();
      expect(h.get('vary')).toContain('Origin');
      expect(await response.text()).toBe('');
    }
    expect(recorder.requests).toHaveLength(0);
  });

  it('answers a preflight for the command channel with 405: WebSockets are never preflighted', async () => {
    const response = await worker.fetch(COMMAND_CHANNEL_PATH, preflight(ORIGIN));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('echoes each allowed origin, not the first one', async () => {
    const response = await worker.fetch(DESCRIBE_TIMBRE, preflight('http://localhost:5173'));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('refuses a preflight from another origin or without Origin, with no CORS headers', async () => {
    for (const origin of [OTHER_ORIGIN, 'null']) {
      const response = await worker.fetch(DESCRIBE_TIMBRE, preflight(origin));
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
    }
    // Without Origin it is not a CORS preflight: the bearer check applies, and OPTIONS is no POST.
    const response = await worker.fetch(DESCRIBE_TIMBRE, preflight(undefined));
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
    expect(response.status).not.toBe(204);
  });

  it('refuses a preflight for a path that does not exist, or for another method', async () => {
    const missing = await worker.fetch(
      '/v2/ivh/liveroom/liveroomservice/takeover',
      preflight(ORIGIN),
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-methods')).toBeNull();
    const put = await worker.fetch(DESCRIBE_TIMBRE, preflight(ORIGIN, 'PUT'));
    expect(put.status).toBe(405);
    expect(put.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('adds Allow-Origin and Vary to responses for an allowed origin, refusals included', async () => {
    const ok = await worker.fetch(DESCRIBE_TIMBRE, post({ Payload: {} }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('vary')).toContain('Origin');
    // A refusal the page should be able to read: the body says what went wrong.
    const bad = await worker.fetch(
      DESCRIBE_TIMBRE,
      post({ Payload: {} }, authed({ Authorization: 'Bearer nope' })),
    );
    expect(bad.status).toBe(401);
    expect(bad.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(bad.headers.get('vary')).toContain('Origin');
  });

  it('never sends a wildcard or Allow-Credentials, and always Vary: Origin', async () => {
    await worker.fetch(DESCRIBE_TIMBRE, post({ Payload: {} }, authed({ Origin: OTHER_ORIGIN })));
    const { Origin: _, ...serverHeaders } = authed();
    await worker.fetch(DESCRIBE_TIMBRE, post({ Payload: {} }, serverHeaders));
    expect(worker.seen.length).toBeGreaterThan(5);
    for (const { headers } of worker.seen) {
      const h = new Map(JSON.parse(headers) as [string, string][]);
      expect(h.get('access-control-allow-origin')).not.toBe('*');
      expect(h.has('access-control-allow-credentials')).toBe(false);
      expect(h.get('vary') ?? '').toContain('Origin');
    }
  });
});
