import { ApiPromise, type WithResponse } from './api-promise.js';
import { TvsTaskFailedError } from './errors/tvs-task-failed-error.js';
import { TvsTimeoutError } from './errors/tvs-timeout-error.js';
import { DEFAULTS } from './internal/defaults.js';
import { durationOption, functionOption, numberOption, objectOption } from './internal/validate.js';
import type { Poller } from './poller.js';
import type { RequestOptions } from './request-options.js';
import type { TaskPhase } from './task-progress.js';

/** Options of the `waitFor` methods. */
export interface WaitOptions<P> {
  /** Called with each new state (status, progress, queue position or stage changed). */
  onProgress?: ((progress: P) => void) | undefined;
  /** Stops waiting; the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Milliseconds between the first polls (default 2 000); grows ×1.5 while the task runs. */
  pollInterval?: number | undefined;
  /** The longest wait between polls in milliseconds (default 30 000). */
  maxPollInterval?: number | undefined;
  /** Milliseconds to wait in all (default 3 600 000, an hour); `false` for no limit. */
  timeout?: number | false | undefined;
}

/** How to wait for one kind of task. @internal */
export interface TaskWait<P> {
  /** One progress call. */
  progress(payload: { TaskId: string }, options: RequestOptions): ApiPromise<P>;
  phase(progress: P): TaskPhase;
  /** Tasks queued ahead, for the slower queued interval. */
  queued?(progress: P): number;
  /** What identifies a new state for `onProgress`. */
  fingerprint(progress: P): string;
}

const WHERE = 'waitFor';

/**
 * Polls until the task succeeds (resolves with the last progress payload; `withResponse()`
 * gives that poll's metadata) or fails (rejects with {@link TvsTaskFailedError} carrying the
 * poll's `requestId`). The interval grows ×1.5 while the task runs; while it is queued, it is
 * the first interval times the tasks ahead plus one. @internal
 */
export function waitForTask<P extends Record<string, unknown>>(
  poller: Poller,
  wait: TaskWait<P>,
  taskId: string,
  options: WaitOptions<P> | undefined,
): ApiPromise<P> {
  return new ApiPromise(track(poller, wait, taskId, options));
}

async function track<P extends Record<string, unknown>>(
  poller: Poller,
  wait: TaskWait<P>,
  taskId: string,
  options: WaitOptions<P> = {},
): Promise<WithResponse<P>> {
  if (typeof taskId !== 'string' || taskId === '') {
    throw new TypeError(`${WHERE}: taskId must be a non-empty string`);
  }
  const { signal } = objectOption(options, WHERE);
  const onProgress = functionOption(options.onProgress, WHERE, 'onProgress');
  const ms = { positive: true, unit: 'milliseconds' };
  const defaults = DEFAULTS.waitFor;
  const first = numberOption(
    options.pollInterval,
    defaults.pollInterval,
    WHERE,
    'pollInterval',
    ms,
  );
  const longest = numberOption(
    options.maxPollInterval,
    defaults.maxPollInterval,
    WHERE,
    'maxPollInterval',
    ms,
  );
  const max = Math.max(first, longest);
  const timeout = durationOption(options.timeout, defaults.timeout, WHERE, 'timeout');
  let interval = first;
  let seen = '';
  const { done } = poller.track<WithResponse<P>, WithResponse<P>>(
    {
      poll: (pollSignal) =>
        wait.progress({ TaskId: taskId }, { signal: pollSignal }).withResponse(),
      next: (result) => {
        const progress = result.data;
        const fingerprint = wait.fingerprint(progress);
        if (fingerprint !== seen) {
          seen = fingerprint;
          onProgress?.(progress);
        }
        const phase = wait.phase(progress);
        if (phase === 'success') return { done: true, value: result };
        if (phase === 'failed') throw new TvsTaskFailedError(taskId, progress, result.requestId);
        if (phase === 'queued') {
          interval = Math.min(max, first * (1 + Math.max(0, wait.queued?.(progress) ?? 0)));
        }
        const delayMs = interval;
        if (phase === 'running') interval = Math.min(max, interval * defaults.growth);
        return { done: false, delayMs };
      },
    },
    {
      signal,
      timeoutMs: timeout,
      onTimeout: (last) =>
        new TvsTimeoutError(
          timeout === false ? undefined : timeout,
          { requestId: (last as WithResponse<P>).requestId },
          `task ${taskId} did not finish`,
        ),
    },
  );
  return done;
}
