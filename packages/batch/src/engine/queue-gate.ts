/**
 * Respect for the gateway's queue. Tasks over the account's concurrency wait in `COMMIT` with a
 * queue position (`ArrayCount`, https://cloud.tencent.com/document/product/1240/81270). Once
 * one of this run's tasks is seen waiting there, the gate holds new creates while the tasks seen
 * queued plus those created and not yet polled reach `maxQueued`: the run feeds the queue as it
 * moves instead of piling onto it. It opens fully again when a new task starts rendering at once.
 */
export class QueueGate {
  readonly #maxQueued: number;
  readonly #queued = new Set<string>();
  readonly #unseen = new Set<string>();
  #saturated = false;
  #waiters: Array<() => void> = [];

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
    return !this.#saturated || this.#queued.size + this.#unseen.size < this.#maxQueued;
  }

  /** A task was just created. */
  created(taskId: string): void {
    this.#unseen.add(taskId);
  }

  /** A poll (or callback) reported the task's status and queue position. */
  observed(taskId: string, status: string, queuePosition: number): void {
    const first = this.#unseen.delete(taskId);
    if (status === 'COMMIT' && queuePosition > 0) {
      this.#queued.add(taskId);
      this.#saturated = true;
    } else {
      this.#queued.delete(taskId);
      if (first && this.#queued.size === 0 && status !== 'COMMIT') this.#saturated = false;
    }
    this.#wake();
  }

  /** The task ended, or is no longer tracked. */
  ended(taskId: string): void {
    this.#unseen.delete(taskId);
    this.#queued.delete(taskId);
    this.#wake();
  }

  /** Resolves once a create may be sent. */
  wait(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.open) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.open) return false;
        signal?.removeEventListener('abort', onAbort);
        resolve();
        return true;
      };
      const onAbort = () => {
        this.#waiters = this.#waiters.filter((w) => w !== wake);
        reject(signal!.reason);
      };
      const wake = () => {
        if (!check()) this.#waiters.push(wake);
      };
      this.#waiters.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
