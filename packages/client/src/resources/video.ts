import type { VideoProgress } from '@tvs/envelope';
import type { ApiPromise } from '../api-promise.js';
import type { BindOperation, OperationCall } from '../operation-call.js';
import type { Poller } from '../poller.js';
import { readTaskProgress } from '../task-progress.js';
import { type WaitOptions, waitForTask } from '../waiter.js';

/**
 * Video production (`videomaker/broadcastservice`). Without `VideoParam.Format`, `video.make`
 * renders a WebM with an alpha channel (`TransparentWebm`, 1240/81268) and `video.makeAdvanced`
 * a green-screen MP4 (`Mp4`, 1240/81269).
 */
export interface VideoApi {
  /**
   * Starts a broadcast video of a trained avatar (`videomake`). Not idempotent: a failure after
   * the request may have arrived is a `TvsAmbiguousError`, never a second video.
   * @example
   * ```ts
   * const { TaskId } = await client.video.make({ VirtualmanKey: key, InputSsml: 'Hello!', SpeechParam: { Speed: 1 } });
   * ```
   */
  make: OperationCall<'video.make'>;
  /**
   * Starts a video with logo, background, anchor position, intro/outro and subtitles
   * (`videomakeadvanced`).
   * @example
   * ```ts
   * const { TaskId } = await client.video.makeAdvanced({ VirtualmanKey: key, InputSsml: text, SpeechParam: { Speed: 1 } });
   * ```
   */
  makeAdvanced: OperationCall<'video.makeAdvanced'>;
  /**
   * Starts a video from a reference clip, no training (`videomakenotrain`). Text driving needs
   * `SpeechParam` too (1240/116222).
   * @example
   * ```ts
   * const { TaskId } = await client.video.makeFromVideo({
   *   RefVideoUrl: clipUrl,
   *   DriverType: 'Text',
   *   InputSsml: text,
   *   SpeechParam: { Speed: 1, TimbreKey: timbreKey },
   * });
   * ```
   */
  makeFromVideo: OperationCall<'video.makeNoTrain'>;
  /**
   * Starts a talking video from one photo (`phototovideonotrain`). Text driving needs
   * `SpeechParam` with `Speed` and `TimbreKey` (1240/118475).
   * @example
   * ```ts
   * const { TaskId } = await client.video.makeFromPhoto({
   *   RefPhotoUrl: photoUrl,
   *   DriverType: 'Text',
   *   InputSsml: text,
   *   SpeechParam: { Speed: 1, TimbreKey: timbreKey },
   * });
   * ```
   */
  makeFromPhoto: OperationCall<'video.photoToVideo'>;
  /**
   * Starts a speech synthesis task (`tts`).
   * @example
   * ```ts
   * const { TaskId } = await client.video.tts({ TimbreKey: 'female_1', InputSsml: 'Hi', Speed: 1 });
   * ```
   */
  tts: OperationCall<'video.tts'>;
  /**
   * Reads a task's progress (`getprogress`) once.
   * @example
   * ```ts
   * const { Status, Progress } = await client.video.progress({ TaskId });
   * ```
   */
  progress: OperationCall<'video.progress'>;
  /**
   * Polls until the task ends: resolves with the final progress on `SUCCESS`, rejects with
   * `TvsTaskFailedError` on `FAIL` (with the failing poll's `requestId`). Polls slower while
   * the task is queued. `withResponse()` gives the last poll's metadata.
   * @example
   * ```ts
   * const { MediaUrl } = await client.video.waitFor(TaskId, {
   *   onProgress: (p) => console.log(p.Status, p.Progress),
   * });
   * ```
   */
  waitFor(taskId: string, options?: WaitOptions<VideoProgress>): ApiPromise<VideoProgress>;
}

/** What identifies a new state of a video or PPT task, for `onProgress`. @internal */
export function taskFingerprint(p: {
  Status?: unknown;
  Progress?: unknown;
  ArrayCount?: unknown;
}): string {
  return `${p.Status}|${p.Progress ?? ''}|${p.ArrayCount ?? ''}`;
}

/** @internal */
export function createVideoApi(op: BindOperation, poller: Poller): VideoApi {
  const progress = op('video.progress');
  return {
    make: op('video.make'),
    makeAdvanced: op('video.makeAdvanced'),
    makeFromVideo: op('video.makeNoTrain'),
    makeFromPhoto: op('video.photoToVideo'),
    tts: op('video.tts'),
    progress,
    waitFor: (taskId, options) =>
      waitForTask(
        poller,
        {
          progress,
          phase: (p) => readTaskProgress(p).phase,
          queued: (p) => readTaskProgress(p).queuePosition,
          fingerprint: taskFingerprint,
        },
        taskId,
        options,
      ),
  };
}
