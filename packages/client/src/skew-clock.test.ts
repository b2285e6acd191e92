import { describe, expect, it } from 'vitest';
import { createSkewClock, SKEW_THRESHOLD_MS } from './skew-clock.js';

describe('skew clock', () => {
  it('learns the offset once and tells later refusals signed with the old clock to re-sign', () => {
    const local = 1_700_000_000_000;
    const clock = createSkewClock(() => local);
    expect(clock.now()).toBe(local);
    const server = local + 600_000;
    expect(clock.observe(server, 0)).toBe(true);
    expect(Math.abs(clock.now() - server)).toBeLessThan(1000);
    const learned = clock.offset;
    // A concurrent call signed before the offset was learned: re-sign, do not re-learn.
    expect(clock.observe(server + 200, 0)).toBe(true);
    expect(clock.offset).toBe(learned);
    // A refusal signed with the corrected clock: skew is not the problem.
    expect(clock.observe(server, learned)).toBe(false);
  });

  it('ignores differences under the threshold', () => {
    const clock = createSkewClock(() => 0);
    expect(clock.observe(SKEW_THRESHOLD_MS - 1000, 0)).toBe(false);
    expect(clock.offset).toBe(0);
    const behind = createSkewClock(() => 1_000_000_000);
    expect(behind.observe(1_000_000_000 - 600_000, 0)).toBe(true);
    expect(behind.offset).toBeLessThan(-599_000);
  });
});
