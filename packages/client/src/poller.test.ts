import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createPoller, type PollStep } from './poller.js';

/** A target answering from `answers` in turn, counting polls. */
function target(answers: number[], next: (n: number) => PollStep<string>) {
  let polls = 0;
  return {
    polls: () => polls,
    target: {
      poll: async () => answers[Math.min(polls++, answers.length - 1)]!,
      next,
    },
  };
}
const doneAt =
  (end: number, delayMs = 1) =>
  (n: number): PollStep<string> =>
    n >= end ? { done: true, value: `done ${n}` } : { done: false, delayMs };

describe('createPoller', () => {
  it('polls each target until its answer says done, at the delay it asks', async () => {
    const poller = createPoller();
    const a = target([1, 2, 3], doneAt(3));
    const b = target([5], doneAt(5));
    const [x, y] = await Promise.all([poller.track(a.target).done, poller.track(b.target).done]);
    expect([x, y]).toEqual(['done 3', 'done 5']);
    expect([a.polls(), b.polls()]).toEqual([3, 1]);
    expect(poller.size).toBe(0);
  });

  it('keeps at most maxInFlight polls running', async () => {
    let running = 0;
    let most = 0;
    const poller = createPoller({ maxInFlight: 2 });
    const slow = {
      poll: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return 1;
      },
      next: (): PollStep<number> => ({ done: true, value: 1 }),
    };
    await Promise.all(Array.from({ length: 6 }, () => poller.track(slow).done));
    expect(most).toBe(2);
  });

  it('rejects with the signal’s reason, aborting the poll in flight', async () => {
    const controller = new AbortController();
    let pollSignal: AbortSignal | undefined;
    const poller = createPoller();
    const { done } = poller.track(
      {
        poll: (signal) => {
          pollSignal = signal;
          return new Promise<number>(() => {});
        },
        next: (): PollStep<number> => ({ done: true, value: 1 }),
      },
      { signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('stop now'));
    await expect(done).rejects.toThrow('stop now');
    expect(pollSignal?.aborted).toBe(true);
    await expect(
      poller.track(target([1], doneAt(1)).target, { signal: AbortSignal.abort(new Error('early')) })
        .done,
    ).rejects.toThrow('early');
  });

  it('listens once to a signal that many targets share, and lets go when they end', async () => {
    // Node warns of a leak past ten listeners on one signal: fifty waits under one signal are not one.
    const controller = new AbortController();
    const poller = createPoller();
    const never = {
      poll: async () => 0,
      next: (): PollStep<number> => ({ done: false, delayMs: 60_000 }),
    };
    const waits = Array.from({ length: 50 }, () =>
      poller.track(never, { signal: controller.signal }),
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(new Error('all of them'));
    const settled = await Promise.allSettled(waits.map((w) => w.done));
    expect(settled.map((s) => s.status === 'rejected' && String(s.reason))).toEqual(
      Array(50).fill('Error: all of them'),
    );
    expect(poller.size).toBe(0);

    const other = new AbortController();
    const quick = Array.from({ length: 20 }, (_, i) =>
      poller.track(target([i], doneAt(0)).target, { signal: other.signal }),
    );
    await Promise.all(quick.map((w) => w.done));
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
  });

  it('polls once more at the deadline, then rejects with onTimeout', async () => {
    // A clock of our own: one poll at the start, the next at the deadline, whatever the load.
    let ms = 0;
    const poller = createPoller({ now: () => ms });
    const t = target([1], (n) => {
      ms += 20;
      return doneAt(9, 1000)(n);
    });
    const done = poller.track(t.target, {
      timeoutMs: 30,
      onTimeout: (last) => new Error(`timed out at ${last}`),
    }).done;
    await expect(done).rejects.toThrow('timed out at 1');
    expect(t.polls()).toBe(2);
  });

  it('ends with the error of a poll or of next', async () => {
    const poller = createPoller();
    const failing = { poll: async () => Promise.reject(new Error('poll failed')), next: doneAt(1) };
    await expect(poller.track(failing).done).rejects.toThrow('poll failed');
    const judging = {
      poll: async () => 1,
      next: (): PollStep<string> => {
        throw new Error('task failed');
      },
    };
    await expect(poller.track(judging).done).rejects.toThrow('task failed');
  });

  it('hint() polls now; stop() rejects everything tracked', async () => {
    const poller = createPoller();
    const t = target([1, 2], doneAt(2, 60_000));
    const handle = poller.track(t.target);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(t.polls()).toBe(1);
    handle.hint();
    await expect(handle.done).resolves.toBe('done 2');
    const stopped = poller.track(target([1], doneAt(2, 60_000)).target).done;
    await new Promise((resolve) => setTimeout(resolve, 10));
    poller.stop(new Error('stopped'));
    await expect(stopped).rejects.toThrow('stopped');
    expect(poller.size).toBe(0);
  });

  it('a hint during a poll in flight polls again once that poll answers, not when planned', async () => {
    const poller = createPoller();
    let polls = 0;
    let answer!: () => void;
    const handle = poller.track({
      poll: async () => {
        polls++;
        // The first answer was on its way before the change the hint reports.
        if (polls === 1) await new Promise<void>((resolve) => (answer = resolve));
        return polls;
      },
      next: doneAt(2, 60_000),
    });
    await vi.waitFor(() => expect(polls).toBe(1));
    handle.hint();
    answer();
    await expect(handle.done).resolves.toBe('done 2');
    // Done at that answer: the hint adds no poll.
    const finished = target([1], doneAt(1));
    let release!: () => void;
    const gated = poller.track({
      poll: async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return finished.target.poll();
      },
      next: finished.target.next,
    });
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    gated.hint();
    release();
    await expect(gated.done).resolves.toBe('done 1');
    expect(finished.polls()).toBe(1);
  });

  it('tracks 10,000 targets at once within maxInFlight', async () => {
    const poller = createPoller({ maxInFlight: 8 });
    let running = 0;
    let most = 0;
    let polls = 0;
    const polledOnce = new Set<number>();
    const one = (i: number) => ({
      poll: async () => {
        polls++;
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return polls;
      },
      next: (): PollStep<number> => {
        // Each target twice: its first answer asks for another poll at once.
        if (polledOnce.has(i)) return { done: true, value: i };
        polledOnce.add(i);
        return { done: false, delayMs: 0 };
      },
    });
    const values = await Promise.all(
      Array.from({ length: 10_000 }, (_, i) => poller.track(one(i)).done),
    );
    expect(values.every((v, i) => v === i)).toBe(true);
    expect(polls).toBe(20_000);
    expect(most).toBe(8);
    expect(poller.size).toBe(0);
  }, 60_000);

  it('refuses bad options', () => {
    expect(() => createPoller({ maxInFlight: 0 })).toThrow(/maxInFlight/);
    expect(() => createPoller().track(target([1], doneAt(1)).target, { timeoutMs: -1 })).toThrow(
      /timeoutMs/,
    );
  });
});
