import { describe, expect, it, vi } from 'vitest';
import { createScheduler } from './scheduler.js';

describe('the event queue', () => {
  it('runs events in time order, equal times in the order they were scheduled, only once due', () => {
    let now = 0;
    const queue = createScheduler({ now: () => now, real: false });
    const ran: string[] = [];
    queue.schedule(20, () => ran.push('b'));
    queue.schedule(10, () => ran.push('a'));
    queue.schedule(20, () => ran.push('c'));
    queue.schedule(30, () => ran.push('d'));
    now = 25;
    queue.settle();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(queue.nextAt()).toBe(30);
    now = 30;
    queue.settle();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.nextAt()).toBeUndefined();
  });

  it('tells the time of the event running when a settle catches up, else the clock', () => {
    let now = 100;
    const queue = createScheduler({ now: () => now, real: false });
    const seen: number[] = [];
    queue.schedule(10, () => seen.push(queue.time()));
    queue.schedule(70, () => seen.push(queue.time()));
    expect(queue.time()).toBe(100);
    queue.settle();
    expect(seen).toEqual([10, 70]);
    now = 120;
    expect(queue.time()).toBe(120);
  });

  it('runs what an event schedules in the same settle when it is due, past times first', () => {
    let now = 100;
    const queue = createScheduler({ now: () => now, real: false });
    const ran: number[] = [];
    queue.schedule(50, () => {
      ran.push(50);
      queue.schedule(40, () => ran.push(40)); // already past: next
      queue.schedule(90, () => ran.push(90));
      queue.schedule(150, () => ran.push(150)); // not yet
    });
    queue.schedule(60, () => ran.push(60));
    queue.settle();
    expect(ran).toEqual([50, 40, 60, 90]);
    now = 150;
    queue.settle();
    expect(ran.at(-1)).toBe(150);
  });

  it('cancels the events of an owner and forgets everything on reset', () => {
    const queue = createScheduler({ now: () => 10, real: false });
    const ran: string[] = [];
    const drive = {};
    queue.schedule(1, () => ran.push('drive'), drive);
    queue.schedule(2, () => ran.push('other'));
    queue.cancel(drive);
    queue.settle();
    expect(ran).toEqual(['other']);
    queue.schedule(5, () => ran.push('late'));
    queue.reset();
    queue.settle();
    expect(ran).toEqual(['other']);
  });

  it('does not re-enter: an event that settles runs nothing twice', () => {
    const queue = createScheduler({ now: () => 10, real: false });
    const ran: number[] = [];
    queue.schedule(1, () => {
      ran.push(1);
      queue.settle();
    });
    queue.schedule(2, () => ran.push(2));
    queue.settle();
    expect(ran).toEqual([1, 2]);
  });

  it('on the real clock, wakes itself for the next event, and stops for good', async () => {
    vi.useFakeTimers();
    try {
      const queue = createScheduler({ now: () => Date.now(), real: true });
      const ran: string[] = [];
      queue.schedule(Date.now() + 1000, () => ran.push('woke'));
      await vi.advanceTimersByTimeAsync(999);
      expect(ran).toEqual([]);
      await vi.advanceTimersByTimeAsync(10);
      expect(ran).toEqual(['woke']);
      queue.stop();
      queue.schedule(Date.now() + 10, () => ran.push('after stop'));
      await vi.advanceTimersByTimeAsync(100);
      expect(ran).toEqual(['woke']);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
