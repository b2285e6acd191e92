import type { PptProgress, VideoProgress } from '@tvs/envelope';

/** Where a video or PPT task is: waiting its turn, rendering, done, or failed. */
export type TaskPhase = 'queued' | 'running' | 'success' | 'failed';

/** A progress answer, read. */
export interface TaskProgressState {
  readonly phase: TaskPhase;
  /** `Progress` (0–100) while it runs, when given. */
  readonly percent: number | undefined;
  /** Tasks queued ahead (`ArrayCount`), 0 when not queued. */
  readonly queuePosition: number;
}

/**
 * Reads a `getprogress` answer of a video or PPT task. `Status` when the gateway sends it; the
 * pages mark it required, but their examples (1240/81270, 1240/130021) answer without it, so
 * then `Progress` decides: 100 done, −1 failed (documented values of a field the pages call
 * reserved). `COMMIT` is queued; anything else (`MAKING`, a status the pages do not list) is
 * running. `waitFor` and a batch runner read progress this one way.
 *
 * @example
 * ```ts
 * import { readTaskProgress } from '@tvs/client';
 *
 * readTaskProgress({ Progress: 100 }).phase; // 'success'
 * readTaskProgress({ Status: 'COMMIT', ArrayCount: 3 }).queuePosition; // 3
 * ```
 */
export function readTaskProgress(progress: VideoProgress | PptProgress): TaskProgressState {
  const percent = typeof progress.Progress === 'number' ? progress.Progress : undefined;
  const status =
    progress.Status ?? (percent === 100 ? 'SUCCESS' : percent === -1 ? 'FAIL' : undefined);
  const ahead = (progress as VideoProgress).ArrayCount;
  const queuePosition = typeof ahead === 'number' && ahead > 0 ? ahead : 0;
  const phase: TaskPhase =
    status === 'SUCCESS'
      ? 'success'
      : status === 'FAIL'
        ? 'failed'
        : status === 'COMMIT'
          ? 'queued'
          : 'running';
  return { phase, percent, queuePosition: phase === 'queued' ? queuePosition : 0 };
}
