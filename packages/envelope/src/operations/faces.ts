import type { JsonObject } from '../envelope-types.js';
import type { Operation, TaskCreated } from './operation.js';
import type { ProgressRequest } from './video.js';

/** Request of `faces.detect` (`facedetect`): check a photo before making an avatar of it. */
export interface FaceDetectRequest {
  ImageUrl: string;
  /** `1` (default) checks proportions and returns face details; `2` also suggests a crop and reports occlusion. */
  CheckerVersion?: 1 | 2;
  [key: string]: unknown;
}

/** Response of `faces.detectState` (`getfacedetectstate`). */
export interface FaceDetectState {
  TaskState: 'WAITING' | 'PROCESSING' | 'SUCCESS' | 'FAILED';
  /** On `FAILED`. */
  ErrorCode?: number;
  ErrorMsg?: string;
  /** With `CheckerVersion` 2. */
  IsPassDetect?: boolean;
  Faces?: JsonObject[];
  [key: string]: unknown;
}

/**
 * Face detection. Not in PROTOCOL.md's tables: paths and fields follow Tencent's face-detection
 * pages as public clients call them.
 */
export const faceOperations: {
  readonly 'faces.detect': Operation<FaceDetectRequest, TaskCreated>;
  readonly 'faces.detectState': Operation<ProgressRequest, FaceDetectState>;
} = {
  'faces.detect': {
    name: 'faces.detect',
    path: '/v2/ivh/facedetectserver/facedetectservice/facedetect',
    idempotent: false,
    required: { ImageUrl: 'string' },
    returns: { TaskId: 'string' },
  },
  'faces.detectState': {
    name: 'faces.detectState',
    path: '/v2/ivh/facedetectserver/facedetectservice/getfacedetectstate',
    idempotent: true,
    required: { TaskId: 'string' },
    returns: { TaskState: 'string' },
  },
};
