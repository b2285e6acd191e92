// The faults a client must survive without sending a create twice: an API error after acting or
// not, a body cut off, an answer or a body that never comes. Over real sockets (the Node
// adapter streams bodies and drops or keeps connections) and through the fetch handler.
import { connect, type Socket } from 'node:net';
import { API_CODES } from '@tvs/envelope';
import {
  createMockGateway,
  type FaultRule,
  type ListeningGateway,
  type MockGateway,
  SimulatedNetworkError,
} from '@tvs/mock-gateway';
import { afterEach, describe, expect, it } from 'vitest';
import { APPKEY, envelope, PATHS, post, signedUrl, T0, TOKEN } from './sign.js';

const open: ListeningGateway[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(): Promise<{ g: MockGateway; s: ListeningGateway }> {
  const g = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
  });
  const s = await g.listen();
  open.push(s);
  return { g, s };
}
const payload = (g: MockGateway) => ({
  VirtualmanKey: g.catalogue.avatars[0]!.VirtualmanKey,
  InputSsml: '你好。',
  SpeechParam: { Speed: 1 },
});
const makeInit = (g: MockGateway, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json;charset=utf-8' },
  body: envelope(payload(g), 'caller-request-id'),
  ...(signal ? { signal } : {}),
});
const viaFetch = (g: MockGateway, signal?: AbortSignal) =>
  g.fetch(signedUrl('https://gw.tvs.qq.com', PATHS.make), makeInit(g, signal));

/** A raw HTTP exchange: what arrived, and whether the server closed the connection. */
interface RawExchange {
  readonly socket: Socket;
  text(): string;
  closed(): boolean;
  /** Resolves once the server closed, or after `ms`. */
  settle(ms: number): Promise<void>;
}
function rawPost(port: number, url: string, body: string): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let closed = false;
    const waiters: Array<() => void> = [];
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      for (const wake of waiters.splice(0)) wake();
    });
    socket.on('connect', () => {
      const target = url.slice(url.indexOf('/', 'http://'.length));
      socket.write(
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      resolve({
        socket,
        text: () => text,
        closed: () => closed,
        settle: (ms) =>
          new Promise((wake) => {
            if (closed) return wake();
            waiters.push(wake);
            setTimeout(wake, ms);
          }),
      });
    });
  });
}

/** Open TCP handles of this process (both ends of loopback connections count). */
const tcpHandles = () =>
  process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length;
async function handlesBackTo(baseline: number): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    if (tcpHandles() <= baseline) return true;
    await new Promise((wake) => setTimeout(wake, 10));
  }
  return false;
}

describe('api-error', () => {
  it('answers any API code with HTTP 500 after acting: the task exists', async () => {
    const { g, s } = await start();
    g.faults.next({
      kind: 'api-error',
      code: API_CODES.INTERNAL_ERROR,
      status: 500,
      path: 'videomake',
    });
    const reply = await post(signedUrl(s.url, PATHS.make), payload(g), { requestId: 'r-500' });
    expect(reply.status).toBe(500);
    expect(reply.json.Header).toMatchObject({ Code: -101000, RequestID: 'r-500' });
    expect(reply.json.Header.Message).toMatch(/^InternalError:\S/);
    expect(reply.json.Payload).toEqual({});
    expect(g.tasks).toHaveLength(1);
    expect(g.calls.at(-1)).toMatchObject({
      verdict: 'fault',
      fault: 'api-error',
      code: -101000,
      httpStatus: 500,
      requestId: 'r-500',
    });
  });

  it('refuses before acting when afterProcessing is false, with HTTP 200 by default', async () => {
    const { g, s } = await start();
    g.faults.next({
      kind: 'api-error',
      code: API_CODES.INSUFFICIENT_COMPUTE,
      afterProcessing: false,
    });
    const reply = await post(signedUrl(s.url, PATHS.make), payload(g));
    expect(reply.status).toBe(200);
    expect(reply.json.Header.Code).toBe(-101001);
    expect(reply.json.Header.Message).toMatch(/^[A-Z][\w.]*:\S/);
    expect(g.tasks).toHaveLength(0);
    expect(g.calls.at(-1)).toMatchObject({ fault: 'api-error', code: -101001, httpStatus: 200 });
    // The next call is answered as usual.
    expect((await post(signedUrl(s.url, PATHS.make), payload(g))).json.Header.Code).toBe(0);
    expect(g.tasks).toHaveLength(1);
  });

  it('defaults to the internal error, through the fetch handler too', async () => {
    const g = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      now: () => T0,
    });
    g.faults.next({ kind: 'api-error' });
    const response = await viaFetch(g);
    expect(response.status).toBe(200);
    expect((await response.json()).Header.Code).toBe(API_CODES.INTERNAL_ERROR);
    expect(g.tasks).toHaveLength(1);
  });

  it('checks its options', () => {
    const g = createMockGateway({ credentials: [{ appkey: APPKEY, accessToken: TOKEN }] });
    const bad: FaultRule[] = [
      { kind: 'api-error', code: 0 },
      { kind: 'api-error', code: 1.5 },
      { kind: 'api-error', status: 99 },
      { kind: 'api-error', status: 600 },
      { kind: 'api-error', afterProcessing: 'yes' as unknown as boolean },
      { kind: 'throttle', code: API_CODES.INTERNAL_ERROR },
    ];
    for (const rule of bad)
      expect(() => g.faults.next(rule), JSON.stringify(rule)).toThrow(TypeError);
  });
});

