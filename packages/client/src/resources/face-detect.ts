import type { BindOperation, OperationCall } from '../operation-call.js';

/** Face detection on a photo before making a video from it. */
export interface FaceDetectApi {
  /**
   * Starts a face detection task.
   * @example
   * ```ts
   * const { TaskId } = await client.faceDetect.detect({ ImageUrl: photoUrl });
   * ```
   */
  detect: OperationCall<'faces.detect'>;
  /**
   * Reads a face detection task's state.
   * @example
   * ```ts
   * const state = await client.faceDetect.state({ TaskId });
   * ```
   */
  state: OperationCall<'faces.detectState'>;
}

/** @internal */
export function createFaceDetectApi(op: BindOperation): FaceDetectApi {
  return { detect: op('faces.detect'), state: op('faces.detectState') };
}
