import { toSrt } from '../internal/speech.js';
import type { MockTask } from '../tasks.js';
import { mediaFiles } from './media-files.js';
import { synthesizeWav } from './wav.js';

/** A file the gateway serves. @internal */
export interface MediaBody {
  readonly body: Uint8Array | string;
  readonly type: string;
}

const decoded = new Map<string, Uint8Array>();

/** A shipped sample file, decoded once. @internal */
export function sample(ext: keyof typeof mediaFiles): MediaBody {
  const file = mediaFiles[ext];
  let bytes = decoded.get(ext);
  if (!bytes) {
    const binary = atob(file.base64);
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    decoded.set(ext, bytes);
  }
  return { body: bytes, type: file.type };
}

/** The name a task's result file has under `/media/tasks/<TaskId>/`. @internal */
export function resultFileName(task: MockTask, kind: 'media' | 'subtitles'): string {
  if (kind === 'subtitles') return 'subtitles.srt';
  return task.format === 'mp3' || task.format === 'wav'
    ? `audio.${task.format}`
    : `video.${task.format}`;
}

/**
 * The body of a finished task's file: the shipped sample clip for videos and mp3 (a 2 s loop,
 * whatever `Duration` says), a WAV synthesised to the planned length, the SRT from the text.
 * @internal
 */
export function resultFile(task: MockTask, name: string): MediaBody | undefined {
  if (task.status !== 'SUCCESS') return undefined;
  if (name === 'subtitles.srt' && task.subtitles) {
    return { body: toSrt(task.plan), type: 'application/x-subrip; charset=utf-8' };
  }
  if (name !== resultFileName(task, 'media')) return undefined;
  if (task.format === 'wav')
    return { body: synthesizeWav(task.plan, task.sampleRate), type: 'audio/wav' };
  return sample(task.format);
}
