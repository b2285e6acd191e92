import {
  createMockGateway,
  type FaultRule,
  type MockGateway,
  SimulatedNetworkError,
} from '@tvs/mock-gateway';
import { describe, expect, it } from 'vitest';
import { APPKEY, PATHS, post, signedUrl, T0, TOKEN } from './sign.js';

const make = (options: { faults?: FaultRule[]; seed?: number } = {}) =>
  createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
    ...options,
  });
const payload = (g: MockGateway) => ({
  VirtualmanKey: g.catalogue.avatars[0]!.VirtualmanKey,
  InputSsml: '你好。',
  SpeechParam: { Speed: 1 },
});

describe('faults over loopback', () => {
  it('throttles with 100012, with and without Retry-After, without acting', async () => {
    const g = make();
    const s = await g.listen();
    try {
      g.faults.next({ kind: 'throttle', path: 'videomake' });
      g.faults.next({ kind: 'throttle', path: 'videomake', retryAfterSeconds: 2, status: 429 });
      const plain = await post(signedUrl(s.url, PATHS.make), payload(g));
      expect(plain.status).toBe(200);
      expect(plain.json.Header.Code).toBe(100012);
      expect(plain.headers.get('retry-after')).toBeNull();
      const timed = await post(signedUrl(s.url, PATHS.make), payload(g));
      expect(timed.status).toBe(429);
      expect(timed.headers.get('retry-after')).toBe('2');
      expect(g.tasks).toHaveLength(0);
      expect((await post(signedUrl(s.url, PATHS.make), payload(g))).json.Header.Code).toBe(0);
    } finally {
      await s.close();
    }
  });

  it.each([502, 503] as const)('answers HTTP %i with an HTML body', async (status) => {
    const g = make();
    const s = await g.listen();
    g.faults.next({ kind: 'http-error', httpStatus: status });
    const reply = await post(signedUrl(s.url, PATHS.make), payload(g));
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toMatch(/text\/html/);
    expect(reply.text).toMatch(/^<html>/);
    expect(g.tasks).toHaveLength(0);
    await s.close();
  });

  it('resets the connection before processing: nothing happened', async () => {
    const g = make();
    const s = await g.listen();
    g.faults.next({ kind: 'reset-before' });
    await expect(post(signedUrl(s.url, PATHS.make), payload(g))).rejects.toThrow();
    expect(g.tasks).toHaveLength(0);
    expect(g.calls.at(-1)).toMatchObject({
      verdict: 'fault',
      fault: 'reset-before',
      httpStatus: 0,
    });
    await s.close();
  });

  it('resets the connection AFTER processing: the task exists, the reply is lost', async () => {
    const g = make();
    const s = await g.listen();
    g.faults.next({ kind: 'reset-after', path: 'broadcastservice/videomake' });
    await expect(post(signedUrl(s.url, PATHS.make), payload(g))).rejects.toThrow();
    expect(g.tasks).toHaveLength(1);
    expect(g.calls.at(-1)).toMatchObject({ fault: 'reset-after', code: 0 });
    // The fetch handler rejects as fetch does, with a TypeError.
    g.faults.next({ kind: 'reset-after' });
    const error = await g
      .fetch(signedUrl('https://gw.tvs.qq.com', PATHS.make), {
        method: 'POST',
        body: JSON.stringify({ Payload: payload(g) }),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulatedNetworkError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as SimulatedNetworkError).afterProcessing).toBe(true);
    expect(g.tasks).toHaveLength(2);
    await s.close();
  });

  it('sends a malformed JSON reply after acting', async () => {
    const g = make();
    const s = await g.listen();
    g.faults.next({ kind: 'malformed-json' });
    const reply = await post(signedUrl(s.url, PATHS.make), payload(g));
    expect(reply.status).toBe(200);
    expect(reply.json).toBeUndefined();
    expect(() => JSON.parse(reply.text)).toThrow();
    expect(g.tasks).toHaveLength(1);
    await s.close();
  });

  it('adds latency (real time)', async () => {
    const g = make();
    g.faults.next({ kind: 'latency', latencyMs: 150 });
    const started = performance.now();
    const response = await g.fetch(signedUrl('https://gw.tvs.qq.com', PATHS.timbres), {
      method: 'POST',
      body: JSON.stringify({ Payload: { PageIndex: 1, PageSize: 1 } }),
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect((await response.json()).Header.Code).toBe(0);
  });

  it('counts: next({ count }) hits that many matching requests, only on its path', async () => {
    const g = make();
    g.faults.next({ kind: 'throttle', path: 'getprogress', count: 2 });
    const codes = [];
    for (const path of [PATHS.timbres, PATHS.progress, PATHS.progress, PATHS.progress]) {
      const r = await g.fetch(signedUrl('https://gw.tvs.qq.com', path), {
        method: 'POST',
        body: JSON.stringify({ Payload: { TaskId: 'x', PageIndex: 1, PageSize: 1 } }),
      });
      codes.push((await r.json()).Header.Code);
    }
    expect(codes).toEqual([0, 100012, 100012, 110006]);
  });

  it('is seeded: standing probabilistic rules replay exactly', async () => {
    const run = async (seed: number) => {
      const g = make({
        seed,
        faults: [
          { kind: 'throttle', probability: 0.3 },
          { kind: 'http-error', probability: 0.1 },
        ],
      });
      const out: number[] = [];
      for (let i = 0; i < 60; i++) {
        const r = await g.fetch(signedUrl('https://gw.tvs.qq.com', PATHS.timbres), {
          method: 'POST',
          body: JSON.stringify({ Payload: { PageIndex: 1, PageSize: 1 } }),
        });
        out.push(r.status === 200 ? (await r.json()).Header.Code : r.status);
      }
      return out;
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    expect(await run(43)).not.toEqual(a);
    expect(a.filter((c) => c === 100012).length).toBeGreaterThan(5);
    expect(a.filter((c) => c === 502).length).toBeGreaterThan(0);
  });

  it('rejects a malformed rule', () => {
    const g = make();
    expect(() => g.faults.next({ kind: 'nope' as 'latency' })).toThrow(TypeError);
    expect(() => make({ faults: [{ kind: 'throttle', probability: 2 }] })).toThrow(TypeError);
  });
});
