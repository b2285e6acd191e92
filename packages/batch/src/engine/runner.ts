import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type ClientOptions, createClient, type TvsClient } from '@tvs/client';
import { type CallbackOptions, connectCallbacks } from '../callbacks/wire.js';
import { BatchUsageError } from '../errors.js';
import type { BatchEvent, BatchSummary } from '../events.js';
import { type ParseJobsOptions, parseJobs } from '../input/parse-jobs.js';
import { writeManifest } from '../manifest.js';
import type { JobState } from '../state/job-record.js';
import { openSqliteStore } from '../state/sqlite-store.js';
import { eachJob, type JobStore } from '../state/store.js';
import { failureOf } from './classify.js';
import { Pacer } from './pacer.js';
import { loadJobs, type RequeueOptions } from './prepare.js';
import { type JobContext, processJob, progressRecorder } from './process-job.js';
import { QueueGate } from './queue-gate.js';
import { Slots } from './slots.js';
import { TaskTracker } from './task-tracker.js';

/** Tuning shared by the embedded runner and the Redis worker. */
export interface EngineOptions extends CallbackOptions {
  /** Jobs in flight at once, create to download: the account's concurrency quota (default 4). */
  concurrency?: number | undefined;
  /** While the gateway queues this run's tasks, at most this many wait there (default 1). */
  maxQueued?: number | undefined;
  /** Most calls a second to the gateway, creates and polls together (default: until throttled). */
  maxRate?: number | undefined;
  /** Shortest wait between polls of a task, ms (default 3 000). */
  pollMinMs?: number | undefined;
  /** Longest wait between polls of a task, ms (default 60 000). */
  pollMaxMs?: number | undefined;
  /** Polls in flight at once (default 8). */
  pollsInFlight?: number | undefined;
  /** Where results go (default `out` beside the input file). */
  outDir?: string | undefined;
  /** The client (default: `createClient(clientOptions)` with its retries off, so this run paces). */
  client?: TvsClient | undefined;
  /** Options of the default client (credentials default to `TVS_APPKEY`, `TVS_ACCESS_TOKEN`). */
  clientOptions?: ClientOptions | undefined;
  /** Receives every event of the run. */
  onEvent?: ((event: BatchEvent) => void) | undefined;
  /** Aborting it stops the run: no new create is sent; the state stays consistent. */
  signal?: AbortSignal | undefined;
  /** The `fetch` for downloads (default the global one). */
  fetch?: typeof fetch | undefined;
}

/** Options of {@link runBatch}. */
export interface RunBatchOptions extends EngineOptions, ParseJobsOptions, RequeueOptions {
  /** The CSV or JSONL file of jobs. */
  input: string;
  /** The state store (default: SQLite `<input>.tvs-batch.db` beside the input). */
  store?: JobStore | undefined;
  /** Write `manifest.csv` and `manifest.jsonl` into the output folder at the end (default `true`). */
  manifest?: boolean | undefined;
}

/** The embedded store's file for an input file: `<input>.tvs-batch.db`, beside it.
 *
 * @example
 * ```ts
 * storePathFor('jobs.csv'); // '/abs/path/jobs.csv.tvs-batch.db'
 * ```
 */
export function storePathFor(input: string): string {
  return `${resolve(input)}.tvs-batch.db`;
}

function positiveInt(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isInteger(value) && value > 0))
    throw new BatchUsageError(`${name} must be a positive whole number`);
  return value;
}

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value > 0 && Number.isFinite(value)))
    throw new BatchUsageError(`${name} must be a positive number`);
  return value;
}

/** The shared parts of a run: client, pacer, task tracker, gate, counters. @internal */
export function createEngine(
  options: EngineOptions,
  store: JobStore,
  outDir: string,
  stop: AbortSignal,
  halt: AbortSignal,
) {
  const concurrency = positiveInt(options.concurrency, 'concurrency', 4);
  const pollMinMs = positive(options.pollMinMs, 'pollMinMs', 3_000);
  const pollMaxMs = Math.max(pollMinMs, positive(options.pollMaxMs, 'pollMaxMs', 60_000));
  const client = options.client ?? createClient({ ...options.clientOptions, retry: false });
  const pacer = new Pacer({ maxRate: options.maxRate });
  const gate = new QueueGate(positiveInt(options.maxQueued, 'maxQueued', 1));
  const emit = (event: BatchEvent) => options.onEvent?.(event);
  const taskJobs: JobContext['taskJobs'] = new Map();
  const counters = { creates: 0, throttles: 0, downloadedBytes: 0, downloaded: 0 };
  const recorder = { store, gate, taskJobs, emit };
  const tracker = new TaskTracker({
    client,
    pacer,
    minIntervalMs: pollMinMs,
    maxIntervalMs: pollMaxMs,
    maxInFlight: positiveInt(options.pollsInFlight, 'pollsInFlight', 8),
    onProgress: progressRecorder(recorder),
    onThrottle: (taskId, error, pauseMs) => {
      counters.throttles++;
      emit({
        type: 'throttled',
        id: taskJobs.get(taskId)?.id,
        reason: failureOf(error).explanation,
        pauseMs,
        rate: pacer.rate,
      });
    },
    onPollError: (taskId, error) =>
      emit({
        type: 'warning',
        message: `poll of task ${taskId} failed (${(error as Error).message}); polling on`,
      }),
  });
  const ctx: JobContext = {
    store,
    client,
    pacer,
    tracker,
    gate,
    outDir,
    stop,
    halt,
    taskJobs,
    counters,
    emit,
    fetch: options.fetch,
    now: () => performance.now(),
  };
  return { ctx, concurrency };
}

