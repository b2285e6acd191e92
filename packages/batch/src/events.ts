import type { FileRecord, JobState, StateCounts } from './state/job-record.js';

/** What a run did, at its end. */
export interface BatchSummary {
  /** Jobs by state at the end. */
  readonly counts: StateCounts;
  /** All jobs in the store. */
  readonly total: number;
  /** Creates sent by this run (throttled ones included). */
  readonly creates: number;
  /** `getprogress` calls by this run. */
  readonly polls: number;
  /** Tasks this run followed to their end. */
  readonly tracked: number;
  /** `polls / tracked` (0 when nothing was tracked). */
  readonly pollsPerTask: number;
  /** Times the gateway said "too frequent" (or busy) to this run. */
  readonly throttles: number;
  /** Jobs that reached `downloaded` in this run. */
  readonly downloadedNow: number;
  readonly downloadedBytes: number;
  readonly elapsedMs: number;
  /** `downloadedNow` per second of `elapsedMs`. */
  readonly jobsPerSecond: number;
  /** Peak resident memory of the process, bytes. */
  readonly maxRssBytes: number;
  /** The run was stopped (Ctrl-C or its signal) before the work ran out. */
  readonly stopped: boolean;
}

/** One thing that happened in a run, for displays and `--json` event lines. */
export type BatchEvent =
  | {
      readonly type: 'start';
      readonly total: number;
      readonly counts: StateCounts;
      readonly store: string;
    }
  | {
      readonly type: 'state';
      readonly id: string;
      /** The state it moved from (the same as `state` for a progress report). */
      readonly from: JobState;
      readonly state: JobState;
      readonly taskId?: string | undefined;
      readonly requestId?: string | undefined;
      readonly progress?: number | undefined;
      readonly queuePosition?: number | undefined;
      readonly code?: number | string | undefined;
      readonly explanation?: string | undefined;
      readonly files?: readonly FileRecord[] | undefined;
    }
  | {
      readonly type: 'throttled';
      readonly id?: string | undefined;
      /** What the gateway (or the network) said. */
      readonly reason: string;
      /** How long every call now waits. */
      readonly pauseMs: number;
      /** Calls a second allowed after it. */
      readonly rate: number;
    }
  | {
      readonly type: 'warning';
      readonly message: string;
      readonly ids?: readonly string[] | undefined;
    }
  | { readonly type: 'stopping'; readonly reason: string }
  | { readonly type: 'done'; readonly summary: BatchSummary };
