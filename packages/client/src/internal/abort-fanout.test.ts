import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AbortFanout } from './abort-fanout.js';

describe('AbortFanout', () => {
  it('calls every watcher of a signal from one listener, once', () => {
    const fanout = new AbortFanout();
    const controller = new AbortController();
    const calls: number[] = [];
    for (let i = 0; i < 12; i++) fanout.watch(controller.signal, () => calls.push(i));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    controller.abort();
    expect(calls).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(fanout.size).toBe(0);
  });

  it('drops a watcher that stops, and the listener with the last one', () => {
    const fanout = new AbortFanout();
    const controller = new AbortController();
    const calls: string[] = [];
    const stopA = fanout.watch(controller.signal, () => calls.push('a'));
    const stopB = fanout.watch(controller.signal, () => calls.push('b'));
    stopA();
    stopA(); // twice is harmless
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    stopB();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(fanout.size).toBe(0);
    fanout.watch(controller.signal, () => calls.push('c'));
    controller.abort();
    expect(calls).toEqual(['c']);
  });

  it('lets a watcher stop another while the signal aborts', () => {
    const fanout = new AbortFanout();
    const controller = new AbortController();
    const calls: string[] = [];
    let stopB = () => {};
    fanout.watch(controller.signal, () => {
      calls.push('a');
      stopB();
    });
    stopB = fanout.watch(controller.signal, () => calls.push('b'));
    controller.abort();
    // The abort was already under way: every watcher at that moment hears it.
    expect(calls).toEqual(['a', 'b']);
  });

  it('keeps signals apart', () => {
    const fanout = new AbortFanout();
    const one = new AbortController();
    const two = new AbortController();
    const calls: string[] = [];
    fanout.watch(one.signal, () => calls.push('one'));
    fanout.watch(two.signal, () => calls.push('two'));
    expect(fanout.size).toBe(2);
    two.abort();
    expect(calls).toEqual(['two']);
    expect(fanout.size).toBe(1);
  });
});
