import { createMockGateway, type MockGateway } from '@tvs/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN,
  APPKEY,
  authed,
  BEARER,
  DESCRIBE_TIMBRE,
  defaultBindings,
  OTHER_ORIGIN,
  post,
  secretsIn,
  startRecorder,
  startWorker,
  type WorkerHandle,
} from './harness.js';

const listing = { Header: {}, Payload: { PageIndex: 1, PageSize: 1 } };

/** Asserts a JSON refusal with `status` and `error`, and returns its body. */
async function expectRefusal(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
  const body = (await response.json()) as { error: string; message: string };
  expect(body.error).toBe(error);
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

describe('refusals (bearer and origin both configured)', () => {
  let gateway: MockGateway;
  let server: { url: string; close(): Promise<void> };
  let worker: WorkerHandle;

  beforeAll(async () => {
    gateway = createMockGateway({ credentials: [{ appkey: APPKEY, accessToken: ACCESS_TOKEN }] });
    server = await gateway.listen();
    worker = await startWorker(defaultBindings(server.url));
  });
  afterAll(async () => {
    await worker.dispose();
    await server.close();
    gateway.close();
    expect(secretsIn([...worker.logs, ...worker.seen.map((s) => s.headers + s.body)])).toEqual([]);
  });

  /** Every refusal here must leave the gateway untouched. */
  const untouched = async (run: () => Promise<void>) => {
    const before = gateway.calls.length;
    await run();
    expect(gateway.calls.length).toBe(before);
  };

  it('401 without a bearer token, with a Bearer challenge', () =>
    untouched(async () => {
      const { Authorization: _, ...headers } = authed();
      const response = await worker.fetch(DESCRIBE_TIMBRE, post(listing, headers));
      await expectRefusal(response, 401, 'unauthorized');
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
    }));

  it('401 with a wrong, truncated, extended or differently-schemed token', () =>
    untouched(async () => {
      for (const value of [
        'Bearer wrong-token-wrong-token-wrong',
        `Bearer ${BEARER.slice(0, -1)}`,
        `Bearer ${BEARER}x`,
        `Basic ${BEARER}`,
        BEARER,
        'Bearer',
      ]) {
        const response = await worker.fetch(
          DESCRIBE_TIMBRE,
          post(listing, authed({ Authorization: value })),
        );
        await expectRefusal(response, 401, 'unauthorized');
      }
    }));

  it('accepts the scheme in any case', async () => {
    const response = await worker.fetch(
      DESCRIBE_TIMBRE,
      post(listing, authed({ Authorization: `bearer ${BEARER}` })),
    );
    expect(response.status).toBe(200);
  });

  it('403 for an origin not on the list, even with the right token; no CORS headers', () =>
    untouched(async () => {
      for (const origin of [
        OTHER_ORIGIN,
        'null',
        'https://app.example.evil.example',
        'http://app.example',
      ]) {
        const response = await worker.fetch(
          DESCRIBE_TIMBRE,
          post(listing, authed({ Origin: origin })),
        );
        await expectRefusal(response, 403, 'origin-not-allowed');
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }
    }));

  it('404 for a path not on the allow-list, including look-alikes', () =>
    untouched(async () => {
      for (const path of [
        '/v2/ivh/sessionmanager/sessionmanagerservice/listsessionofuin',
        '/v2/ivh/assetmanager/customservice/getuploadcredentials',
        `${DESCRIBE_TIMBRE}/`,
        DESCRIBE_TIMBRE.toUpperCase(),
        `${DESCRIBE_TIMBRE}%2F..%2Fx`,
        '/v2/ivh/crmserver/customerassetservice/%64escribetimbre',
        '/',
        '/favicon.ico',
      ]) {
        const response = await worker.fetch(path, post(listing));
        await expectRefusal(response, 404, 'not-found');
      }
    }));

  it('405 for GET, PUT and DELETE, with Allow', () =>
    untouched(async () => {
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
        const init: RequestInit = { method, headers: authed() };
        if (method !== 'GET') init.body = JSON.stringify(listing);
        const response = await worker.fetch(DESCRIBE_TIMBRE, init);
        await expectRefusal(response, 405, 'method-not-allowed');
        expect(response.headers.get('allow')).toBe('POST, OPTIONS');
      }
    }));

  it('400 for smuggled appkey, timestamp or signature, or any other query parameter', () =>
    untouched(async () => {
      for (const query of [
        '?appkey=someone-else',
        '?timestamp=1',
        '?signature=abc%3D',
        `?appkey=${APPKEY}&timestamp=1646636485&signature=x`,
        '?requestid=1',
        '?x',
      ]) {
        const response = await worker.fetch(`${DESCRIBE_TIMBRE}${query}`, post(listing));
        await expectRefusal(response, 400, 'query-not-allowed');
      }
    }));

  it('415 for a body that is not declared as UTF-8 JSON', () =>
    untouched(async () => {
      for (const type of [
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json;charset=latin1',
        'application/jsonp',
      ]) {
        const headers = authed();
        if (type === undefined) delete headers['Content-Type'];
        else headers['Content-Type'] = type;
        const response = await worker.fetch(DESCRIBE_TIMBRE, {
          method: 'POST',
          headers,
          body: JSON.stringify(listing),
        });
        await expectRefusal(response, 415, 'unsupported-media-type');
      }
    }));

  it('accepts application/json with or without charset=utf-8', async () => {
    for (const type of ['application/json', 'Application/JSON; charset="UTF-8"']) {
      const response = await worker.fetch(
        DESCRIBE_TIMBRE,
        post(listing, authed({ 'Content-Type': type })),
      );
      expect(response.status).toBe(200);
    }
  });

  it('400 for a body that is not a JSON object', () =>
    untouched(async () => {
      for (const body of ['', 'not json', '[1,2]', '"text"', 'null', '{"a":1', '\u00ff']) {
        const response = await worker.fetch(DESCRIBE_TIMBRE, {
          method: 'POST',
          headers: authed(),
          body,
        });
        await expectRefusal(response, 400, 'invalid-json');
      }
    }));

  it('413 for a declared Content-Length over 1 MiB, before reading', () =>
    untouched(async () => {
      const body = `{"x":"${'a'.repeat(1024 * 1024)}"}`;
      const response = await worker.fetch(DESCRIBE_TIMBRE, {
        method: 'POST',
        headers: authed(),
        body,
      });
      await expectRefusal(response, 413, 'payload-too-large');
    }));

  it('413 for a streamed body that grows past 1 MiB (no Content-Length), without reading it all', () =>
    untouched(async () => {
      const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 1024) controller.close();
          else {
            sent++;
            controller.enqueue(chunk);
          }
        },
      });
      const request = worker.fetch(DESCRIBE_TIMBRE, {
        method: 'POST',
        headers: authed(),
        body: stream,
        duplex: 'half',
      } as RequestInit);
      // workerd answers 413 and closes the connection while the client is still sending, so
      // the client sees either that 413 or a reset mid-upload, depending on who wins the race.
      const outcome = await request.then(
        (response) => response,
        (error: unknown) => error,
      );
      // Miniflare's Response comes from its own undici, so check the shape, not the class.
      if (outcome instanceof Error) expect(outcome.message).toMatch(/fetch failed/);
      else await expectRefusal(outcome as Response, 413, 'payload-too-large');
      // 64 MiB were on offer; the Worker stopped reading soon after the first MiB.
      expect(sent).toBeLessThan(1024);
    }));
});

