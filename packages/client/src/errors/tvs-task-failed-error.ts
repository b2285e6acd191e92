import { describeFailCode, type TvsErrorJSON } from '@tvs/envelope';
import { TvsClientError } from './client-error.js';

/**
 * A task (a video, a PPT video, a clone) ended in `FAIL`. `failCode` is the gateway's
 * `FailCode`, explained from the FailCode table (`describeFailCode`, 1240/81277) in
 * `explanation`; `retryable` says whether submitting the task again may work; `progress` is the
 * last progress payload.
 *
 * @example
 * ```ts
 * try {
 *   await client.video.waitFor(taskId);
 * } catch (error) {
 *   if (error instanceof TvsTaskFailedError) console.log(error.failCode, error.explanation);
 * }
 * ```
 */
export class TvsTaskFailedError extends TvsClientError {
  override name = 'TvsTaskFailedError';
  readonly taskId: string;
  readonly failCode: number | undefined;
  readonly failMessage: string;
  /** What the FailCode table says about `failCode`. */
  readonly explanation: string;
  /** The last progress payload. */
  readonly progress: Readonly<Record<string, unknown>>;

  constructor(taskId: string, progress: Readonly<Record<string, unknown>>, requestId?: string) {
    const failCode = typeof progress['FailCode'] === 'number' ? progress['FailCode'] : undefined;
    const failMessage = typeof progress['FailMessage'] === 'string' ? progress['FailMessage'] : '';
    // FailCode 0 is "success" on 1240/81277: on a failed task it explains nothing.
    const info = failCode === undefined || failCode === 0 ? undefined : describeFailCode(failCode);
    const explanation =
      failCode === 0
        ? 'The gateway gave FailCode 0, which its table calls success: the failure is unexplained.'
        : (info?.explanation ?? 'The gateway gave no FailCode.');
    super(
      `task ${taskId} failed${failCode === undefined ? '' : ` with FailCode ${failCode}`}${failMessage ? `: ${failMessage}` : ''}. ${explanation}`,
      failCode === undefined ? 'TASK_FAILED' : String(failCode),
      info?.category ?? 'unknown',
      info?.mayLaterSucceed ?? false,
      { requestId },
    );
    this.taskId = taskId;
    this.failCode = failCode;
    this.failMessage = failMessage;
    this.explanation = explanation;
    this.progress = progress;
  }

  override toJSON(): TvsErrorJSON {
    const json = super.toJSON();
    json.taskId = this.taskId;
    if (this.failCode !== undefined) json.failCode = this.failCode;
    json.failMessage = this.failMessage;
    return json;
  }
}
