import { AbortFanout } from './internal/abort-fanout.js';
import { numberOption, objectOption } from './internal/validate.js';

/** What one poll's answer means: done with a value, or poll again after `delayMs`. */
export type PollStep<R> =
  | { readonly done: true; readonly value: R }
  | { readonly done: false; readonly delayMs: number };

/** One thing to poll until it ends. */
export interface PollTarget<T, R> {
  /**
   * One poll. Its signal aborts when the tracking is cancelled. A rejection ends the tracking
   * with that error: catch inside to keep polling after a failed poll.
   */
  poll(signal: AbortSignal): Promise<T>;
  /** What the answer means: `{ done: true, value }`, or `{ done: false, delayMs }`. Throw to fail. */
  next(answer: T): PollStep<R>;
}

/** Options of {@link Poller.track}. */
export interface TrackOptions {
  /** Stops tracking: `done` rejects with the signal's reason and an in-flight poll is aborted. */
  signal?: AbortSignal | undefined;
  /** Milliseconds before the first poll (default 0). */
  delayMs?: number | undefined;
  /**
   * Milliseconds to track in all (default: no limit). A poll is made at the deadline; if it is
   * not done, `done` rejects with `onTimeout(lastAnswer)`.
   */
  timeoutMs?: number | false | undefined;
  /** The error a timeout rejects with, from the last answer (default: an `Error` saying so). */
  onTimeout?: ((last: unknown) => unknown) | undefined;
}

/** One tracked target. */
export interface PollHandle<R> {
  /** Resolves with the value of the step that was done; rejects as described in {@link TrackOptions}. */
  readonly done: Promise<R>;
  /**
   * Polls now instead of when planned (say, a callback reported a change). During a poll in
   * flight, whose answer may predate the change, it polls again as soon as that answer is in
   * (unless it was done); while the target waits for a free slot it changes nothing.
   */
  hint(): void;
}

/** Options of {@link createPoller}. */
export interface PollerOptions {
  /** Polls in flight at once, over every tracked target (default: no limit). */
  maxInFlight?: number | undefined;
  /** The clock of the plan, in milliseconds (default `performance.now`). */
  now?: (() => number) | undefined;
}

/** Many polling loops, with a shared limit on polls in flight. */
export interface Poller {
  /** Tracks `target` until its `next` says done. */
  track<T, R>(target: PollTarget<T, R>, options?: TrackOptions): PollHandle<R>;
  /** Targets being tracked. */
  readonly size: number;
  /** Stops every tracking: each `done` rejects with `reason`. The poller can be used again. */
  stop(reason?: unknown): void;
}

interface Entry {
  readonly poll: () => Promise<void>;
  readonly fail: (error: unknown) => void;
  /** The wait before its next poll, while it waits. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** `waiting` on its timer, `due` (queued for a free slot), `polling`, or `ended`. */
  state: 'waiting' | 'due' | 'polling' | 'ended';
  /** A hint came during the poll in flight: poll again once it answers. */
  hinted: boolean;
}

/** A function, not an inline test: the state changes across the awaits and calls TS cannot see into. */
const isEnded = (entry: Entry): boolean => entry.state === 'ended';

/**
 * The client's one poller: `waitFor`, `sessions.waitReady` and a batch runner's task tracking
 * use it. Each target is polled when its last answer says (`next` → `delayMs`), and at most
 * `maxInFlight` polls run at once: a target that comes due while all are busy waits its turn.
 *
 * @example
 * ```ts
 * import { createClient, createPoller, readTaskProgress } from '@tvs/client';
 *
 * const client = createClient();
 * const poller = createPoller({ maxInFlight: 4 });
 * const { done } = poller.track({
 *   poll: (signal) => client.video.progress({ TaskId: 'task-id' }, { signal }),
 *   next: (progress) => {
 *     const { phase } = readTaskProgress(progress);
 *     return phase === 'success' || phase === 'failed'
 *       ? { done: true, value: progress }
 *       : { done: false, delayMs: 5_000 };
 *   },
 * });
 * console.log((await done).MediaUrl);
 * ```
 */
