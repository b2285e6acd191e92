import { describe, expect, it } from 'vitest';
import { QueueGate } from './queue-gate.js';

describe('QueueGate', () => {
  it('stays open until the gateway queues a task, then holds creates while maxQueued wait or are unseen', async () => {
    const gate = new QueueGate(1);
    gate.created('t1');
    gate.created('t2');
    expect(gate.open).toBe(true);
    gate.observed('t1', 'MAKING', 0);
    gate.observed('t2', 'COMMIT', 3);
    expect(gate.saturated).toBe(true);
    expect(gate.open).toBe(false);
    let opened = false;
    const waiting = gate.wait().then(() => {
      opened = true;
    });
    gate.observed('t2', 'COMMIT', 1);
    await Promise.resolve();
    expect(opened).toBe(false);
    gate.observed('t2', 'MAKING', 0);
    await waiting;
    expect(opened).toBe(true);
    // Saturated still: one unpolled new task closes it again.
    gate.created('t3');
    expect(gate.open).toBe(false);
    // It started at once: the farm has room again.
    gate.observed('t3', 'MAKING', 0);
    expect(gate.saturated).toBe(false);
  });

  it('refuses maxQueued below 1 and rejects a wait on abort', async () => {
    expect(() => new QueueGate(0)).toThrow(RangeError);
    const gate = new QueueGate(1);
    gate.observed('t', 'COMMIT', 1);
    const controller = new AbortController();
    const waiting = gate.wait(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});
