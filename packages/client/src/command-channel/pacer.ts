import { LIMITS } from '@tvs/envelope';
import { sleep } from '../sleep.js';

/**
 * Milliseconds of margin over `LIMITS.TEXT_INTERVAL_MS`. We space frames by our clock, but the
 * gateway measures when it reads them: a first frame held up on the way (a busy server, a
 * retransmitted TCP segment, which also holds up what follows) arrives closer to the next.
 * 100 ms proved too little on a loaded loopback (frames read 999 ms apart); 200 ms is 20 %. @internal
 */
export const TEXT_PACING_MARGIN_MS = 200;

/**
 * Milliseconds between two `SEND_TEXT` frames of one session, on the channel and over HTTP:
 * the gateway wants them *more than* one second apart (1240/100397, 1240/100404), so
 * `LIMITS.TEXT_INTERVAL_MS` plus {@link TEXT_PACING_MARGIN_MS}: 1 200. @internal
 */
export const TEXT_PACING_MS = LIMITS.TEXT_INTERVAL_MS + TEXT_PACING_MARGIN_MS;

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
