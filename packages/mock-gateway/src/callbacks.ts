import type { CallbackDelivery, MockTask } from './tasks.js';

/** @internal */
export interface CallbackDeps {
  readonly now: () => number;
  /** Delivers one callback (the `callbackFetch` option). */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The body of a task's callback. */
  readonly payload: (task: MockTask) => Record<string, unknown>;
  /** Records how the delivery went on the task. */
  readonly record: (task: MockTask, delivery: CallbackDelivery) => void;
}

/**
 * Task callbacks: one unsigned POST of the documented body (附录二, 1240/81279: a `Payload` of
 * six fields, no `Header`) to the task's `CallbackUrl` when it ends, never retried, as the
 * gateway sends it. `settled()` waits for every delivery under way (`clock.advance` uses it).
 * @internal
 */
export function createCallbacks(deps: CallbackDeps) {
  const pending = new Set<Promise<void>>();
  return {
    deliver(task: MockTask): void {
      const url = task.callbackUrl;
      if (!url) return;
      const at = deps.now();
      const body = JSON.stringify({ Payload: deps.payload(task) });
      const delivery = (async () => {
        try {
          const response = await deps.fetch(
            new Request(url, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json;charset=utf-8' },
              body,
            }),
          );
          await response.body?.cancel().catch(() => {});
          deps.record(task, { at, status: response.status });
        } catch (error) {
          deps.record(task, { at, error: String((error as Error)?.message ?? error) });
        }
      })();
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    },
    /** Resolves when every delivery under way has ended. */
    async settled(): Promise<void> {
      await Promise.all(pending);
    },
  };
}