describe('cut-body', () => {
  it('sends the headers and part of the body over a socket, then drops the connection', async () => {
    const { g, s } = await start();
    g.faults.next({ kind: 'cut-body', path: 'videomake' });
    const exchange = await rawPost(s.port, signedUrl(s.url, PATHS.make), envelope(payload(g)));
    await exchange.settle(5000);
    expect(exchange.closed()).toBe(true);
    const [head, body = ''] = exchange.text().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    const length = Number(/content-length: (\d+)/i.exec(head!)?.[1]);
    expect(length).toBeGreaterThan(40);
    expect(Buffer.byteLength(body)).toBeGreaterThan(0);
    expect(Buffer.byteLength(body)).toBeLessThan(length);
    expect(g.tasks).toHaveLength(1);
    expect(g.calls.at(-1)).toMatchObject({
      fault: 'cut-body',
      verdict: 'fault',
      code: 0,
      httpStatus: 200,
    });
  });

  it('makes fetch fail while reading the body, after the status arrived', async () => {
    const { g, s } = await start();
    g.faults.next({ kind: 'cut-body' });
    const response = await fetch(signedUrl(s.url, PATHS.make), makeInit(g));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(g.tasks).toHaveLength(1);
    // The server keeps serving.
    expect((await post(signedUrl(s.url, PATHS.progress), { TaskId: 'x' })).json.Header.Code).toBe(
      110006,
    );
  });

  it('errors the body of the fetch handler with a SimulatedNetworkError', async () => {
    const g = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      now: () => T0,
    });
    g.faults.next({ kind: 'cut-body' });
    const response = await viaFetch(g);
    const length = Number(response.headers.get('content-length'));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value!.byteLength).toBeGreaterThan(0);
    expect(first.value!.byteLength).toBeLessThan(length);
    const error = await reader.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulatedNetworkError);
    expect(error).toMatchObject({ fault: 'cut-body', afterProcessing: true });
    expect(g.tasks).toHaveLength(1);
  });
});

describe('stall', () => {
  it('acts, then keeps the socket open without a byte until the client leaves, and frees it', async () => {
    const { g, s } = await start();
    const baseline = tcpHandles();
    g.faults.next({ kind: 'stall', path: 'videomake' });
    const exchange = await rawPost(s.port, signedUrl(s.url, PATHS.make), envelope(payload(g)));
    await exchange.settle(400);
    expect(exchange.text()).toBe('');
    expect(exchange.closed()).toBe(false);
    expect(g.tasks).toHaveLength(1);
    expect(g.calls.at(-1)).toMatchObject({ fault: 'stall', verdict: 'fault', httpStatus: 0 });
    exchange.socket.destroy();
    expect(await handlesBackTo(baseline)).toBe(true);
  });

  it('lets fetch time out, and serves the next request', async () => {
    const { g, s } = await start();
    g.faults.next({ kind: 'stall' });
    const error = await fetch(
      signedUrl(s.url, PATHS.make),
      makeInit(g, AbortSignal.timeout(300)),
    ).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(g.tasks).toHaveLength(1);
    expect((await post(signedUrl(s.url, PATHS.make), payload(g))).json.Header.Code).toBe(0);
  });

  it('keeps the fetch handler pending until the request is aborted', async () => {
    const g = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      now: () => T0,
    });
    g.faults.next({ kind: 'stall' });
    const controller = new AbortController();
    let settled = false;
    const answer = viaFetch(g, controller.signal).finally(() => {
      settled = true;
    });
    await new Promise((wake) => setTimeout(wake, 50));
    expect(settled).toBe(false);
    expect(g.tasks).toHaveLength(1);
    const reason = new Error('gave up');
    controller.abort(reason);
    await expect(answer).rejects.toBe(reason);
  });
});

