import { API_CODES, TvsApiError } from '@tvs/client';
import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';
import { PollScheduler, type VideoProgress } from './poll-scheduler.js';

/** A task that renders from `start` for `ms` (real time), answering as `getprogress` does. */
function fakeGateway(ms: number, options: { throttleFirst?: number; omitStatus?: boolean } = {}) {
  const start = performance.now();
  let calls = 0;
  let throttles = options.throttleFirst ?? 0;
  const progress = async (): Promise<VideoProgress> => {
    calls++;
    if (throttles > 0) {
      throttles--;
      throw new TvsApiError({
        code: API_CODES.REQUEST_LIMIT_EXCEEDED,
        gatewayMessage: 'slow down',
      });
    }
    const done = Math.min(100, Math.floor(((performance.now() - start) / ms) * 100));
    const answer =
      done >= 100
        ? { Status: 'SUCCESS', Progress: 100, MediaUrl: 'https://x/y.mp4' }
        : { Status: 'MAKING', Progress: Math.max(1, done) };
    if (options.omitStatus) delete (answer as { Status?: string }).Status;
    return answer as VideoProgress;
  };
  return { client: { video: { progress } } as never, calls: () => calls };
}

describe('PollScheduler', () => {
  it('follows a task to its end with few polls, planned from its progress rate', async () => {
    const gateway = fakeGateway(300);
    const scheduler = new PollScheduler({
      client: gateway.client,
      pacer: new Pacer(),
      minIntervalMs: 20,
      maxIntervalMs: 5_000,
    });
    const result = await scheduler.track('t1', performance.now());
    expect(result.ok).toBe(true);
    // Polled every 20 ms it would take 15 polls; planned from the rate, a handful.
    expect(gateway.calls()).toBeLessThanOrEqual(6);
    expect(scheduler.polls).toBe(gateway.calls());
  });

  it('reads the end from Progress when Status is absent', async () => {
    const gateway = fakeGateway(50, { omitStatus: true });
    const scheduler = new PollScheduler({
      client: gateway.client,
      pacer: new Pacer(),
      minIntervalMs: 10,
      maxIntervalMs: 100,
    });
    const result = await scheduler.track('t1');
    expect(result).toMatchObject({ ok: true, progress: { Progress: 100 } });
  });

  it('rides out throttled polls through the pacer, and stops on request', async () => {
    const gateway = fakeGateway(20, { throttleFirst: 2 });
    const pacer = new Pacer({ baseDelayMs: 20 });
    const throttled: number[] = [];
    const scheduler = new PollScheduler({
      client: gateway.client,
      pacer,
      minIntervalMs: 5,
      maxIntervalMs: 100,
      onThrottle: (_task, _error, pauseMs) => throttled.push(pauseMs),
    });
    expect((await scheduler.track('t1')).ok).toBe(true);
    expect(throttled).toHaveLength(2);
    expect(pacer.throttles).toBe(2);
    const slow = fakeGateway(60_000);
    const stopping = new PollScheduler({
      client: slow.client,
      pacer: new Pacer(),
      minIntervalMs: 5,
      maxIntervalMs: 50,
    });
    const tracked = stopping.track('t2');
    stopping.stop();
    expect(await tracked).toEqual({ ok: false, explanation: 'stopped' });
    expect(await stopping.track('t3')).toEqual({ ok: false, explanation: 'stopped' });
  });
});
