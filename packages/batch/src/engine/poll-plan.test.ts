import type { TaskPhase } from '@tvs/client';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextPollDelay,
  observe,
  RunHistory,
  type TaskHistory,
  type TaskObservation,
} from './poll-plan.js';

const seen = (
  at: number,
  phase: TaskPhase,
  progress: number,
  queuePosition = 0,
): TaskObservation => ({ at, phase, progress, queuePosition });
const limits = { minMs: 1_000, maxMs: 60_000 };

describe('nextPollDelay', () => {
  it('aims at the end the observed progress rate predicts', () => {
    // 25 % in 5 s, 50 % to go: 10 s, plus the 5 % margin.
    expect(
      nextPollDelay({
        now: 10_000,
        last: seen(10_000, 'running', 50),
        risingFrom: seen(5_000, 'running', 25),
        unchanged: 0,
        ...limits,
      }),
    ).toBe(10_500);
  });

  it('waits in proportion to the queue position, at the pace tasks finish', () => {
    expect(
      nextPollDelay({
        now: 0,
        last: seen(0, 'queued', 0, 3),
        unchanged: 0,
        completionGapMs: 2_000,
        ...limits,
      }),
    ).toBe(8_000);
    expect(nextPollDelay({ now: 0, last: seen(0, 'queued', 0, 3), unchanged: 0, ...limits })).toBe(
      4_000,
    );
  });

  it('plans a new task from the typical duration, and backs off while nothing changes', () => {
    expect(
      nextPollDelay({
        now: 1_000,
        submittedAt: 0,
        unchanged: 0,
        typicalDurationMs: 20_000,
        ...limits,
      }),
    ).toBe(20_000);
    expect(nextPollDelay({ now: 0, submittedAt: 0, unchanged: 0, ...limits })).toBe(1_000);
    expect(nextPollDelay({ now: 0, last: seen(0, 'running', 10), unchanged: 3, ...limits })).toBe(
      8_000,
    );
  });

  it('always stays within the bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.option(fc.integer({ min: 1, max: 1e7 }), { nil: undefined }),
        (p0, p1, dt, unchanged, queue, typical) => {
          const delay = nextPollDelay({
            now: dt * 2,
            submittedAt: 0,
            last: seen(dt, queue > 500 ? 'queued' : 'running', Math.max(p0, p1), queue),
            risingFrom: seen(0, 'running', Math.min(p0, p1)),
            unchanged,
            typicalDurationMs: typical,
            completionGapMs: typical,
            ...limits,
          });
          expect(delay).toBeGreaterThanOrEqual(limits.minMs);
          expect(delay).toBeLessThanOrEqual(limits.maxMs);
        },
      ),
    );
  });
});

describe('observe and RunHistory', () => {
  it('takes a task first seen rendering as rendering since its create; after the queue, from its first sight', () => {
    const created: TaskHistory = { submittedAt: 0, unchanged: 0, queued: false };
    observe(created, seen(4_000, 'running', 40));
    expect(created.risingFrom).toEqual(seen(0, 'running', 0));
    observe(created, seen(5_000, 'running', 40));
    expect(created.unchanged).toBe(1);
    const waited: TaskHistory = { submittedAt: 0, unchanged: 0, queued: false };
    observe(waited, seen(1_000, 'queued', 0, 2));
    expect([waited.queued, waited.risingFrom]).toEqual([true, undefined]);
    observe(waited, seen(3_000, 'running', 10));
    expect(waited.risingFrom).toEqual(seen(3_000, 'running', 10));
    expect(waited.unchanged).toBe(0);
  });

  it('samples a task’s duration at the middle of the span it ended in, and the gap between ends', () => {
    const run = new RunHistory();
    run.completed(
      { submittedAt: 0, last: seen(8_000, 'running', 80), unchanged: 0, queued: false },
      10_000,
    );
    expect(run.typicalDurationMs).toBe(9_000);
    expect(run.completionGapMs).toBeUndefined();
    // Not created by this run: no duration sample, but a gap.
    run.completed({ submittedAt: undefined, unchanged: 0, queued: false }, 12_000);
    expect([run.typicalDurationMs, run.completionGapMs]).toEqual([9_000, 2_000]);
  });
});
