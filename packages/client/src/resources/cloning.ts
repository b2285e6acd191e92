import type { CloneProgress, CloneStage } from '@tvs/envelope';
import type { ApiPromise } from '../api-promise.js';
import type { BindOperation, OperationCall } from '../operation-call.js';
import type { Poller } from '../poller.js';
import { type WaitOptions, waitForTask } from '../waiter.js';

/** Options of {@link CloningApi.waitFor}. */
export interface CloneWaitOptions extends WaitOptions<CloneProgress> {
  /** The stages that end the wait (default `CONFIRM` and `END`). */
  until?: readonly CloneStage[] | undefined;
}

/** Avatar and voice cloning (`assetmanager/customservice`). */
export interface CloningApi {
  /**
   * Temporary storage credentials for uploading the training material (`getuploadcredentials`).
   * @example
   * ```ts
   * const credentials = await client.cloning.uploadCredentials({});
   * ```
   */
  uploadCredentials: OperationCall<'cloning.uploadCredentials'>;
  /**
   * Starts a cloning task (`make`). Not idempotent.
   * @example
   * ```ts
   * const { TaskId } = await client.cloning.make({ AnchorName: 'Ann', MakeType: 'IMAGE', VideoUrl: url });
   * ```
   */
  make: OperationCall<'cloning.make'>;
  /**
   * Reads a cloning task's stage once (`getprogress`).
   * @example
   * ```ts
   * const { StageV2 } = await client.cloning.progress({ TaskId });
   * ```
   */
  progress: OperationCall<'cloning.progress'>;
  /**
   * Accepts or rejects the result (`customerconfirm`).
   * @example
   * ```ts
   * await client.cloning.confirm({ TaskId, Operate: 'AGREE' });
   * ```
   */
  confirm: OperationCall<'cloning.confirm'>;
  /**
   * Polls until the task reaches a stage in `until` (default `CONFIRM` or `END`) or its
   * `Status` is `SUCCESS`, calling `onProgress` at each change; rejects with
   * `TvsTaskFailedError` when `Status` is `FAIL`. `StageV2` is optional (1240/96070).
   * @example
   * ```ts
   * await client.cloning.waitFor(TaskId, { onProgress: (p) => console.log(p.StageV2) });
   * ```
   */
  waitFor(taskId: string, options?: CloneWaitOptions): ApiPromise<CloneProgress>;
}

const DEFAULT_UNTIL: readonly CloneStage[] = ['CONFIRM', 'END'];

/** @internal */
export function createCloningApi(op: BindOperation, poller: Poller): CloningApi {
  const progress = op('cloning.progress');
  return {
    uploadCredentials: op('cloning.uploadCredentials'),
    make: op('cloning.make'),
    progress,
    confirm: op('cloning.confirm'),
    waitFor: (taskId, options = {}) => {
      const { until = DEFAULT_UNTIL, ...waitOptions } = options;
      return waitForTask<CloneProgress>(
        poller,
        {
          progress,
          phase: (p) =>
            p.Status === 'FAIL'
              ? 'failed'
              : p.Status === 'SUCCESS' || (p.StageV2 !== undefined && until.includes(p.StageV2))
                ? 'success'
                : 'running',
          fingerprint: (p) => `${p.StageV2}|${p.StatusV2}|${p.Status}`,
        },
        taskId,
        waitOptions,
      );
    },
  };
}
