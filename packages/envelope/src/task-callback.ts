import type { JsonObject } from './envelope-types.js';
import { envelopeError } from './internal/envelope-error.js';
import { isRecord, jsonType } from './internal/is-record.js';
import { parseBody } from './internal/parse-body.js';
import type { VideoTaskStatus } from './operations/video-types.js';

const CALLBACK = { what: 'task callback' };

/**
 * The body a video or audio task's `CallbackUrl` receives once the task ends (附录二,
 * 1240/81279; 1211/62096): `{ "Payload": { … } }`, with no `Header`. Every field is kept.
 */
export interface TaskCallback {
  /** The task the callback is about. */
  TaskId: string;
  /** `SUCCESS` or `FAIL`. */
  Status: VideoTaskStatus;
  /** −1 failed, 100 done (a reserved field, says the page). */
  Progress?: number;
  /** The result: kept 7 days unless `VideoStorageS3Url` was given. */
  MediaUrl?: string;
  /** Subtitles (SRT), for text-driven videos. */
  SubtitlesUrl?: string;
  /** Why it failed. */
  FailMessage?: string;
  [key: string]: unknown;
}

/**
 * Decodes the body a task's `CallbackUrl` receives (1240/81279): text, bytes or parsed JSON,
 * `{ Payload: { TaskId, Status, Progress, MediaUrl, SubtitlesUrl, FailMessage } }`. Returns the
 * payload; unknown fields are kept, a numeric `TaskId` becomes a string. The same guards as
 * every other body (size, depth, no prototype keys).
 *
 * The callback is unsigned, sent once and never re-sent (the pages document no signature and
 * no retry): treat it as a hint and confirm with `getprogress` before acting on it.
 *
 * @throws TvsEnvelopeError when the body has no `Payload` object, or `Payload.TaskId` or
 *   `Payload.Status` is missing or not a string.
 * @example
 * ```ts
 * import { decodeTaskCallback } from '@tvs/envelope';
 * const { TaskId, Status, MediaUrl } = decodeTaskCallback(await request.text());
 * ```
 */
export function decodeTaskCallback(body: unknown): TaskCallback {
  const value = parseBody(body, CALLBACK);
  if (!isRecord(value) || !isRecord(value.Payload)) {
    const found = isRecord(value) ? 'an object without a Payload object' : jsonType(value);
    throw envelopeError(CALLBACK, 'not-an-envelope', `must be { Payload: {…} }, got ${found}`);
  }
  const payload: JsonObject = { ...value.Payload };
  if (Number.isSafeInteger(payload.TaskId)) payload.TaskId = String(payload.TaskId);
  for (const field of ['TaskId', 'Status']) {
    if (typeof payload[field] !== 'string' || payload[field] === '') {
      const code = payload[field] == null ? 'missing-field' : 'wrong-type';
      throw envelopeError(
        CALLBACK,
        code,
        `Payload.${field} must be a non-empty string, got ${jsonType(payload[field])}`,
        {
          path: `Payload.${field}`,
        },
      );
    }
  }
  return payload as TaskCallback;
}
