/** The callbacks watching one signal, and the one listener that calls them. */
interface Watchers {
  readonly callbacks: Set<() => void>;
  readonly onAbort: () => void;
}

/**
 * Many abort callbacks on one listener per signal. Node warns of a "possible EventTarget memory
 * leak" past ten listeners on one signal, yet a caller who waits for fifty tasks under one
 * signal leaks nothing: each callback is dropped as soon as its work ends. @internal
 */
export class AbortFanout {
  readonly #bySignal = new Map<AbortSignal, Watchers>();

  /**
   * Calls `callback` once when `signal` aborts (not when it already has: check that first).
   * Returns the function that stops watching; the listener goes with the signal's last callback.
   */
  watch(signal: AbortSignal, callback: () => void): () => void {
    let watchers = this.#bySignal.get(signal);
    if (!watchers) {
      const callbacks = new Set<() => void>();
      const onAbort = () => {
        this.#bySignal.delete(signal);
        for (const call of [...callbacks]) call();
      };
      watchers = { callbacks, onAbort };
      this.#bySignal.set(signal, watchers);
      signal.addEventListener('abort', onAbort, { once: true });
    }
    const { callbacks, onAbort } = watchers;
    callbacks.add(callback);
    return () => {
      if (!callbacks.delete(callback) || callbacks.size > 0) return;
      if (this.#bySignal.get(signal)?.callbacks === callbacks) this.#bySignal.delete(signal);
      signal.removeEventListener('abort', onAbort);
    };
  }

  /** Signals with a listener: for tests. */
  get size(): number {
    return this.#bySignal.size;
  }
}
