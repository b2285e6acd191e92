import { API_CODES, TvsApiError } from '@tvs/client';
import { describe, expect, it, vi } from 'vitest';
import { Pacer } from './pacer.js';
import { TaskTracker, type TaskTrackerOptions, type VideoProgress } from './task-tracker.js';

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
  return { progress, calls: () => calls };
}

/** A tracker polling `progress`: its own pacer, polls 5–50 ms apart unless told otherwise. */
function trackerOf(
  progress: () => Promise<VideoProgress>,
  options: Partial<Omit<TaskTrackerOptions, 'client'>> = {},
): TaskTracker {
  return new TaskTracker({
    client: { video: { progress } } as never,
    pacer: new Pacer(),
    minIntervalMs: 5,
    maxIntervalMs: 50,
    ...options,
  });
}

describe('TaskTracker', () => {
  it('follows a task to its end with few polls, planned from its progress rate', async () => {
    const gateway = fakeGateway(300);
    const tracker = trackerOf(gateway.progress, { minIntervalMs: 20, maxIntervalMs: 5_000 });
    const result = await tracker.track('t1', performance.now());
    expect(result.ok).toBe(true);
    // Polled every 20 ms it would take 15 polls; planned from the rate, a handful.
    expect(gateway.calls()).toBeLessThanOrEqual(6);
    expect(tracker.polls).toBe(gateway.calls());
  });

  it('reads the end from Progress when Status is absent', async () => {
    const gateway = fakeGateway(50, { omitStatus: true });
    const result = await trackerOf(gateway.progress, { minIntervalMs: 10 }).track('t1');
    expect(result).toMatchObject({ ok: true, progress: { Progress: 100 } });
  });

  it('rides out throttled polls through the pacer, and stops on request', async () => {
    const gateway = fakeGateway(20, { throttleFirst: 2 });
    const pacer = new Pacer({ baseDelayMs: 20 });
    const throttled: number[] = [];
    const tracker = trackerOf(gateway.progress, {
      pacer,
      maxIntervalMs: 100,
      onThrottle: (_task, _error, pauseMs) => throttled.push(pauseMs),
    });
    expect((await tracker.track('t1')).ok).toBe(true);
    expect(throttled).toHaveLength(2);
    expect(pacer.throttles).toBe(2);
    const stopping = trackerOf(fakeGateway(60_000).progress);
    const tracked = stopping.track('t2');
    stopping.stop();
    expect(await tracked).toEqual({ ok: false, explanation: 'stopped' });
    expect(await stopping.track('t3')).toEqual({ ok: false, explanation: 'stopped' });
  });

  it('polls at once on a hint, even one that lands while a poll is on its way', async () => {
    let polls = 0;
    let answerFirst!: () => void;
    const progress = async (): Promise<VideoProgress> => {
      polls++;
      if (polls === 1) {
        // Sent before the task ended; the callback saying it did arrives meanwhile.
        await new Promise<void>((resolve) => (answerFirst = resolve));
        return { Status: 'MAKING', Progress: 50 } as VideoProgress;
      }
      return { Status: 'SUCCESS', Progress: 100, MediaUrl: 'https://x/y.mp4' } as VideoProgress;
    };
    // Planned polls would come a minute apart: only the hints can end this in time.
    const tracker = trackerOf(progress, {
      minIntervalMs: 60_000,
      maxIntervalMs: 120_000,
      maxInFlight: 1,
    });
    const tracked = tracker.track('t1');
    tracker.hint('t1');
    await vi.waitFor(() => expect(polls).toBe(1));
    tracker.hint('t1');
    tracker.hint('not-tracked');
    answerFirst();
    expect(await tracked).toMatchObject({ ok: true, progress: { Status: 'SUCCESS' } });
    expect(polls).toBe(2);
    expect([tracker.polls, tracker.finished, tracker.size]).toEqual([2, 1, 0]);
  });

  it('polls on through passing errors, and ends a task the gateway refuses for good', async () => {
    const answers: Array<() => VideoProgress> = [
      () => {
        throw new TvsApiError({ code: API_CODES.INTERNAL_ERROR, gatewayMessage: 'try later' });
      },
      () => ({ Status: 'FAIL', Progress: -1, FailCode: 1 }) as VideoProgress,
    ];
    const errors: unknown[] = [];
    const tracker = trackerOf(async () => answers.shift()!(), {
      onPollError: (_task, error) => errors.push(error),
    });
    // A failed render is an answer, not a failed poll: the runner reads it.
    expect(await tracker.track('t1')).toMatchObject({ ok: true, progress: { Status: 'FAIL' } });
    expect(errors).toHaveLength(1);
    const refusing = trackerOf(async () => {
      throw new TvsApiError({ code: API_CODES.INVALID_PARAMETER, gatewayMessage: 'no such task' });
    });
    expect(await refusing.track('t2')).toMatchObject({
      ok: false,
      code: API_CODES.INVALID_PARAMETER,
    });
    expect(refusing.finished).toBe(1);
  });
});
