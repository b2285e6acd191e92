import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';

describe('Pacer', () => {
  it('halves the rate actually sent on a throttle and pauses, doubling the pause while throttles continue', async () => {
    let now = 0;
    const pacer = new Pacer({ now: () => now, random: () => 1, baseDelayMs: 100 });
    for (let i = 0; i < 10; i++) await pacer.acquire(); // 10 calls in the same second
    expect(pacer.rate).toBe(Number.POSITIVE_INFINITY);
    expect(pacer.throttled(now)).toBe(100);
    expect(pacer.rate).toBe(5);
    now += 1;
    expect(pacer.throttled(now)).toBe(200);
    expect(pacer.pausedFor).toBe(200);
  });

  it('counts throttles of calls sent before the last throttle as the same episode', async () => {
    let now = 0;
    const pacer = new Pacer({ now: () => now, random: () => 1, baseDelayMs: 100 });
    const granted = await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    now = 5;
    pacer.throttled(granted[0]);
    // The other two were in flight already: they wait out the same pause, no deeper.
    expect(pacer.throttled(granted[1])).toBe(100);
    now = 10;
    expect(pacer.throttled(granted[2])).toBe(95);
    expect(pacer.throttles).toBe(3);
  });

  it('recovers half the rate (at least one call a second) per success, never above maxRate', async () => {
    const pacer = new Pacer({ maxRate: 6, random: () => 0 });
    pacer.throttled();
    expect(pacer.rate).toBe(1);
    pacer.succeeded();
    expect(pacer.rate).toBe(2);
    pacer.succeeded();
    expect(pacer.rate).toBe(3);
    pacer.succeeded();
    expect(pacer.rate).toBe(4.5);
    pacer.succeeded();
    expect(pacer.rate).toBe(6);
  });

  it('makes callers wait out a pause, and aborts a wait', async () => {
    const pacer = new Pacer({ baseDelayMs: 60, minRate: 100, random: () => 1 });
    pacer.throttled();
    const started = performance.now();
    await pacer.acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    pacer.throttled();
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});
