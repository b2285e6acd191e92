import type { TaskPhase } from '@tvs/client';

/**
 * Respect for the gateway's queue. Tasks over the account's concurrency wait in `COMMIT` with a
 * queue position (`ArrayCount`, https://cloud.tencent.com/document/product/1240/81270). Once
 * one of this run's tasks is seen waiting there, the account is known to be saturated, and for
 * the rest of the run the gate lets a create through only while the tasks seen queued, those
 * created and not yet polled, and the creates on their way stay under `maxQueued`: the run feeds
 * the queue as it moves instead of piling onto it.
 */
export class QueueGate {
  readonly #maxQueued: number;
  readonly #queued = new Set<string>();
  readonly #unseen = new Set<string>();
  /** Creates let through and not yet answered. */
  #pending = 0;
  #saturated = false;
  #waiters: Array<() => boolean> = [];

  constructor(maxQueued: number) {
    if (!(Number.isInteger(maxQueued) && maxQueued >= 1)) {
      throw new RangeError('maxQueued must be a whole number of at least 1');
    }
    this.#maxQueued = maxQueued;
  }

  /** Whether the gateway has been seen queueing this run's tasks. */
  get saturated(): boolean {
    return this.#saturated;
  }

  /** This run's tasks last seen waiting in the gateway's queue. */
  get queued(): number {
    return this.#queued.size;
  }

  get open(): boolean {
    return (
      !this.#saturated || this.#queued.size + this.#unseen.size + this.#pending < this.#maxQueued
    );
  }

  /**
   * Resolves once a create may be sent, counting it as on its way until {@link created} or
   * {@link cancel}.
   */
  wait(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.open) {
      this.#pending++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.#waiters = this.#waiters.filter((w) => w !== take);
        reject(signal!.reason);
      };
      const take = () => {
        if (!this.open) return false;
        this.#pending++;
        signal?.removeEventListener('abort', onAbort);
        resolve();
        return true;
      };
      this.#waiters.push(take);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The create let through produced task `taskId`. */
  created(taskId: string): void {
    this.#pending = Math.max(0, this.#pending - 1);
    this.#unseen.add(taskId);
  }

  /** The create let through produced no task (refused, ambiguous, stopped). */
  cancel(): void {
    this.#pending = Math.max(0, this.#pending - 1);
    this.#wake();
  }

  /**
   * A poll (or callback) reported the task's phase and queue position. A `queued` task
   * (`COMMIT`) is waiting; one with tasks ahead of it (`ArrayCount` > 0) shows the account is
   * saturated.
   */
  observed(taskId: string, phase: TaskPhase, queuePosition: number): void {
    this.#unseen.delete(taskId);
    if (phase === 'queued') {
      this.#queued.add(taskId);
      if (queuePosition > 0) this.#saturated = true;
    } else {
      this.#queued.delete(taskId);
    }
    this.#wake();
  }

  /** The task ended, or is no longer tracked. */
  ended(taskId: string): void {
    this.#unseen.delete(taskId);
    this.#queued.delete(taskId);
    this.#wake();
  }

  #wake(): void {
    while (this.#waiters.length > 0 && this.open) {
      const take = this.#waiters.shift()!;
      if (!take()) this.#waiters.unshift(take);
    }
  }
}
