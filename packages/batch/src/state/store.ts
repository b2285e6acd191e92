import type { JobSpec } from '../jobs.js';
import type {
  DownloadedResult,
  FailureInfo,
  JobRecord,
  JobState,
  StateCounts,
} from './job-record.js';

/** What loading a file's jobs into a store did. */
export interface LoadResult {
  /** Jobs new to the store (now `queued`). */
  readonly added: number;
  /** Jobs the store already had: their state is kept. */
  readonly known: number;
  /** Known jobs whose line changed since they were loaded; the stored payload is kept. */
  readonly changed: readonly string[];
}

/**
 * Durable job state, the same contract for the embedded SQLite file and for Redis. Every
 * transition is a compare-and-set: it happens only from the state it names, so two runners (or
 * a stalled worker and its successor) can never both send a job's create.
 */
export interface JobStore {
  readonly kind: 'sqlite' | 'redis';
  /** Where the state lives: the SQLite file, or the Redis URL and queue. */
  readonly location: string;
  /** Adds jobs not seen before as `queued`; leaves known ones as they are. */
  load(jobs: readonly JobSpec[]): Promise<LoadResult>;
  get(id: string): Promise<JobRecord | undefined>;
  /**
   * `queued → submitting` with the `RequestID` about to be sent, durably, before the create.
   * `false` when the job is not `queued` (someone else has it).
   */
  claim(id: string, requestId: string): Promise<boolean>;
  /**
   * Records the `TaskId`: `submitting → submitted`, or `ambiguous → submitted` when the
   * `RequestID` matches (the answer arrived after all). Durable before it returns.
   */
  recordTask(id: string, requestId: string, taskId: string): Promise<boolean>;
  /** `submitting → queued`: the gateway refused the create without acting (throttled). */
  release(id: string, requestId: string): Promise<boolean>;
  /** `submitting → ambiguous` (for this `RequestID`, or any when omitted). */
  markAmbiguous(id: string, requestId?: string): Promise<boolean>;
  /** `submitted | rendering → rendering` with the latest progress and queue position. */
  recordProgress(id: string, progress: number, queuePosition: number): Promise<void>;
  /** `submitted | rendering → downloaded`. */
  markDownloaded(id: string, result: DownloadedResult): Promise<void>;
  /** Any state but `downloaded` → `failed`. */
  markFailed(id: string, failure: FailureInfo): Promise<void>;
  /** Moves every job in `state` (`ambiguous` or `failed`) back to `queued`; returns their ids. */
  requeue(state: 'ambiguous' | 'failed'): Promise<string[]>;
  counts(): Promise<StateCounts>;
  /** Jobs in `states` (all when omitted), ordered by id, `limit` at a time after `after`. */
  list(options?: {
    states?: readonly JobState[];
    after?: string;
    limit?: number;
  }): Promise<JobRecord[]>;
  close(): Promise<void>;
}

/** Every job of the store in `states`, a page at a time (memory stays flat for any size).
 *
 * @example
 * ```ts
 * for await (const job of eachJob(store, ['failed'])) console.log(job.id, job.explanation);
 * ```
 */
export async function* eachJob(
  store: JobStore,
  states?: readonly JobState[],
  pageSize = 500,
): AsyncGenerator<JobRecord> {
  let after: string | undefined;
  for (;;) {
    const page = await store.list({
      ...(states ? { states } : {}),
      ...(after === undefined ? {} : { after }),
      limit: pageSize,
    });
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}
