import type { JsonObject } from '../envelope-types.js';
import type { Operation, TaskCreated } from './operation.js';

/** How a video is driven: by text (`Text`, the default), by a recording (`OriginalVoice`), or by a recording re-voiced with the avatar's timbre (`ModulatedVoice`). */
export type VideoDriverType = 'Text' | 'OriginalVoice' | 'ModulatedVoice';

/** Voice settings for text-driven speech. */
export interface SpeechParam {
  /** Speaking rate, 0.5–1.5 (1 is normal). */
  Speed?: number;
  /** The voice to use instead of the avatar's own. */
  TimbreKey?: string;
  /** Loudness, 0–10. */
  Volume?: number;
  /** Emotion of the voice, for timbres that support it. */
  EmotionCategory?: string;
  /** Strength of the emotion, 50–200. */
  EmotionIntensity?: number;
  /** Language of the timbre, for multilingual timbres. */
  TimbreLanguage?: string;
  [key: string]: unknown;
}

/** Output settings of a rendered video. */
export interface VideoParam {
  /** Container and alpha: `TransparentWebm` (the default), `TransparentMov` or `Mp4`. */
  Format?: 'TransparentWebm' | 'TransparentMov' | 'Mp4';
  [key: string]: unknown;
}

/** Fields shared by the task-creating video calls. */
interface TaskOptions {
  /** Where the gateway POSTs the result once, unsigned, never retried (under 1000 characters). A hint: `getprogress` is the truth. */
  CallbackUrl?: string;
  /** Your own storage for the result; without it results are kept 7 days. */
  VideoStorageS3Url?: string;
}

/** Request of `video.make` (`videomake`): a broadcast video of a trained avatar. */
export interface VideoMakeRequest extends TaskOptions {
  /** The avatar. */
  VirtualmanKey: string;
  /** The script, SSML allowed, up to 20,000 characters. Required when `DriverType` is `Text`. */
  InputSsml?: string;
  SpeechParam?: SpeechParam;
  VideoParam?: VideoParam;
  /** `Text` when absent. */
  DriverType?: VideoDriverType;
  /** The recording that drives the avatar, for the audio driver types. */
  InputAudioUrl?: string;
  [key: string]: unknown;
}

/**
 * Request of `video.makeAdvanced` (`videomakeadvanced`): as {@link VideoMakeRequest}, plus the
 * logo, background, anchor position, intro/outro and subtitle parameters of Tencent's
 * documentation, passed through unchanged.
 */
export interface VideoMakeAdvancedRequest extends VideoMakeRequest {}

/** Request of `video.makeNoTrain` (`videomakenotrain`): a video from a reference clip, no training. */
export interface VideoMakeNoTrainRequest extends TaskOptions {
  /** The reference video: H.264, 1–600 seconds. */
  RefVideoUrl: string;
  DriverType?: VideoDriverType;
  InputAudioUrl?: string;
  InputSsml?: string;
  SpeechParam?: SpeechParam;
  /** The concurrency pool to render in, as named in the console. */
  ConcurrencyType?: string;
  [key: string]: unknown;
}

/** Request of `video.photoToVideo` (`phototovideonotrain`): a talking video from one photo. */
export interface PhotoToVideoRequest extends TaskOptions {
  /** The photo: at most 10 MB, 192–4096 pixels a side. */
  RefPhotoUrl: string;
  DriverType?: VideoDriverType;
  /** The recording, 2–60 seconds. */
  InputAudioUrl?: string;
  /** The script, 4–300 characters. */
  InputSsml?: string;
  SpeechParam?: SpeechParam;
  [key: string]: unknown;
}

/** Request of `video.tts` (`tts`): audio only. Give `TimbreKey` or `VirtualmanKey`. */
export interface TtsRequest extends TaskOptions {
  TimbreKey?: string;
  VirtualmanKey?: string;
  /** The text, SSML allowed. */
  InputSsml: string;
  /** Speaking rate, 0.5–1.5. */
  Speed?: number;
  /** Hertz. */
  SampleRate?: 24000 | 16000;
  Codec?: 'mp3' | 'wav';
  [key: string]: unknown;
}

/** Request of `video.makeWithPpt` (`videomakewithppt`). One PPT task at a time per account. */
export interface VideoMakeWithPptRequest extends TaskOptions {
  /** The deck: ppt, pptx or pdf, at most 100 MB and 50 pages. */
  PPTFileUrl: string;
  GlobalConfig?: JsonObject;
  PageConfigs?: JsonObject[];
  [key: string]: unknown;
}