describe('refusals of a Worker with a small body limit and origin-only auth', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  let worker: WorkerHandle;

  beforeAll(async () => {
    recorder = await startRecorder();
    const { EDGE_BEARER_TOKEN: _, ...bindings } = defaultBindings(recorder.url);
    worker = await startWorker({ ...bindings, MAX_BODY_BYTES: '64' });
  });
  afterAll(async () => {
    await worker.dispose();
    await recorder.close();
  });

  it('lets an allowed origin in without a token', async () => {
    const { Authorization: _, ...headers } = authed();
    const response = await worker.fetch(DESCRIBE_TIMBRE, post({ Payload: {} }, headers));
    expect(response.status).toBe(200);
  });

  it('403 for a request without Origin (a script, not a browser page)', async () => {
    const { Origin: _, ...headers } = authed();
    const response = await worker.fetch(DESCRIBE_TIMBRE, post({ Payload: {} }, headers));
    await expectRefusal(response, 403, 'origin-required');
  });

  it('413 just over the limit, 200 at exactly the limit', async () => {
    const exactly = `{"Payload":{"x":"${'a'.repeat(64 - 20)}"}}`;
    expect(exactly.length).toBe(64);
    const ok = await worker.fetch(DESCRIBE_TIMBRE, {
      method: 'POST',
      headers: authed(),
      body: exactly,
    });
    expect(ok.status).toBe(200);
    const over = `{"Payload":{"x":"${'a'.repeat(64 - 19)}"}}`;
    const response = await worker.fetch(DESCRIBE_TIMBRE, {
      method: 'POST',
      headers: authed(),
      body: over,
    });
    await expectRefusal(response, 413, 'payload-too-large');
    expect(recorder.requests).toHaveLength(2); // the 200 above and the one before it
  });
});

