import type { JsonObject } from '../envelope-types.js';
import type { EmptyResponse, Operation, TaskCreated } from './operation.js';
import type { ProgressRequest } from './video-types.js';

/**
 * What a cloning task makes (1240/105223): `IMAGE` (2D small sample, standard, own lip shapes),
 * `IMAGE_GENERAL`, `IMAGE_4K`, `IMAGE_PHOTO` (from a photo: run face detection first), `VOICE`,
 * `ZERO_SHOT_VOICE`. Open: Tencent adds values.
 */
export type CloneMakeType =
  | 'IMAGE'
  | 'IMAGE_GENERAL'
  | 'IMAGE_4K'
  | 'IMAGE_PHOTO'
  | 'VOICE'
  | 'ZERO_SHOT_VOICE'
  | (string & {});

/** Response of `cloning.uploadCredentials` (`getuploadcredentials`, 1240/96067): temporary COS keys. */
export interface UploadCredentials {
  /** `Token`, `TmpSecretId`, `TmpSecretKey`. */
  Credentials?: {
    Token?: string;
    TmpSecretId?: string;
    TmpSecretKey?: unknown;
    [key: string]: unknown;
  };
  /** Start of validity, Unix seconds (the newer Chinese page only). */
  StartTime?: number;
  /** End of validity, Unix seconds. */
  ExpiredTime?: number;
  /** Where to upload in COS: `…/customer-pipeline/{number}/{uuid}/`. */
  PathPrefix?: string;
  [key: string]: unknown;
}

/** Request of `cloning.make` (`make`, 1240/105223). Material URLs come from an upload with `cloning.uploadCredentials`. */
export interface CloneMakeRequest {
  /** 2–50 characters, your name for the avatar or voice. */
  AnchorName: string;
  MakeType: CloneMakeType;
  /** Authorisation as a video (not for `IMAGE_PHOTO` or `ZERO_SHOT_VOICE`; this or `IdentityWrittenCosUrl`). */
  IdentityCosUrl?: string;
  /** Authorisation as a PDF. */
  IdentityWrittenCosUrl?: string;
  /** The training material (not for `ZERO_SHOT_VOICE`). */
  MaterialCosUrl?: string;
  [key: string]: unknown;
}

/** A cloning task's stage (`StageV2`): `SUBMIT` → `AUDIT` → `PROCESS` → `TRAIN` → `CONFIRM` → `END`. Open. */
export type CloneStage =
  | 'SUBMIT'
  | 'AUDIT'
  | 'PROCESS'
  | 'TRAIN'
  | 'CONFIRM'
  | 'END'
  | (string & {});

/** A cloning task's status: `MAKING`, `SUCCESS` or `FAIL` (there is no `COMMIT`). Open. */
export type CloneStatus = 'MAKING' | 'SUCCESS' | 'FAIL' | (string & {});

/** Response of `cloning.progress` (`getprogress`, 1240/96070). Only `Status` is required. */
export interface CloneProgress {
  Status: CloneStatus;
  /** Why it failed, with `FAIL`. */
  FailMessage?: string;
  /** The stage while `MAKING`: authoritative for every query since 2024-01-01 (1240/96070). */
  StageV2?: CloneStage;
  /** The state within the stage: `WAIT_PROCESS`, `PROCESSING`, `SUCCESS`, `FAIL`. */
  StatusV2?: 'WAIT_PROCESS' | 'PROCESSING' | 'SUCCESS' | 'FAIL' | (string & {});
  /** JSON *text*; at `CONFIRM`: `TrainResult` (demo URLs), `RejectReason`, `TrainRecord`. */
  StageInfo?: string;
  /** The avatars or timbres made. */
  AssetList?: JsonObject[];
  [key: string]: unknown;
}

/** Request of `cloning.confirm` (`customerconfirm`, 1240/105225): accept or reject the result at `CONFIRM`. */
export interface CloneConfirmRequest {
  TaskId: string;
  Operate: 'AGREE' | 'REJECT';
  /** Why, at most 300 characters; required with `REJECT`. */
  Reason?: string;
}

/** Cloning: upload credentials, make, progress, confirm. */
export const cloningOperations: {
  readonly 'cloning.uploadCredentials': Operation<Record<string, never>, UploadCredentials>;
  readonly 'cloning.make': Operation<CloneMakeRequest, TaskCreated>;
  readonly 'cloning.progress': Operation<ProgressRequest, CloneProgress>;
  readonly 'cloning.confirm': Operation<CloneConfirmRequest, EmptyResponse>;
} = {
  'cloning.uploadCredentials': {
    name: 'cloning.uploadCredentials',
    path: '/v2/ivh/assetmanager/customservice/getuploadcredentials',
    doc: [
      'https://cloud.tencent.com/document/product/1240/96067',
      'https://cloud.tencent.com/document/product/1240/105221',
      'https://www.tencentcloud.com/document/product/1211/62067',
    ],
    idempotent: true,
    required: {},
    returns: { Credentials: 'object' },
  },
  'cloning.make': {
    name: 'cloning.make',
    path: '/v2/ivh/assetmanager/customservice/make',
    doc: [
      'https://cloud.tencent.com/document/product/1240/105223',
      'https://www.tencentcloud.com/document/product/1211/62060',
    ],
    idempotent: false,
    required: { AnchorName: 'string', MakeType: 'string' },
    returns: { TaskId: 'string' },
  },
  'cloning.progress': {
    name: 'cloning.progress',
    path: '/v2/ivh/assetmanager/customservice/getprogress',
    doc: [
      'https://cloud.tencent.com/document/product/1240/96070',
      'https://www.tencentcloud.com/document/product/1211/62070',
    ],
    idempotent: true,
    required: { TaskId: 'string' },
    // Status is the only required field; StageV2 is optional (absent on finished tasks).
    returns: { Status: 'string' },
  },
  'cloning.confirm': {
    name: 'cloning.confirm',
    path: '/v2/ivh/assetmanager/customservice/customerconfirm',
    doc: [
      'https://cloud.tencent.com/document/product/1240/105225',
      'https://www.tencentcloud.com/document/product/1211/62071',
    ],
    idempotent: true,
    required: { TaskId: 'string', Operate: 'string' },
    returns: {},
  },
};
