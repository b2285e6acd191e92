import { LIMITS } from '@tvs/envelope';
import { sleep } from '../sleep.js';

/**
 * Milliseconds between two `SEND_TEXT` frames of one session, on the channel and over HTTP:
 * the gateway wants them *more than* one second apart (1240/100397, 1240/100404), so
 * `LIMITS.TEXT_INTERVAL_MS` plus a 100 ms margin for the jitter between our clock and the time
 * the gateway reads each frame. @internal
 */
export const TEXT_PACING_MS = LIMITS.TEXT_INTERVAL_MS + 100;

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