/** Request of the progress calls. */
export interface ProgressRequest {
  TaskId: string;
}

/** A rendering task's state: `COMMIT` → `MAKING` → `SUCCESS` | `FAIL`. */
export type TaskStatus = 'COMMIT' | 'MAKING' | 'SUCCESS' | 'FAIL';

/** One sentence of the spoken text with word timings. */
export interface TextTimestamp {
  Sentence: string;
  Words: Array<{
    Word: string;
    /** Start of the word, as the gateway reports it (an offset into the audio). */
    StartTimestamp: number;
    EndTimestamp: number;
  }>;
}

/** Response of `video.progress` (`getprogress`). */
export interface VideoProgress {
  Status: TaskStatus;
  /** Percent done, −1…100 (−1 on failure). */
  Progress?: number;
  /** Tasks queued ahead of this one. */
  ArrayCount?: number;
  /** The result, on `SUCCESS`. */
  MediaUrl?: string;
  /** Subtitles (SRT), on `SUCCESS`. */
  SubtitlesUrl?: string;
  /** Why it failed, on `FAIL`: see `describeErrorCode`. */
  FailCode?: number;
  FailMessage?: string;
  /** Length of the result in milliseconds. */
  Duration?: number;
  TextTimestampResult?: TextTimestamp[];
  [key: string]: unknown;
}

/** Response of `video.pptProgress`: as {@link VideoProgress}, without subtitles. */
export type PptProgress = Omit<VideoProgress, 'SubtitlesUrl' | 'TextTimestampResult'>;

const TASK = { TaskId: 'string' } as const;

/** Video production: the five makers and both progress calls. */
export const videoOperations: {
  readonly 'video.make': Operation<VideoMakeRequest, TaskCreated>;
  readonly 'video.makeAdvanced': Operation<VideoMakeAdvancedRequest, TaskCreated>;
  readonly 'video.makeNoTrain': Operation<VideoMakeNoTrainRequest, TaskCreated>;
  readonly 'video.photoToVideo': Operation<PhotoToVideoRequest, TaskCreated>;
  readonly 'video.tts': Operation<TtsRequest, TaskCreated>;
  readonly 'video.progress': Operation<ProgressRequest, VideoProgress>;
  readonly 'video.makeWithPpt': Operation<VideoMakeWithPptRequest, TaskCreated>;
  readonly 'video.pptProgress': Operation<ProgressRequest, PptProgress>;
} = {
  'video.make': {
    name: 'video.make',
    path: '/v2/ivh/videomaker/broadcastservice/videomake',
    idempotent: false,
    required: { VirtualmanKey: 'string' },
    returns: TASK,
  },
  'video.makeAdvanced': {
    name: 'video.makeAdvanced',
    path: '/v2/ivh/videomaker/broadcastservice/videomakeadvanced',
    idempotent: false,
    required: { VirtualmanKey: 'string' },
    returns: TASK,
  },
  'video.makeNoTrain': {
    name: 'video.makeNoTrain',
    path: '/v2/ivh/videomaker/broadcastservice/videomakenotrain',
    idempotent: false,
    required: { RefVideoUrl: 'string' },
    returns: TASK,
  },
  'video.photoToVideo': {
    name: 'video.photoToVideo',
    path: '/v2/ivh/videomaker/broadcastservice/phototovideonotrain',
    idempotent: false,
    required: { RefPhotoUrl: 'string' },
    returns: TASK,
  },
  'video.tts': {
    name: 'video.tts',
    path: '/v2/ivh/videomaker/broadcastservice/tts',
    idempotent: false,
    required: { InputSsml: 'string' },
    returns: TASK,
  },
  'video.progress': {
    name: 'video.progress',
    path: '/v2/ivh/videomaker/broadcastservice/getprogress',
    idempotent: true,
    required: TASK,
    returns: { Status: 'string' },
  },
  'video.makeWithPpt': {
    name: 'video.makeWithPpt',
    path: '/v2/ivh/mediaproduction/mediaproduction/videomakewithppt',
    idempotent: false,
    required: { PPTFileUrl: 'string' },
    returns: TASK,
  },
  'video.pptProgress': {
    name: 'video.pptProgress',
    path: '/v2/ivh/mediaproduction/mediaproduction/getprogress',
    idempotent: true,
    required: TASK,
    returns: { Status: 'string' },
  },
};
