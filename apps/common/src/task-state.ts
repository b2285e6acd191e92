/** The fields of a `getprogress` answer that say where a task is. */
export interface TaskProgress {
  /** Marked required on the pages, yet absent from every documented example: may be missing. */
  readonly Status?: string | undefined;
  readonly Progress?: number | undefined;
  readonly ArrayCount?: number | undefined;
  readonly FailCode?: number | undefined;
}

/** How a progress payload reads to a person: `queued, 2 tasks ahead`, `rendering 40%`, … */
export function describeState(progress: TaskProgress): { phase: string; detail: string } {
  switch (progress.Status ?? statusFromProgress(progress.Progress)) {
    case 'COMMIT': {
      const ahead = progress.ArrayCount ?? 0;
      return {
        phase: 'queued',
        detail:
          ahead > 0
            ? `${ahead} task${ahead === 1 ? '' : 's'} ahead`
            : 'next in line for a render slot',
      };
    }
    case 'MAKING':
      return { phase: 'rendering', detail: `${progress.Progress ?? 0}%` };
    case 'SUCCESS':
      return { phase: 'done', detail: '100%' };
    case 'FAIL':
      return { phase: 'failed', detail: `FailCode ${progress.FailCode ?? '?'}` };
    default:
      return { phase: String(progress.Status ?? 'unknown').toLowerCase(), detail: '' };
  }
}

/**
 * The status an answer without `Status` implies, read the way the client's `waitFor` reads it:
 * `Progress` 100 is done, -1 failed, anything else still rendering.
 */
function statusFromProgress(progress: number | undefined): string {
  if (progress === 100) return 'SUCCESS';
  if (progress === -1) return 'FAIL';
  return 'MAKING';
}
