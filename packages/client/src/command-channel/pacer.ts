import { sleep } from '../sleep.js';

/** Runs tasks one after another, starting each at least `intervalMs` after the previous one. @internal */
export interface Pacer {
  run<T>(task: () => T | Promise<T>): Promise<T>;
}

/** @internal */
export function createPacer(
  intervalMs: number,
  now: () => number = () => performance.now(),
): Pacer {
  let nextAt = Number.NEGATIVE_INFINITY;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = chain.then(async () => {
        const wait = nextAt - now();
        if (wait > 0) await sleep(wait);
        try {
          return await task();
        } finally {
          nextAt = now() + intervalMs;
        }
      });
      chain = result.catch(() => {});
      return result;
    },
  };
}
