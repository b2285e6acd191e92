import { TvsTaskFailedError } from './errors/tvs-task-failed-error.js';
import { TvsTimeoutError } from './errors/tvs-timeout-error.js';
import { sleep } from './sleep.js';

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

/** How a poll result reads. @internal */
export type TaskState = 'pending' | 'queued' | 'success' | 'fail';

/** @internal */
export interface WaitSpec<P> {
  taskId: string;
  poll(signal: AbortSignal | undefined): Promise<{ payload: P; requestId: string }>;
  state(progress: P): TaskState;
  /** Tasks queued ahead, for the slower queued interval. */
  queued?(progress: P): number;
  /** What identifies a new state for `onProgress`. */
  fingerprint(progress: P): string;
}

function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`waitFor: ${name} must be a positive number of milliseconds`);
  }
  return value;
}

/**
 * Polls until the task succeeds (resolves with the last progress payload) or fails (rejects
 * with {@link TvsTaskFailedError}). Backs off ×1.5 while the task runs; while it is queued, waits
 * in proportion to the tasks ahead of it. @internal
 */
export async function waitForTask<P extends Record<string, unknown>>(
  spec: WaitSpec<P>,
  options: WaitOptions<P> = {},
): Promise<P> {
  if (typeof spec.taskId !== 'string' || spec.taskId === '') {
    throw new TypeError('waitFor: taskId must be a non-empty string');
  }
  const first = positive(options.pollInterval, 'pollInterval', 2_000);
  const max = Math.max(first, positive(options.maxPollInterval, 'maxPollInterval', 30_000));
  const timeout =
    options.timeout === false ? false : positive(options.timeout, 'timeout', 3_600_000);
  const deadline = timeout === false ? Number.POSITIVE_INFINITY : performance.now() + timeout;
  const { signal, onProgress } = options;
  let interval = first;
  let last = '';
  for (;;) {
    signal?.throwIfAborted();
    const { payload, requestId } = await spec.poll(signal);
    const fingerprint = spec.fingerprint(payload);
    if (fingerprint !== last) {
      last = fingerprint;
      onProgress?.(payload);
    }
    const state = spec.state(payload);
    if (state === 'success') return payload;
    if (state === 'fail') throw new TvsTaskFailedError(spec.taskId, payload, requestId);
    if (state === 'queued') {
      interval = Math.min(max, first * (1 + Math.max(0, spec.queued?.(payload) ?? 0)));
    }
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      throw new TvsTimeoutError(
        timeout === false ? undefined : timeout,
        { requestId },
        `task ${spec.taskId} did not finish`,
      );
    }
    await sleep(Math.min(interval, remaining), signal);
    if (state === 'pending') interval = Math.min(max, interval * 1.5);
  }
}
