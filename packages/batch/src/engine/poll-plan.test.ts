import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPollDelay, type TaskObservation } from './poll-plan.js';

const seen = (
  at: number,
  status: string,
  progress: number,
  queuePosition = 0,
): TaskObservation => ({ at, status, progress, queuePosition });
const limits = { minMs: 1_000, maxMs: 60_000 };

describe('nextPollDelay', () => {
  it('aims at the end the observed progress rate predicts', () => {
    // 25 % in 5 s, 50 % to go: 10 s, plus the 5 % margin.
    expect(
      nextPollDelay({
        now: 10_000,
        last: seen(10_000, 'MAKING', 50),
        risingFrom: seen(5_000, 'MAKING', 25),
        unchanged: 0,
        ...limits,
      }),
    ).toBe(10_500);
  });

  it('waits in proportion to the queue position, at the pace tasks finish', () => {
    expect(
      nextPollDelay({
        now: 0,
        last: seen(0, 'COMMIT', 0, 3),
        unchanged: 0,
        completionGapMs: 2_000,
        ...limits,
      }),
    ).toBe(8_000);
    expect(nextPollDelay({ now: 0, last: seen(0, 'COMMIT', 0, 3), unchanged: 0, ...limits })).toBe(
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
    expect(nextPollDelay({ now: 0, last: seen(0, 'MAKING', 10), unchanged: 3, ...limits })).toBe(
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
            last: seen(dt, queue > 500 ? 'COMMIT' : 'MAKING', Math.max(p0, p1), queue),
            risingFrom: seen(0, 'MAKING', Math.min(p0, p1)),
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
