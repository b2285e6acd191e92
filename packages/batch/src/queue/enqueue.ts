import { readFile } from 'node:fs/promises';
import { loadJobs, type RequeueOptions } from '../engine/prepare.js';
import { BatchUsageError } from '../errors.js';
import type { BatchEvent } from '../events.js';
import { type ParseJobsOptions, parseJobs } from '../input/parse-jobs.js';
import { FINAL_STATES, type StateCounts } from '../state/job-record.js';
import { openRedisStore } from '../state/redis-store.js';
import { eachJob } from '../state/store.js';
import { loadQueueModules } from './load-modules.js';
import {
  BULL_PREFIX,
  bullJobId,
  type QueueLocation,
  queueName,
  redisUrl,
} from './queue-options.js';

/** Options of {@link enqueueJobs}. */
export interface EnqueueOptions extends QueueLocation, ParseJobsOptions, RequeueOptions {
  /** The CSV or JSONL file of jobs. */
  input: string;
  /** Jobs in flight at once across every worker: BullMQ's global concurrency. */
  concurrency?: number | undefined;
  onEvent?: ((event: BatchEvent) => void) | undefined;
}

/** What {@link enqueueJobs} did. */
export interface EnqueueResult {
  /** Jobs new to the queue's state. */
  readonly added: number;
  /** Jobs handed to BullMQ (every job not yet in a final state; BullMQ ignores ones it holds). */
  readonly enqueued: number;
  readonly counts: StateCounts;
}

/**
 * Loads a file's jobs into Redis (state as `queued`, known jobs kept as they are) and adds every
 * job not yet final to the BullMQ queue, under a job id derived from its `id`, so enqueueing
 * the same file twice adds nothing twice. Sets the queue's global concurrency when given.
 *
 * @example
 * ```ts
 * await enqueueJobs({ input: 'jobs.csv', redis: 'redis://127.0.0.1:6379', concurrency: 8 });
 * ```
 */
export async function enqueueJobs(options: EnqueueOptions): Promise<EnqueueResult> {
  const url = redisUrl(options);
  const name = queueName(options);
  if (
    options.concurrency !== undefined &&
    !(Number.isInteger(options.concurrency) && options.concurrency > 0)
  ) {
    throw new BatchUsageError('concurrency must be a positive whole number');
  }
  const { jobs, skipped } = parseJobs(
    options.input,
    await readFile(options.input, 'utf8'),
    options,
  );
  const emit = (event: BatchEvent) => options.onEvent?.(event);
  const { bullmq } = await loadQueueModules();
  const store = await openRedisStore(url, name);
  const queue = new bullmq.Queue(name, { connection: { url }, prefix: BULL_PREFIX });
  try {
    const loaded = await loadJobs(store, { jobs, skipped }, options, emit);
    if (options.concurrency !== undefined) await queue.setGlobalConcurrency(options.concurrency);
    let enqueued = 0;
    let page: Array<{ name: string; data: { id: string }; opts: { jobId: string } }> = [];
    const flush = async () => {
      if (page.length === 0) return;
      await queue.addBulk(
        page.map((job) => ({
          ...job,
          opts: { ...job.opts, removeOnComplete: true, removeOnFail: 1000 },
        })),
      );
      enqueued += page.length;
      page = [];
    };
    for await (const job of eachJob(store)) {
      if (FINAL_STATES.has(job.state)) continue;
      page.push({ name: 'video', data: { id: job.id }, opts: { jobId: bullJobId(job.id) } });
      if (page.length >= 500) await flush();
    }
    await flush();
    return { added: loaded.added, enqueued, counts: await store.counts() };
  } finally {
    await queue.close();
    await store.close();
  }
}
