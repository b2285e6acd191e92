import { describe, expect, it } from 'vitest';
import { taskLoad } from './load.js';
import type { MockTask } from './tasks.js';

const task = (
  appkey: string,
  submittedAt: number,
  startedAt: number | undefined,
  endsAt: number | undefined,
) => ({ appkey, submittedAt, startedAt, endsAt }) as unknown as MockTask;

describe('taskLoad', () => {
  it('reports the peaks of open, rendering and queued tasks per appkey', () => {
    const load = taskLoad([
      task('a', 0, 0, 10),
      task('a', 1, 1, 11),
      task('a', 2, 10, 20), // queued 2–10 behind the first two
      task('a', 3, 11, 21), // queued 3–11
      task('b', 0, 0, 5),
    ]);
    expect(load.get('a')).toEqual({ peakOpen: 4, peakRendering: 2, peakQueued: 2 });
    expect(load.get('b')).toEqual({ peakOpen: 1, peakRendering: 1, peakQueued: 0 });
  });

  it('counts a slot freed and taken at the same instant once', () => {
    expect(taskLoad([task('a', 0, 0, 10), task('a', 10, 10, 20)]).get('a')?.peakOpen).toBe(1);
  });

  it('ignores what ended before `since`, and counts tasks still running', () => {
    const load = taskLoad([task('a', 0, 0, 5), task('a', 0, 0, 5), task('a', 6, 6, undefined)], 5);
    expect(load.get('a')?.peakOpen).toBe(1);
  });
});
