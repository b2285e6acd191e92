import type { JsonObject } from '../envelope-types.js';
import type { Operation, TaskCreated } from './operation.js';
import type { ProgressRequest } from './video-types.js';

/** Request of `faces.detect` (`facedetect`, 1240/109990): check a photo before cloning it (`IMAGE_PHOTO`). */
export interface FaceDetectRequest {
  /** Your id of this request (a body field, not the header's `RequestID`); the example's `TaskId` echoes it. */
  RequestId?: string;
  ImageUrl: string;
  /**
   * `1` (default): checks the aspect ratio (9:16, 16:9, 1:1 or 4:3) and reports the face box and
   * angle; `2`: does not check the ratio, and reports occlusion and suggested crops (1240/109990).
   */
  CheckerVersion?: 1 | 2 | (number & {});
  [key: string]: unknown;
}

/** Response of `faces.detectState` (`getfacedetectstate`, 1240/109991). */
export interface FaceDetectState {
  TaskId?: string;
  /** `WAITING`, `PROCESSING`, `SUCCESS` or `FAILED`. */
  TaskState?: 'WAITING' | 'PROCESSING' | 'SUCCESS' | 'FAILED' | (string & {});
  /** With `FAILED`. */
  ErrorCode?: number;
  ErrorMsg?: string;
  /** With `SUCCESS`: whether the photo passed. */
  IsPassDetect?: boolean;
  /** With `SUCCESS`: `Box`, `Rotation`, and with `CheckerVersion` 2 `Score`, `AreaRatio`, `FaceRadio`, `FeatureRadio`, `Yaw`, `Pitch`, `MaxCrop`, `MinCrop` (boxes: `Left`, `Top`, `Width`, `Height`, pixels). */
  Faces?: JsonObject[];
  [key: string]: unknown;
}

/** Face detection: create a task, read its state. */
export const faceOperations: {
  readonly 'faces.detect': Operation<FaceDetectRequest, TaskCreated>;
  readonly 'faces.detectState': Operation<ProgressRequest, FaceDetectState>;
} = {
  'faces.detect': {
    name: 'faces.detect',
    path: '/v2/ivh/facedetectserver/facedetectservice/facedetect',
    doc: ['https://cloud.tencent.com/document/product/1240/109990'],
    idempotent: false,
    // The page renders no required column; the photo is the one field a task cannot do without.
    required: { ImageUrl: 'string' },
    returns: { TaskId: 'string' },
  },
  'faces.detectState': {
    name: 'faces.detectState',
    path: '/v2/ivh/facedetectserver/facedetectservice/getfacedetectstate',
    doc: ['https://cloud.tencent.com/document/product/1240/109991'],
    idempotent: true,
    required: { TaskId: 'string' },
    // TaskId and TaskState are marked required, but the example leaves both out.
    returns: {},
  },
};
