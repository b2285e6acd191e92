import type { Responses } from '../pipeline/responses.js';
import type { TaskEngine } from '../tasks.js';
import { type MediaBody, resultFile, sample } from './results.js';

/**
 * `GET`/`HEAD` under `/media/`: task results (`/media/tasks/<TaskId>/<file>`) and catalogue
 * samples (avatar pictures, timbre clips), unsigned like the storage URLs the gateway hands out.
 * Undefined for a path that names no file. The path's escapes decode (the pipeline checked).
 * @internal
 */
export function serveMedia(
  method: string,
  path: string,
  engine: TaskEngine,
  responses: Responses,
): Response | undefined {
  const taskFile = /^\/media\/tasks\/([^/]+)\/([^/]+)$/.exec(path);
  let media: MediaBody | undefined;
  if (taskFile) {
    const task = engine.find(decodeURIComponent(taskFile[1]!));
    media = task && resultFile(task, taskFile[2]!);
  } else if (/^\/media\/avatars\/[0-9a-f]{32}\.jpg$/.test(path)) {
    media = sample('jpg');
  } else if (/^\/media\/timbres\/[\w-]+\.mp3$/.test(path)) {
    media = sample('mp3');
  }
  return media && responses.media(method, media);
}
