/** A counting semaphore: `limit` holders at once; `take()` may go over it (for work already running). */
export class Slots {
  #used = 0;
  readonly #waiters: Array<() => void> = [];
  constructor(readonly limit: number) {}

  get used(): number {
    return this.#used;
  }

  /** Takes a slot, waiting while all are held; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.#used < this.limit) {
      this.#used++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#used++;
        resolve();
      };
      const onAbort = () => {
        const at = this.#waiters.indexOf(grant);
        if (at >= 0) this.#waiters.splice(at, 1);
        reject(signal!.reason);
      };
      this.#waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Takes a slot now, even over the limit. */
  take(): void {
    this.#used++;
  }

  release(): void {
    this.#used--;
    while (this.#used < this.limit && this.#waiters.length > 0) this.#waiters.shift()!();
  }
}
