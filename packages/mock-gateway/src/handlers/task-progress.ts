import { CODES, Refusal } from '../errors.js';
import type { SpeechPlan } from '../internal/speech.js';
import { type MockTask, progressOf, type TaskLane } from '../tasks.js';
import type { Handler, Services } from './context.js';

/** `TextTimestampResult` times are in units of 0.1 µs (1240/81270): 10,000 to the millisecond. */
const TIMESTAMP_UNITS_PER_MS = 10_000;

/**
 * The `getprogress` payload of a task. A video or speech task answers with the fields of
 * 1240/81270 (`TextTimestampResult`, in 0.1 µs units, for speech tasks only: the page says it
 * is the TTS task's); a PPT task answers with the fields of 1240/130021's table: `Status`,
 * `Progress`, `MediaUrl`, `FailMessage`, `Duration`, `FailCode` (its success example leaves
 * `Status` out; the table lists it, and `Progress` is "预留字段", reserved).
 */
export function progressPayload(
  task: MockTask,
  services: Services,
  now: number,
  queuedAhead: number,
) {
  const done = task.status === 'SUCCESS';
  const common = {
    Progress: progressOf(task, now),
    MediaUrl: done ? services.mediaUrl(task, 'media') : '',
    FailMessage: task.failMessage ?? '',
    Duration: done ? task.plan.durationMs : 0,
    FailCode: task.failCode ?? 0,
  };
  if (task.lane === 'ppt') return { ...common, Status: task.status };
  const result: Record<string, unknown> = {
    ...common,
    Status: task.status,
    ArrayCount: queuedAhead,
    SubtitlesUrl: done && task.subtitles ? services.mediaUrl(task, 'subtitles') : '',
  };
  if (task.lane === 'tts') {
    result['TextTimestampResult'] = done ? inTimestampUnits(task.plan.sentences) : [];
  }
  return result;
}

function inTimestampUnits(sentences: SpeechPlan['sentences']) {
  return sentences.map((sentence) => ({
    ...sentence,
    Words: sentence.Words.map((word) => ({
      ...word,
      StartTimestamp: word.StartTimestamp * TIMESTAMP_UNITS_PER_MS,
      EndTimestamp: word.EndTimestamp * TIMESTAMP_UNITS_PER_MS,
    })),
  }));
}

/**
 * The body of a task's callback (附录二, 1240/81279): exactly `Progress`, `MediaUrl`,
 * `SubtitlesUrl`, `Status` (`SUCCESS` or `FAIL`), `FailMessage` and `TaskId`.
 */
export function callbackPayload(task: MockTask, services: Services) {
  const done = task.status === 'SUCCESS';
  return {
    Progress: done ? 100 : -1,
    MediaUrl: done ? services.mediaUrl(task, 'media') : '',
    SubtitlesUrl: done && task.subtitles ? services.mediaUrl(task, 'subtitles') : '',
    Status: task.status,
    FailMessage: task.failMessage ?? '',
    TaskId: services.numericTaskIds ? Number(task.taskId) : task.taskId,
  };
}

/** `getprogress` of one lane family: unknown ids (or another family's) are 110006. */
export function progress(lanes: readonly TaskLane[]): Handler {
  return (payload, context, services) => {
    const id = String(payload['TaskId']);
    const task = services.engine.get(context.appkey, id);
    if (!task || !lanes.includes(task.lane)) {
      throw new Refusal(
        CODES.recordNotFound,
        'ResourceNotFound.TaskNotExist',
        `no task ${JSON.stringify(id.slice(0, 64))} for this appkey`,
      );
    }
    return progressPayload(task, services, context.now, services.engine.queuedAhead(task));
  };
}
