import { resolve } from 'node:path';
import { connectCallbacks } from '../callbacks/wire.js';
import { processJob } from '../engine/process-job.js';
import { createEngine, type EngineOptions, summarize } from '../engine/runner.js';
import { BatchUsageError } from '../errors.js';
import type { BatchEvent, BatchSummary } from '../events.js';
import { FINAL_STATES, type JobState } from '../state/job-record.js';
import { openRedisStore } from '../state/redis-store.js';
import { loadQueueModules } from './load-modules.js';
import { BULL_PREFIX, type QueueLocation, queueName, redisUrl } from './queue-options.js';

/** Options of {@link runWorker}. */
export interface WorkerOptions extends EngineOptions, QueueLocation {
  /**
   * Jobs in flight at once across every worker (BullMQ's global concurrency): the account's
   * concurrency quota. Left as the queue has it when omitted.
   */
  concurrency?: number | undefined;
  /** Jobs this worker holds at once (default: `concurrency`, else 4). */
  workerConcurrency?: number | undefined;
  /** Creates a second across every worker (BullMQ's rate limiter); default none. */
  rate?: number | undefined;
  /**
   * BullMQ's lock, ms (default 30 000): a worker that dies is noticed about this long after, and
   * its jobs handed to another worker, which resumes each from its `TaskId` (or marks it
   * `ambiguous`).
   */
  lockMs?: number | undefined;
  /** Return once the queue has nothing waiting or active (default: run until `signal`). */
  exitWhenDrained?: boolean | undefined;
}

/**
 * A BullMQ worker for a Redis-mode batch: takes jobs from the queue and runs each as the
 * embedded runner does — create under the ambiguity rule (the `submitting` mark and the
 * `TaskId` written atomically in Redis around the create), poll through one task tracker,
 * download. A job BullMQ hands over after its worker stalled is resumed from its `TaskId`, or
 * marked `ambiguous` if it was left `submitting`: never created again. Throttling pauses job
 * fetching on every worker (BullMQ's rate limit), and the global concurrency caps jobs in flight
 * across all of them.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * process.once('SIGINT', () => controller.abort());
 * await runWorker({ redis: 'redis://127.0.0.1:6379', outDir: 'out', signal: controller.signal });
 * ```
 */
export async function runWorker(options: WorkerOptions): Promise<BatchSummary> {
  const started = performance.now();
  const url = redisUrl(options);
  const name = queueName(options);
  const lockMs = options.lockMs ?? 30_000;
  if (!(Number.isInteger(lockMs) && lockMs >= 500))
    throw new BatchUsageError('lockMs must be a whole number of at least 500');
  if (options.rate !== undefined && !(options.rate > 0))
    throw new BatchUsageError('rate must be a positive number');
  const { bullmq } = await loadQueueModules();
  const store = await openRedisStore(url, name);
  const stopper = new AbortController();
  const events: Array<(event: BatchEvent) => void> = [];
  let engine: ReturnType<typeof createEngine>;
  try {
    engine = createEngine(
      {
        ...options,
        concurrency: options.workerConcurrency ?? options.concurrency,
        onEvent: (event) => {
          options.onEvent?.(event);
          for (const listener of events) listener(event);
        },
      },
      store,
      resolve(options.outDir ?? 'out'),
      stopper.signal,
      stopper.signal,
    );
  } catch (error) {
    // Bad options, the worker's or the client's: no Redis connection left open to hold the process.
    await store.close();
    throw error;
  }
  const { ctx, concurrency } = engine;
  const connection = { url };
  const queue = new bullmq.Queue(name, { connection, prefix: BULL_PREFIX });
  if (options.concurrency !== undefined) {
    if (!(Number.isInteger(options.concurrency) && options.concurrency > 0)) {
      throw new BatchUsageError('concurrency must be a positive whole number');
    }
    await queue.setGlobalConcurrency(options.concurrency);
  }
  let fatal: unknown;
  const handle = async (id: string): Promise<JobState> => {
    const job = await store.get(id);
    if (!job) {
      ctx.emit({ type: 'warning', message: `queue job ${id} has no state in Redis; skipped` });
      return 'failed';
    }
    if (job.state === 'submitting') {
      // Its worker stopped between sending the create and recording the TaskId.
      if (await store.markAmbiguous(id, job.requestId)) {
        ctx.emit({
          type: 'state',
          id,
          from: 'submitting',
          state: 'ambiguous',
          requestId: job.requestId,
        });
      }
      return 'ambiguous';
    }
    if (FINAL_STATES.has(job.state)) return job.state;
    return processJob(ctx, job);
  };
  const worker = new bullmq.Worker(
    name,
    async (job, token) => {
      let state: JobState;
      try {
        state = await handle(String(job.data.id));
      } catch (error) {
        fatal ??= error;
        stopper.abort(error);
        ctx.tracker.stop();
        state = 'queued';
      }
      if (stopper.signal.aborted && !FINAL_STATES.has(state) && token) {
        // Back to the queue as it is: the next worker resumes it from its recorded state.
        await job.moveToWait(token);
        throw new bullmq.WaitingError();
      }
      return state;
    },
    {
      connection,
      prefix: BULL_PREFIX,
      concurrency,
      autorun: false,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      // A stalled job is always resumed from its state, never failed for stalling.
      maxStalledCount: Number.MAX_SAFE_INTEGER,
      ...(options.rate !== undefined ? { limiter: { max: options.rate, duration: 1000 } } : {}),
    },
  );
  // A throttle seen by any worker pauses job fetching on all of them for the backoff.
  events.push((event) => {
    if (event.type === 'throttled')
      void worker.rateLimit(Math.round(event.pauseMs)).catch(() => {});
  });
  worker.on('error', (error) => ctx.emit({ type: 'warning', message: `queue: ${error.message}` }));
  const onAbort = () => {
    ctx.emit({
      type: 'stopping',
      reason: 'stopping: no new creates; unfinished jobs go back to the queue',
    });
    stopper.abort(options.signal?.reason);
    ctx.tracker.stop();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  // An ambiguous job that a callback resolved: its task exists, so following it adds no load.
  const receiver = await connectCallbacks(options, ctx, (job) => {
    void processJob(ctx, job).catch(() => {});
  });
  const counts = await store.counts();
  ctx.emit({
    type: 'start',
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    store: store.location,
  });
  const running = worker.run();
  try {
    if (options.exitWhenDrained) {
      while (!stopper.signal.aborted) {
        await new Promise((r) => setTimeout(r, 200));
        const left = await queue.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'prioritized',
          'waiting-children',
        );
        if (Object.values(left).every((n) => n === 0)) break;
      }
    } else {
      await new Promise<void>((r) => {
        if (stopper.signal.aborted) r();
        else stopper.signal.addEventListener('abort', () => r(), { once: true });
      });
    }
    await worker.close();
    await running;
    if (fatal) throw fatal;
    const summary = await summarize(store, ctx, started, stopper.signal.aborted);
    ctx.emit({ type: 'done', summary });
    return summary;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    ctx.tracker.stop();
    await receiver?.close();
    await worker.close().catch(() => {});
    await queue.close().catch(() => {});
    await store.close();
  }
}
