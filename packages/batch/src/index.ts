/**
 * `@tvs/batch`: campaigns of many TVS videos from a CSV or JSONL file — durable, resumable, never
 * rendered twice. State lives in one SQLite file beside the input by default, or in Redis with
 * BullMQ workers across machines. A library and the `tvs-batch` CLI. Node ≥ 22.13.
 * @packageDocumentation
 */
export {
  type CallbackOrigin,
  type CallbackReceiver,
  type CallbackReceiverOptions,
  startCallbackReceiver,
} from './callbacks/receiver.js';
export type { CallbackOptions } from './callbacks/wire.js';
export { type CallOutcome, classify } from './engine/classify.js';
export { DownloadError } from './engine/download.js';
export { Pacer, type PacerOptions } from './engine/pacer.js';
export { nextPollDelay, type PollPlanInput, type TaskObservation } from './engine/poll-plan.js';
export type { RequeueOptions } from './engine/prepare.js';
export {
  type EngineOptions,
  type RunBatchOptions,
  runBatch,
  storePathFor,
} from './engine/runner.js';
export { BatchInputError, BatchUsageError, type InputProblem } from './errors.js';
export type { BatchEvent, BatchSummary } from './events.js';
export { type CsvProblem, type CsvRecord, parseCsv } from './input/csv.js';
export type { JobDefaults } from './input/job-fields.js';
export { type ParsedJobs, type ParseJobsOptions, parseJobs } from './input/parse-jobs.js';
export { fillTemplate } from './input/template.js';
export { BATCH_OPERATIONS, type BatchOperation, type JobSpec } from './jobs.js';
export { type ManifestEntry, manifestEntry, writeManifest } from './manifest.js';
export { type EnqueueOptions, type EnqueueResult, enqueueJobs } from './queue/enqueue.js';
export type { QueueLocation } from './queue/queue-options.js';
export { runWorker, type WorkerOptions } from './queue/worker.js';
export {
  type DownloadedResult,
  emptyCounts,
  type FailureInfo,
  FINAL_STATES,
  type FileRecord,
  JOB_STATES,
  type JobRecord,
  type JobState,
  type StateCounts,
} from './state/job-record.js';
export { openRedisStore, type RedisJobStore } from './state/redis-store.js';
export {
  openSqliteStore,
  type SqliteJobStore,
  type SqliteStoreOptions,
} from './state/sqlite-store.js';
export { eachJob, type JobStore, type LoadResult } from './state/store.js';