describe('stall-body', () => {
  it('sends the headers and part of the body, then nothing, until the client leaves', async () => {
    const { g, s } = await start();
    const baseline = tcpHandles();
    g.faults.next({ kind: 'stall-body' });
    const exchange = await rawPost(s.port, signedUrl(s.url, PATHS.make), envelope(payload(g)));
    await exchange.settle(400);
    expect(exchange.closed()).toBe(false);
    const [head, body = ''] = exchange.text().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    const length = Number(/content-length: (\d+)/i.exec(head!)?.[1]);
    expect(Buffer.byteLength(body)).toBeGreaterThan(0);
    expect(Buffer.byteLength(body)).toBeLessThan(length);
    expect(g.tasks).toHaveLength(1);
    expect(g.calls.at(-1)).toMatchObject({ fault: 'stall-body', httpStatus: 200, code: 0 });
    exchange.socket.destroy();
    expect(await handlesBackTo(baseline)).toBe(true);
  });

  it('lets fetch give up while reading the body', async () => {
    const { g, s } = await start();
    g.faults.next({ kind: 'stall-body' });
    const controller = new AbortController();
    const response = await fetch(signedUrl(s.url, PATHS.make), makeInit(g, controller.signal));
    expect(response.status).toBe(200);
    const text = response.text();
    setTimeout(() => controller.abort(), 200);
    await expect(text).rejects.toThrow();
    expect((await post(signedUrl(s.url, PATHS.progress), { TaskId: 'x' })).json.Header.Code).toBe(
      110006,
    );
  });

  it('stalls the fetch handler body until the request is aborted', async () => {
    const g = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      now: () => T0,
    });
    g.faults.next({ kind: 'stall-body' });
    const controller = new AbortController();
    const response = await viaFetch(g, controller.signal);
    const reader = response.body!.getReader();
    expect((await reader.read()).value!.byteLength).toBeGreaterThan(0);
    let settled = false;
    const next = reader.read().finally(() => {
      settled = true;
    });
    await new Promise((wake) => setTimeout(wake, 50));
    expect(settled).toBe(false);
    const reason = new Error('gave up');
    controller.abort(reason);
    await expect(next).rejects.toBe(reason);
  });
});

describe('a client that gives up frees everything', () => {
  const gc = (globalThis as { gc?: () => void }).gc!;
  // Bodies live outside the JS heap (Buffers, ArrayBuffers): count both.
  const heap = () => {
    gc();
    gc();
    const { heapUsed, external } = process.memoryUsage();
    return heapUsed + external;
  };

  it.each(['stall', 'stall-body'] as const)(
    '%s: 30 abandoned 800 kB requests leave the heap flat',
    async (kind) => {
      const { g, s } = await start();
      const body = envelope({ ...payload(g), Padding: 'x'.repeat(800_000) });
      const before = heap();
      const baseline = tcpHandles();
      const exchanges: RawExchange[] = [];
      for (let i = 0; i < 30; i++) {
        g.faults.next({ kind });
        exchanges.push(await rawPost(s.port, signedUrl(s.url, PATHS.make), body));
      }
      while (g.calls.filter((c) => c.fault === kind).length < 30) {
        await new Promise((wake) => setTimeout(wake, 10));
      }
      for (const exchange of exchanges) exchange.socket.destroy();
      expect(await handlesBackTo(baseline)).toBe(true);
      await new Promise((wake) => setTimeout(wake, 50));
      // Kept, each stalled request would hold its body several times over (~70 MB in all).
      expect(heap() - before).toBeLessThan(15_000_000);
    },
  );
});

describe('the call log', () => {
  it('lists every fault hit with its kind, refused requests and latency included', async () => {
    const g = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      now: () => T0,
    });
    g.faults.next({ kind: 'throttle' });
    g.faults.next({ kind: 'latency', latencyMs: 5 });
    await (await viaFetch(g)).text();
    expect(g.calls.at(-1)).toMatchObject({ fault: 'throttle', verdict: 'fault', latencyMs: 5 });
    g.faults.next({ kind: 'cut-body' });
    const bad = await g.fetch(signedUrl('https://gw.tvs.qq.com', PATHS.make), {
      method: 'POST',
      body: envelope({ VirtualmanKey: 'nope', InputSsml: 'x', SpeechParam: { Speed: 1 } }),
    });
    // The gateway refused (nothing acted on), so the body is whole; the hit is still listed.
    expect((await bad.json()).Header.Code).toBe(API_CODES.AVATAR_NOT_FOUND);
    expect(g.calls.at(-1)).toMatchObject({ fault: 'cut-body', verdict: 'fault' });
  });
});
