import { CODES, Refusal } from '../errors.js';
import { oneOf, optional } from '../internal/validate.js';
import type { CallContext, Handler } from './context.js';
import { ownedBy } from './per-appkey.js';

/** The stages of a cloning task (1240/96070), and how long each takes, ms of gateway time. */
const STAGES = [
  ['SUBMIT', 1000],
  ['AUDIT', 2000],
  ['PROCESS', 2000],
  ['TRAIN', 5000],
] as const;
const TRAINING_MS = STAGES.reduce((sum, [, ms]) => sum + ms, 0);
const MAKE_TYPES = [
  'IMAGE',
  'IMAGE_GENERAL',
  'IMAGE_4K',
  'IMAGE_PHOTO',
  'VOICE',
  'ZERO_SHOT_VOICE',
] as const;

/** A cloning task of the mock. @internal */
interface CloneTask {
  readonly taskId: string;
  readonly anchorName: string;
  readonly makeType: (typeof MAKE_TYPES)[number];
  /** When the current training round started. */
  trainedFrom: number;
  /** Demo videos of earlier rounds that the customer rejected. */
  readonly rejected: Array<{ StartTime: string; Record: string[] }>;
  confirmedAt: number | undefined;
}

/** The cloning tasks of every appkey. @internal */
export interface CloningStore {
  readonly tasks: Map<string, Map<string, CloneTask>>;
  next: number;
}

/** @internal */
export function createCloningStore(): CloningStore {
  return { tasks: new Map(), next: 0 };
}

function findTask(store: CloningStore, payload: Record<string, unknown>, context: CallContext) {
  const id = String(payload['TaskId']);
  const task = ownedBy(store.tasks, context.appkey).get(id);
  if (!task) {
    // 110006 记录不存在, "check the TaskId" (1240/96071).
    throw new Refusal(
      CODES.recordNotFound,
      'ResourceNotFound.TaskNotExist',
      `no cloning task ${JSON.stringify(id.slice(0, 64))} for this appkey`,
    );
  }
  return task;
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** `getuploadcredentials` (1240/96067): temporary storage keys, valid for half an hour. */
export const uploadCredentials: Handler = (_payload, context) => {
  const start = Math.floor(context.now / 1000);
  return {
    Credentials: {
      Token: `mock-token-${context.requestId}`,
      TmpSecretId: `mock-id-${context.appkey}`,
      TmpSecretKey: 'mock-secret-key',
    },
    StartTime: start,
    ExpiredTime: start + 1800,
    PathPrefix: `${context.origin}/customer-pipeline/1/${context.requestId}/`,
  };
};

/** `make` (1240/105223): an avatar or voice cloning task. */
export const makeClone: Handler = (payload, context, services) => {
  const name = payload['AnchorName'] as string;
  if ([...name].length < 2 || [...name].length > 50) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.AnchorName',
      'Payload.AnchorName must be 2–50 characters',
    );
  }
  const makeType = oneOf(payload, 'MakeType', MAKE_TYPES)!;
  const needsIdentity = makeType !== 'IMAGE_PHOTO' && makeType !== 'ZERO_SHOT_VOICE';
  const identity =
    optional(payload, 'IdentityCosUrl', 'string') ??
    optional(payload, 'IdentityWrittenCosUrl', 'string');
  if (needsIdentity && identity === undefined) {
    throw new Refusal(
      CODES.missingParameter,
      'InvalidParameter.MissingParameter',
      `Payload.IdentityCosUrl or Payload.IdentityWrittenCosUrl is required for ${makeType}`,
    );
  }
  if (
    makeType !== 'ZERO_SHOT_VOICE' &&
    optional(payload, 'MaterialCosUrl', 'string') === undefined
  ) {
    throw new Refusal(
      CODES.missingParameter,
      'InvalidParameter.MissingParameter',
      `Payload.MaterialCosUrl is required for ${makeType}`,
    );
  }
  const store = services.cloning;
  store.next += 1;
  const taskId = `clone-${String(store.next).padStart(6, '0')}`;
  ownedBy(store.tasks, context.appkey).set(taskId, {
    taskId,
    anchorName: name,
    makeType,
    trainedFrom: context.now,
    rejected: [],
    confirmedAt: undefined,
  });
  return { TaskId: taskId };
};

/**
 * `getprogress` (1240/96070): `Status` `MAKING` through `SUBMIT` → `AUDIT` → `PROCESS` → `TRAIN`
 * → `CONFIRM` (waiting for `customerconfirm`, demo videos in `StageInfo`), then `END` with
 * `Status` `SUCCESS` and the `AssetList`.
 */
export const cloneProgress: Handler = (payload, context, services) => {
  const task = findTask(services.cloning, payload, context);
  if (task.confirmedAt !== undefined) {
    const isVoice = task.makeType === 'VOICE' || task.makeType === 'ZERO_SHOT_VOICE';
    return {
      Status: 'SUCCESS',
      StageV2: 'END',
      StatusV2: 'SUCCESS',
      AssetList: [
        isVoice
          ? { TimbreKey: `timbre-${task.taskId}`, TimbreName: task.anchorName }
          : { VirtualmanKey: `avatar-${task.taskId}`, AnchorName: task.anchorName },
      ],
    };
  }
  let age = context.now - task.trainedFrom;
  for (const [stage, ms] of STAGES) {
    if (age < ms) return { Status: 'MAKING', StageV2: stage, StatusV2: 'PROCESSING' };
    age -= ms;
  }
  const demo = `${context.origin}/media/clones/${task.taskId}/demo-${task.rejected.length + 1}.mp4`;
  return {
    Status: 'MAKING',
    StageV2: 'CONFIRM',
    StatusV2: 'WAIT_PROCESS',
    // JSON text, as the page shows it.
    StageInfo: JSON.stringify({
      TrainResult: [demo],
      RejectReason: '',
      TrainRecord: task.rejected,
    }),
  };
};

/** `customerconfirm` (1240/105225): at `CONFIRM`, `AGREE` ends the task, `REJECT` trains again. */
export const confirmClone: Handler = (payload, context, services) => {
  const task = findTask(services.cloning, payload, context);
  const operate = oneOf(payload, 'Operate', ['AGREE', 'REJECT'] as const)!;
  const reason = optional(payload, 'Reason', 'string');
  if (operate === 'REJECT' && (reason === undefined || reason === '' || [...reason].length > 300)) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.Reason',
      'Payload.Reason (1–300 characters) is required to REJECT',
    );
  }
  const waiting = task.confirmedAt === undefined && context.now - task.trainedFrom >= TRAINING_MS;
  if (!waiting) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.Operate',
      'the task is not waiting for confirmation (StageV2 CONFIRM, StatusV2 WAIT_PROCESS)',
    );
  }
  if (operate === 'AGREE') {
    task.confirmedAt = context.now;
  } else {
    task.rejected.push({
      StartTime: stamp(task.trainedFrom),
      Record: [
        `${context.origin}/media/clones/${task.taskId}/demo-${task.rejected.length + 1}.mp4`,
      ],
    });
    task.trainedFrom = context.now;
  }
  return {};
};
