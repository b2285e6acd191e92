import { describe, expect, it } from 'vitest';
import { QueueGate } from './queue-gate.js';

describe('QueueGate', () => {
  it('lets creates through until the gateway queues a task, then holds them while maxQueued wait, are unseen or on their way', async () => {
    const gate = new QueueGate(1);
    await gate.wait();
    gate.created('t1');
    await gate.wait();
    gate.created('t2');
    gate.observed('t1', 'running', 0);
    gate.observed('t2', 'queued', 3);
    expect(gate.saturated).toBe(true);
    expect(gate.open).toBe(false);
    const order: string[] = [];
    const a = gate.wait().then(() => order.push('a'));
    const b = gate.wait().then(() => order.push('b'));
    gate.observed('t2', 'queued', 0);
    await Promise.resolve();
    // Next in line, but still waiting: it counts.
    expect(order).toEqual([]);
    gate.observed('t2', 'running', 0);
    await a;
    // One create on its way closes the gate for the next waiter…
    expect(order).toEqual(['a']);
    gate.created('t3');
    expect(gate.open).toBe(false);
    // …until the new task is seen rendering.
    gate.observed('t3', 'running', 0);
    await b;
    expect(order).toEqual(['a', 'b']);
    gate.cancel();
    expect(gate.open).toBe(true);
  });

  it('refuses maxQueued below 1 and rejects a wait on abort', async () => {
    expect(() => new QueueGate(0)).toThrow(RangeError);
    const gate = new QueueGate(1);
    gate.observed('t', 'queued', 1);
    const controller = new AbortController();
    const waiting = gate.wait(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});