export function createPoller(options: PollerOptions = {}): Poller {
  objectOption(options, 'createPoller');
  const maxInFlight = numberOption(
    options.maxInFlight,
    Number.POSITIVE_INFINITY,
    'createPoller',
    'maxInFlight',
    { positive: true },
  );
  const now = options.now ?? (() => performance.now());
  const live = new Set<Entry>();
  /** Targets that are due, oldest first, waiting for a free slot. */
  const ready: Entry[] = [];
  let inFlight = 0;
  // One listener per signal however many targets share it (say, `waitFor` on fifty tasks).
  const aborts = new AbortFanout();

  const due = (entry: Entry) => {
    entry.timer = undefined;
    entry.state = 'due';
    ready.push(entry);
    pump();
  };

  const schedule = (entry: Entry, delayMs: number) => {
    entry.state = 'waiting';
    entry.timer = setTimeout(() => due(entry), Math.max(0, delayMs));
  };

  const pump = () => {
    while (inFlight < maxInFlight && ready.length > 0) {
      const entry = ready.shift()!;
      if (entry.state === 'ended') continue;
      entry.state = 'polling';
      inFlight++;
      void entry.poll().finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return {
    get size() {
      return live.size;
    },
    stop(reason = new Error('the poller was stopped')) {
      for (const entry of [...live]) entry.fail(reason);
    },
    track<T, R>(target: PollTarget<T, R>, trackOptions: TrackOptions = {}): PollHandle<R> {
      const { signal, onTimeout } = objectOption(trackOptions, 'track');
      const first = numberOption(trackOptions.delayMs, 0, 'track', 'delayMs');
      const timeoutMs =
        trackOptions.timeoutMs === false
          ? Number.POSITIVE_INFINITY
          : numberOption(trackOptions.timeoutMs, Number.POSITIVE_INFINITY, 'track', 'timeoutMs', {
              positive: true,
            });
      const deadline = now() + timeoutMs;
      const controller = new AbortController();
      let resolve!: (value: R) => void;
      let reject!: (error: unknown) => void;
      const done = new Promise<R>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      let unwatch: (() => void) | undefined;
      const end = () => {
        entry.state = 'ended';
        clearTimeout(entry.timer);
        live.delete(entry);
        unwatch?.();
      };
      const entry: Entry = {
        timer: undefined,
        state: 'waiting',
        hinted: false,
        fail: (error) => {
          if (entry.state === 'ended') return;
          end();
          controller.abort(error);
          reject(error);
        },
        poll: async () => {
          let step: PollStep<R>;
          let answer: T;
          try {
            answer = await target.poll(controller.signal);
            if (isEnded(entry)) return;
            step = target.next(answer);
          } catch (error) {
            entry.fail(error);
            return;
          }
          // `next` may have stopped the tracking (a signal aborted from inside it).
          if (isEnded(entry)) return;
          if (step.done) {
            end();
            resolve(step.value);
            return;
          }
          const left = deadline - now();
          if (left <= 0) {
            entry.fail(onTimeout ? onTimeout(answer) : new Error('polling timed out'));
            return;
          }
          const delayMs = entry.hinted ? 0 : step.delayMs;
          entry.hinted = false;
          schedule(entry, Math.min(delayMs, left));
        },
      };
      if (signal?.aborted) {
        entry.state = 'ended';
        reject(signal.reason);
      } else {
        if (signal) unwatch = aborts.watch(signal, () => entry.fail(signal.reason));
        live.add(entry);
        schedule(entry, Math.min(first, timeoutMs));
      }
      return {
        done,
        hint() {
          if (entry.state === 'polling') entry.hinted = true;
          if (entry.state !== 'waiting') return;
          clearTimeout(entry.timer);
          due(entry);
        },
      };
    },
  };
}
