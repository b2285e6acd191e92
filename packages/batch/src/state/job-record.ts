import type { BatchOperation } from '../jobs.js';

/**
 * Where a job is. The order is the only way forward:
 * `queued → submitting → submitted → rendering → downloaded | failed | ambiguous`.
 * - `submitting` is written (durably) before the create is sent, and `submitted` with the
 *   `TaskId` right after the gateway answers.
 * - `ambiguous`: the create may have reached the gateway but no `TaskId` was recorded (a crash
 *   in between, or a timeout or reset the client could not resolve). Never resubmitted on its own.
 */
export type JobState =
  | 'queued'
  | 'submitting'
  | 'submitted'
  | 'rendering'
  | 'downloaded'
  | 'failed'
  | 'ambiguous';

/** Every {@link JobState}, in order.
 *
 * @example
 * ```ts
 * for (const state of JOB_STATES) console.log(state, counts[state]);
 * ```
 */
export const JOB_STATES: readonly JobState[] = [
  'queued',
  'submitting',
  'submitted',
  'rendering',
  'downloaded',
  'failed',
  'ambiguous',
];

/** The states a run does not leave on its own.
 *
 * @example
 * ```ts
 * FINAL_STATES.has('ambiguous'); // true
 * ```
 */
export const FINAL_STATES: ReadonlySet<JobState> = new Set(['downloaded', 'failed', 'ambiguous']);

/** A file written for a job. */
export interface FileRecord {
  readonly kind: 'media' | 'subtitles';
  /** Where it was written (`out/<id>.<ext>`). */
  readonly path: string;
  readonly bytes: number;
  /** SHA-256 of the content, lowercase hex. */
  readonly sha256: string;
}

/** A job's durable record. */
export interface JobRecord {
  readonly id: string;
  readonly line: number;
  readonly operation: BatchOperation;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly state: JobState;
  /** The `RequestID` of the last create sent (or about to be): what support can look up. */
  readonly requestId?: string | undefined;
  readonly taskId?: string | undefined;
  /** Last reported `Progress` (0–100). */
  readonly progress?: number | undefined;
  /** Last reported `ArrayCount`: tasks queued ahead at the gateway. */
  readonly queuePosition?: number | undefined;
  readonly files?: readonly FileRecord[] | undefined;
  /** `Duration` of the result in milliseconds. */
  readonly durationMs?: number | undefined;
  /** The `FailCode` (task) or `Code` (create refused) of a failed job. */
  readonly failCode?: number | string | undefined;
  /** What the code means and what to do (from the SDK's error tables), or the failure's message. */
  readonly explanation?: string | undefined;
  /** Creates sent for this job (a throttled create that the gateway refused counts too). */
  readonly creates: number;
  /** Milliseconds since the epoch of the last change. */
  readonly updatedAt: number;
}

/** How a job that finished rendering ended up on disk. */
export interface DownloadedResult {
  readonly files: readonly FileRecord[];
  readonly durationMs?: number | undefined;
}

/** Why a job failed. */
export interface FailureInfo {
  readonly code?: number | string | undefined;
  readonly explanation: string;
}

/** Job counts by state. */
export type StateCounts = Record<JobState, number>;

/** Zero for every state.
 *
 * @example
 * ```ts
 * emptyCounts().queued; // 0
 * ```
 */
export function emptyCounts(): StateCounts {
  return Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as StateCounts;
}