/** A summary of the store's state and this run's counters. @internal */
export async function summarize(
  store: JobStore,
  ctx: JobContext,
  started: number,
  stopped: boolean,
): Promise<BatchSummary> {
  const counts = await store.counts();
  const elapsedMs = performance.now() - started;
  const tracked = ctx.tracker.finished;
  return {
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    creates: ctx.counters.creates,
    polls: ctx.tracker.polls,
    tracked,
    pollsPerTask: tracked === 0 ? 0 : ctx.tracker.polls / tracked,
    throttles: ctx.pacer.throttles,
    downloadedNow: ctx.counters.downloaded,
    downloadedBytes: ctx.counters.downloadedBytes,
    elapsedMs,
    jobsPerSecond: elapsedMs > 0 ? ctx.counters.downloaded / (elapsedMs / 1000) : 0,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    stopped,
  };
}

/**
 * Runs a batch from a CSV or JSONL file with the embedded SQLite store, resuming whatever an
 * earlier run left: it follows tasks already created, downloads what finished, and creates only
 * what never was. Jobs an earlier run left `submitting` become `ambiguous` and are not sent again
 * unless `resubmitAmbiguous`. Resolves with a summary once every job is in a final state (or the
 * run was stopped through `signal`).
 *
 * @example
 * ```ts
 * import { runBatch } from '@tvs/batch';
 * const summary = await runBatch({ input: 'jobs.csv', concurrency: 4, onEvent: (e) => console.log(e.type) });
 * console.log(summary.counts.downloaded, 'videos in out/');
 * ```
 */
export async function runBatch(options: RunBatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const text = await readFile(options.input, 'utf8');
  const { jobs, skipped } = parseJobs(options.input, text, options);
  const outDir = options.outDir ?? join(dirname(resolve(options.input)), 'out');
  const store = options.store ?? (await openSqliteStore(storePathFor(options.input)));
  // One stop for everything: no new create, polls and downloads end; each job keeps its last
  // recorded state, which the next run resumes from.
  const stopper = new AbortController();
  let engine: ReturnType<typeof createEngine>;
  try {
    engine = createEngine(options, store, outDir, stopper.signal, stopper.signal);
  } catch (error) {
    // Bad options, the run's or the client's: leave no store open, nor its run lock held.
    if (!options.store) await store.close();
    throw error;
  }
  const { ctx, concurrency } = engine;
  const { emit } = ctx;
  let closeReceiver: () => Promise<void> | undefined = () => undefined;
  const stop = (reason: unknown) => {
    if (stopper.signal.aborted) return;
    stopper.abort(reason);
    ctx.tracker.stop();
  };
  const onAbort = () => {
    emit({
      type: 'stopping',
      reason: 'stopped: no new creates; every job keeps its recorded state',
    });
    stop(options.signal?.reason);
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await loadJobs(store, { jobs, skipped }, {}, emit);
    if (store.kind === 'sqlite' && 'recoverInterrupted' in store) {
      const interrupted = await (
        store as { recoverInterrupted(): Promise<string[]> }
      ).recoverInterrupted();
      if (interrupted.length > 0) {
        emit({
          type: 'warning',
          message: `${interrupted.length} jobs were being submitted when the last run stopped: they are ambiguous and will not be sent again (see --resubmit-ambiguous)`,
          ids: interrupted,
        });
      }
    }
    // After the recovery above: the jobs it made ambiguous can be sent again too, if asked.
    await loadJobs(store, { jobs: [], skipped: [] }, options, emit);
    const counts = await store.counts();
    emit({
      type: 'start',
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
      store: store.location,
    });

    const slots = new Slots(concurrency);
    const running = new Set<Promise<JobState>>();
    let fatal: unknown;
    const launch = (job: Parameters<typeof processJob>[1]) => {
      const work = processJob(ctx, job)
        .catch((error) => {
          fatal ??= error;
          stop(error);
          return job.state;
        })
        .finally(() => {
          slots.release();
          running.delete(work);
        });
      running.add(work);
    };
    const receiver = await connectCallbacks(options, ctx, (job) => {
      slots.take();
      launch(job);
    });
    closeReceiver = () => receiver?.close();
    // Tasks an earlier run created are followed first; they hold slots (they render already).
    for await (const job of eachJob(store, ['submitted', 'rendering'])) {
      if (stopper.signal.aborted) break;
      slots.take();
      launch(job);
    }
    for await (const job of eachJob(store, ['queued'])) {
      try {
        await slots.acquire(stopper.signal);
      } catch {
        break;
      }
      launch(job);
    }
    await Promise.all(running);
    ctx.tracker.stop();
    if (fatal) throw fatal;
    if (options.manifest !== false) await writeManifest(store, outDir);
    const summary = await summarize(store, ctx, started, stopper.signal.aborted);
    emit({ type: 'done', summary });
    return summary;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    ctx.tracker.stop();
    await closeReceiver();
    if (!options.store) await store.close();
  }
}
