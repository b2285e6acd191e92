import type { PptProgress } from '@tvs/envelope';
import type { ApiPromise } from '../api-promise.js';
import type { BindOperation, OperationCall } from '../operation-call.js';
import type { Poller } from '../poller.js';
import { readTaskProgress } from '../task-progress.js';
import { type WaitOptions, waitForTask } from '../waiter.js';
import { taskFingerprint } from './video.js';

/** PPT narration videos (`mediaproduction`). One PPT task at a time per account. */
export interface PptApi {
  /**
   * Starts a video from a ppt, pptx or pdf (`videomakewithppt`).
   * @example
   * ```ts
   * const { TaskId } = await client.ppt.make({ PPTFileUrl: deckUrl, GlobalConfig: {} });
   * ```
   */
  make: OperationCall<'video.makeWithPpt'>;
  /**
   * Reads a PPT task's progress once.
   * @example
   * ```ts
   * const { Status } = await client.ppt.progress({ TaskId });
   * ```
   */
  progress: OperationCall<'video.pptProgress'>;
  /**
   * Polls until the PPT task ends, as {@link VideoApi.waitFor}.
   * @example
   * ```ts
   * const { MediaUrl } = await client.ppt.waitFor(TaskId);
   * ```
   */
  waitFor(taskId: string, options?: WaitOptions<PptProgress>): ApiPromise<PptProgress>;
}

/** @internal */
export function createPptApi(op: BindOperation, poller: Poller): PptApi {
  const progress = op('video.pptProgress');
  return {
    make: op('video.makeWithPpt'),
    progress,
    waitFor: (taskId, options) =>
      waitForTask(
        poller,
        { progress, phase: (p) => readTaskProgress(p).phase, fingerprint: taskFingerprint },
        taskId,
        options,
      ),
  };
}