describe('upstream failures', () => {
  it('502 when the gateway redirects, 504 when it hangs, 502 when nothing listens', async () => {
    const redirecting = await startRecorder({ redirect: true });
    const hanging = await startRecorder({ hangMs: 3000 });
    const closed = await startRecorder();
    await closed.close();
    try {
      const cases = [
        { url: redirecting.url, status: 502, error: 'upstream-redirect' },
        { url: hanging.url, status: 504, error: 'upstream-timeout' },
        { url: closed.url, status: 502, error: 'upstream-unreachable' },
      ];
      for (const { url, status, error } of cases) {
        const worker = await startWorker({ ...defaultBindings(url), UPSTREAM_TIMEOUT_MS: '1000' });
        try {
          const response = await worker.fetch(DESCRIBE_TIMBRE, post(listing));
          await expectRefusal(response, status, error);
          expect(response.headers.get('location')).toBeNull();
          expect(
            secretsIn([...worker.logs, ...worker.seen.map((s) => s.headers + s.body)]),
          ).toEqual([]);
          expect(worker.seen.map((s) => s.body).join('')).not.toContain(APPKEY);
        } finally {
          await worker.dispose();
        }
      }
    } finally {
      await redirecting.close();
      await hanging.close();
    }
  });
});

describe('UPSTREAM_TIMEOUT_MS bounds the body as well as the headers', () => {
  it.each([
    ['a body that comes after the deadline', { lateBodyMs: 4000 }, 504, 'upstream-timeout'],
    ['a body trickled a byte at a time past it', { trickleMs: 200 }, 504, 'upstream-timeout'],
    ['a body larger than the Worker passes on', { hugeBody: true }, 502, 'upstream-too-large'],
  ])('%s: a JSON refusal, not a response that streams on', async (_what, mode, status, error) => {
    const upstream = await startRecorder(mode);
    const worker = await startWorker({
      ...defaultBindings(upstream.url),
      UPSTREAM_TIMEOUT_MS: '1000',
    });
    try {
      const response = await worker.fetch(DESCRIBE_TIMBRE, post(listing));
      const body = await expectRefusal(response, status, error);
      expect(body.message).toMatch(/gateway/);
      expect(upstream.requests).toHaveLength(1);
      expect(secretsIn([...worker.logs, ...worker.seen.map((s) => s.headers + s.body)])).toEqual(
        [],
      );
    } finally {
      await worker.dispose();
      await upstream.close();
    }
  });

  it('a body that arrives in time passes, byte for byte', async () => {
    const upstream = await startRecorder({ lateBodyMs: 100 });
    const worker = await startWorker({
      ...defaultBindings(upstream.url),
      UPSTREAM_TIMEOUT_MS: '5000',
    });
    try {
      const response = await worker.fetch(DESCRIBE_TIMBRE, post(listing));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ Header: { Code: 0, RequestID: 'r1' } });
    } finally {
      await worker.dispose();
      await upstream.close();
    }
  });
});
