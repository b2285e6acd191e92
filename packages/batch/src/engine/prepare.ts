import type { InputProblem } from '../errors.js';
import type { BatchEvent } from '../events.js';
import type { JobSpec } from '../jobs.js';
import type { JobStore, LoadResult } from '../state/store.js';

/** What to do with jobs an earlier run left `ambiguous` or `failed`. */
export interface RequeueOptions {
  /** Send the creates of `ambiguous` jobs again. They may have been created already: see the README. */
  resubmitAmbiguous?: boolean | undefined;
  /** Send the creates of `failed` jobs again (a task that failed produced nothing). */
  retryFailed?: boolean | undefined;
}

/**
 * Loads a file's jobs into a store before a run or an enqueue, saying what deserves a warning:
 * skipped lines, lines changed since their job was loaded (the first version is kept: it is the
 * one that was, or may have been, sent), and ambiguous jobs being sent again. @internal
 */
export async function loadJobs(
  store: JobStore,
  parsed: { jobs: readonly JobSpec[]; skipped: readonly InputProblem[] },
  options: RequeueOptions,
  emit: (event: BatchEvent) => void,
): Promise<LoadResult> {
  const { jobs, skipped } = parsed;
  if (skipped.length > 0) {
    const first = skipped.slice(0, 5).map((p) => `line ${p.line}: ${p.message}`);
    emit({
      type: 'warning',
      message: `skipped ${skipped.length} invalid lines: ${first.join('; ')}`,
    });
  }
  const loaded = await store.load(jobs);
  if (loaded.changed.length > 0) {
    emit({
      type: 'warning',
      message: `${loaded.changed.length} jobs changed in the file since they were loaded; their first version is kept`,
      ids: loaded.changed,
    });
  }
  if (options.resubmitAmbiguous) {
    const ids = await store.requeue('ambiguous');
    if (ids.length > 0) {
      emit({
        type: 'warning',
        message: `resubmitting ${ids.length} ambiguous jobs: any of them the gateway did create will be rendered (and billed) twice`,
        ids,
      });
    }
  }
  if (options.retryFailed) await store.requeue('failed');
  return loaded;
}
