import { describe, expect, it } from 'vitest';
import { readTaskProgress } from './task-progress.js';

describe('readTaskProgress', () => {
  it('reads Status, and Progress when Status is absent (1240/81270, 1240/130021)', () => {
    expect(readTaskProgress({ Status: 'SUCCESS' }).phase).toBe('success');
    expect(readTaskProgress({ Status: 'FAIL', Progress: 50 }).phase).toBe('failed');
    expect(readTaskProgress({ Status: 'MAKING', Progress: 40 })).toEqual({
      phase: 'running',
      percent: 40,
      queuePosition: 0,
    });
    expect(readTaskProgress({ Status: 'COMMIT', ArrayCount: 3 })).toEqual({
      phase: 'queued',
      percent: undefined,
      queuePosition: 3,
    });
    expect(readTaskProgress({ Progress: 100 }).phase).toBe('success');
    expect(readTaskProgress({ Progress: -1 }).phase).toBe('failed');
    expect(readTaskProgress({ Progress: 30 }).phase).toBe('running');
    expect(readTaskProgress({ Status: 'SOMETHING_NEW' }).phase).toBe('running');
  });
});
