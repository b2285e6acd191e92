import { API_CODES } from '@tvs/envelope';
import { keyFor } from '../catalogue.js';
import { CODES, Refusal } from '../errors.js';
import { checkUrl, oneOf, optional } from '../internal/validate.js';
import type { Handler } from './context.js';
import { ownedBy } from './per-appkey.js';

/** How long a detection waits, then runs, in gateway ms (the pages give no times). */
const WAITING_MS = 1000;
const PROCESSING_MS = 2000;
/** The longest caller `RequestId` taken as the task's id. */
const MAX_REQUEST_ID = 128;

/** A face-detection task of the mock (1240/109990). @internal */
interface DetectTask {
  readonly taskId: string;
  readonly imageUrl: URL;
  readonly checkerVersion: 1 | 2;
  readonly createdAt: number;
}

/** The face-detection tasks of every appkey. @internal */
export type FaceStore = Map<string, Map<string, DetectTask>>;

/** @internal */
export function createFaceStore(): FaceStore {
  return new Map();
}

/**
 * `facedetect` (1240/109990): a task checking the photo at `ImageUrl` (`CheckerVersion` 1, the
 * default, or 2). The page's example answers with the caller's `RequestId` as the `TaskId`, so
 * the mock does too (a new UUID-shaped id without one); the page is silent on a repeated
 * `RequestId`: it is refused as a duplicate record (110005), since two tasks cannot share an id.
 */
export const detectFaces: Handler = (payload, context, services) => {
  const imageUrl = checkUrl(payload, 'ImageUrl', 4096);
  if (imageUrl === undefined) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.Url',
      'Payload.ImageUrl must be an http(s) URL shorter than 4096 characters',
    );
  }
  const checkerVersion = oneOf(payload, 'CheckerVersion', [1, 2] as const) ?? 1;
  const requestId = optional(payload, 'RequestId', 'string');
  if (requestId !== undefined && (requestId === '' || requestId.length > MAX_REQUEST_ID)) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.RequestId',
      `Payload.RequestId must be 1–${MAX_REQUEST_ID} characters`,
    );
  }
  const tasks = ownedBy(services.faces, context.appkey);
  const taskId = requestId ?? uuidShaped(services.newId());
  if (tasks.has(taskId)) {
    throw new Refusal(
      API_CODES.RECORD_EXISTS,
      'FailedOperation.DuplicateRequest',
      `a face-detection task ${JSON.stringify(taskId.slice(0, 64))} already exists`,
    );
  }
  tasks.set(taskId, {
    taskId,
    imageUrl: new URL(imageUrl),
    checkerVersion,
    createdAt: context.now,
  });
  return { TaskId: taskId };
};

/**
 * `getfacedetectstate` (1240/109991): `TaskState` `WAITING`, `PROCESSING`, then `SUCCESS`
 * (`IsPassDetect`, `Faces`) or `FAILED` (`ErrorCode`, `ErrorMsg`), by the task's age. The page's
 * example carries `ErrorCode: 0` on success; so does the mock, on every state. The mock
 * downloads nothing, so it cannot see the photo; what it reports is decided by the URL: a host
 * under `.invalid` fails to download (-101002, 下载图片失败, whose appendix the page does not
 * link), a path containing `noface` finds no face (`IsPassDetect: false`), anything else finds
 * one face placed by the URL's hash, with the version 2 fields when asked for.
 */
export const faceDetectState: Handler = (payload, context, services) => {
  const id = payload['TaskId'] as string;
  const task = ownedBy(services.faces, context.appkey).get(id);
  if (!task) {
    throw new Refusal(
      CODES.recordNotFound,
      'ResourceNotFound.TaskNotExist',
      `no face-detection task ${JSON.stringify(id.slice(0, 64))} for this appkey`,
    );
  }
  const age = context.now - task.createdAt;
  if (age < WAITING_MS) return { TaskId: task.taskId, TaskState: 'WAITING', ErrorCode: 0 };
  if (age < WAITING_MS + PROCESSING_MS) {
    return { TaskId: task.taskId, TaskState: 'PROCESSING', ErrorCode: 0 };
  }
  if (task.imageUrl.hostname.endsWith('.invalid')) {
    return {
      TaskId: task.taskId,
      TaskState: 'FAILED',
      ErrorCode: API_CODES.IMAGE_DOWNLOAD_FAILED,
      ErrorMsg: `downloading Payload.ImageUrl failed: ${task.imageUrl.hostname} does not resolve`,
    };
  }
  const found = !/noface/i.test(task.imageUrl.pathname);
  return {
    TaskId: task.taskId,
    TaskState: 'SUCCESS',
    ErrorCode: 0,
    IsPassDetect: found,
    Faces: found ? [face(task)] : [],
  };
};

/** `8-4-4-4-12` hex, the shape of the page's example `TaskId`. */
function uuidShaped(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** One face, placed by the URL's hash (pixels; angles in degrees; ratios 0–1). */
function face(task: DetectTask): Record<string, unknown> {
  const hash = keyFor(task.imageUrl.href);
  const unit = (i: number) => Number.parseInt(hash.slice(i * 4, i * 4 + 4), 16) / 0xffff;
  const box = {
    Left: 200 + Math.round(unit(0) * 200),
    Top: 150 + Math.round(unit(1) * 150),
    Width: 300 + Math.round(unit(2) * 100),
    Height: 380 + Math.round(unit(3) * 120),
  };
  const basic = { Box: box, Rotation: Math.round((unit(4) - 0.5) * 100) / 10 };
  if (task.checkerVersion === 1) return basic;
  const crop = (margin: number) => ({
    Left: Math.max(0, box.Left - margin),
    Top: Math.max(0, box.Top - margin),
    Width: box.Width + 2 * margin,
    Height: box.Height + 2 * margin,
  });
  return {
    ...basic,
    Score: Math.round((0.9 + unit(5) * 0.09) * 1000) / 1000,
    AreaRatio: Math.round((0.08 + unit(6) * 0.1) * 1000) / 1000,
    FaceRadio: Math.round(unit(7) * 0.05 * 1000) / 1000,
    FeatureRadio: Math.round(unit(0) * unit(1) * 0.05 * 1000) / 1000,
    Yaw: Math.round((unit(2) - 0.5) * 200) / 10,
    Pitch: Math.round((unit(3) - 0.5) * 120) / 10,
    MaxCrop: crop(400),
    MinCrop: crop(120),
  };
}
