import type { JsonObject } from '../envelope-types.js';
import type { EmptyResponse, Operation, TaskCreated } from './operation.js';
import type { ProgressRequest } from './video.js';

/** What a cloning task makes: avatars of several grades, or a voice. */
export type CloneMakeType =
  | 'IMAGE'
  | 'IMAGE_GENERAL'
  | 'IMAGE_4K'
  | 'IMAGE_PHOTO'
  | 'VOICE'
  | 'ZERO_SHOT_VOICE';

/** Request of `cloning.make` (`make`). Material URLs come from an upload with `cloning.uploadCredentials`. */
export interface CloneMakeRequest {
  AnchorName: string;
  MakeType: CloneMakeType;
  /** Material URLs and options, as documented for each `MakeType`. */
  [key: string]: unknown;
}

/** A cloning task's stage: `SUBMIT` → `AUDIT` → `PROCESS` → `TRAIN` → `CONFIRM` → `END`. */
export type CloneStage = 'SUBMIT' | 'AUDIT' | 'PROCESS' | 'TRAIN' | 'CONFIRM' | 'END';

/** Response of `cloning.progress` (`getprogress`). */
export interface CloneProgress {
  StageV2: CloneStage;
  /** The task's status, as the gateway reports it. */
  Status?: unknown;
  /** The assets made, once done. */
  AssetList?: JsonObject[];
  [key: string]: unknown;
}

/** Request of `cloning.confirm` (`customerconfirm`): accept or reject the result at `CONFIRM`. */
export interface CloneConfirmRequest {
  TaskId: string;
  Operate: 'AGREE' | 'REJECT';
  /** Why, when rejecting. */
  Reason?: string;
}

/** Cloning: upload credentials, make, progress, confirm. */
export const cloningOperations: {
  readonly 'cloning.uploadCredentials': Operation<JsonObject, JsonObject>;
  readonly 'cloning.make': Operation<CloneMakeRequest, TaskCreated>;
  readonly 'cloning.progress': Operation<ProgressRequest, CloneProgress>;
  readonly 'cloning.confirm': Operation<CloneConfirmRequest, EmptyResponse>;
} = {
  'cloning.uploadCredentials': {
    name: 'cloning.uploadCredentials',
    path: '/v2/ivh/assetmanager/customservice/getuploadcredentials',
    idempotent: true,
    required: {},
    returns: {},
  },
  'cloning.make': {
    name: 'cloning.make',
    path: '/v2/ivh/assetmanager/customservice/make',
    idempotent: false,
    required: { AnchorName: 'string', MakeType: 'string' },
    returns: { TaskId: 'string' },
  },
  'cloning.progress': {
    name: 'cloning.progress',
    path: '/v2/ivh/assetmanager/customservice/getprogress',
    idempotent: true,
    required: { TaskId: 'string' },
    returns: { StageV2: 'string' },
  },
  'cloning.confirm': {
    name: 'cloning.confirm',
    path: '/v2/ivh/assetmanager/customservice/customerconfirm',
    idempotent: true,
    required: { TaskId: 'string', Operate: 'string' },
    returns: {},
  },
};
