// The payload types of the video operations: https://cloud.tencent.com/document/product/1240/81268
// (videomake), 1240/81269 (videomakeadvanced), 1240/116222 (videomakenotrain), 1240/118475
// (phototovideonotrain), 1240/81267 (tts), 1240/81270 (getprogress), 1240/130020 and 1240/130021
// (PPT), 1240/81279 (the task callback).
import type { JsonObject } from '../envelope-types.js';

/**
 * What drives a video: `Text` (the default: `InputSsml`), `OriginalVoice` (a recording,
 * `InputAudioUrl`), or `ModulatedVoice` (a recording re-voiced with the avatar's timbre). The
 * readable part of 1240/81268 ends after `Text` and `OriginalVoice`, and the notrain and photo
 * pages (1240/116222, 1240/118475) list only those two: `ModulatedVoice` is kept for
 * `videomake`, unconfirmed by what could be read. Open: Tencent adds values.
 */
export type VideoDriverType = 'Text' | 'OriginalVoice' | 'ModulatedVoice' | (string & {});

/** Voice settings of text-driven speech (1240/81268). */
export interface SpeechParam {
  /** Speaking rate, 0.5–1.5 (1.0 is normal). Ignored for audio-driven videos. */
  Speed?: number;
  /** The timbre (voice); the avatar's own when absent. */
  TimbreKey?: string;
  /** Loudness 0–10, 0 (the default) normal. The timbres male_1–20 and female_1–23 ignore it. */
  Volume?: number;
  /** Emotion, for timbres with several (see the timbre list's `EmotionalCategories`). */
  EmotionCategory?: string;
  /** Strength of the emotion, 50–200; only with `EmotionCategory`. */
  EmotionIntensity?: number;
  /** Language, for multilingual timbres: must match the text (see the timbre list's `TimbreLanguages`). */
  TimbreLanguage?: string;
  [key: string]: unknown;
}

/**
 * Output settings of a rendered video (1240/81268). `Format`: `TransparentWebm` (WebM with an
 * alpha channel; the default of `videomake`), `TransparentMov` (scripts of at most 2,000
 * characters), or `Mp4` (green screen; the default of `videomakeadvanced`). The English page
 * (1211/62087, 2024) names the green-screen value `GreenScreenMp4`; the newer Chinese page
 * (2025-12) names it `Mp4`. Open: Tencent adds values.
 */
export interface VideoParam {
  Format?: 'TransparentWebm' | 'TransparentMov' | 'Mp4' | 'GreenScreenMp4' | (string & {});
  [key: string]: unknown;
}

/** Fields of the task-creating video calls. */
interface TaskOptions {
  /**
   * Where the gateway POSTs the result once (under 1000 characters; never re-sent, whatever
   * goes wrong): decode the body with `decodeTaskCallback`. A hint: `getprogress` is the truth.
   */
  CallbackUrl?: string;
  /** Your S3-protocol storage URL for the video; without it results are kept 7 days. */
  VideoStorageS3Url?: string;
  /** Your S3-protocol storage URL for the subtitles. */
  SubtitleStorageS3Url?: string;
}

/** Request of `video.make` (`videomake`, 1240/81268): a broadcast video of a trained avatar. */
export interface VideoMakeRequest extends TaskOptions {
  /** The avatar: role, clothing, pose and resolution. */
  VirtualmanKey: string;
  /**
   * The script, SSML allowed, no line breaks: at most 20,000 characters (2,000 with
   * `TransparentMov`). Required when `DriverType` is `Text` or absent.
   */
  InputSsml?: string;
  /** Required by the English page (1211/62087); the Chinese page renders no required column. */
  SpeechParam: SpeechParam & { Speed: number };
  VideoParam?: VideoParam;
  /** `Text` when absent. */
  DriverType?: VideoDriverType;
  /** The recording that drives the avatar, for the audio driver types. */
  InputAudioUrl?: string;
  [key: string]: unknown;
}

/**
 * Request of `video.makeAdvanced` (`videomakeadvanced`, 1240/81269): as {@link VideoMakeRequest}
 * (but `VideoParam.Format` defaults to `Mp4`), plus logo, background, anchor position,
 * intro/outro and subtitle parameters, passed through unchanged (their rows are beyond what
 * could be read of the page).
 */
export interface VideoMakeAdvancedRequest extends VideoMakeRequest {}

/**
 * Request of `video.makeNoTrain` (`videomakenotrain`, 1240/116222): a lip-synced video from a
 * reference clip, no training.
 */
export interface VideoMakeNoTrainRequest extends TaskOptions {
  /**
   * The reference video: mp4, mov or avi with H.264, at most 5 GB, 360–4096 px a side, 1 s to
   * 20 min (1240/116222, 2026-01; the older 1211/73472 allowed 600 s unless `ConcurrencyType` is
   * `Exclusive`).
   */
  RefVideoUrl: string;
  /** `Text` (needs `InputSsml` and `SpeechParam`) or `OriginalVoice` (needs `InputAudioUrl`). */
  DriverType: VideoDriverType;
  /** Written authorisation (PDF under 10 MB). */
  IdentityWrittenUrl?: string;
  /** Authorisation as a video: mp4, under 5 GB. */
  IdentityVideoUrl?: string;
  /** The recording, for `OriginalVoice`: wav, mp3, wma, m4a, aac or ogg, 1 s to 20 min, at most 100 MB. */
  InputAudioUrl?: string;
  /** The script, for `Text`: 4–2,000 characters. */
  InputSsml?: string;
  /** Required for `Text` ("DriverType 为 Text 时,该字段必填", 1240/116222). */
  SpeechParam?: SpeechParam;
  /** The concurrency pool: `Shared` or `Exclusive`. */
  ConcurrencyType?: 'Shared' | 'Exclusive' | (string & {});
  [key: string]: unknown;
}

/** Request of `video.photoToVideo` (`phototovideonotrain`, 1240/118475): a talking video from one photo. */
export interface PhotoToVideoRequest extends TaskOptions {
  /** The photo: JPG, PNG, BMP or WEBP, at most 6 MB (the older English page: 10 MB), 192–4096 px a side, aspect 1:2–2:1. */
  RefPhotoUrl: string;
  /** `Text` (needs `InputSsml` and `SpeechParam`) or `OriginalVoice` (needs `InputAudioUrl`). */
  DriverType: VideoDriverType;
  /** The recording: 2–60 s of wav, mp3, wma, m4a, aac or ogg, at most 10 MB. */
  InputAudioUrl?: string;
  /** The script, 4–300 characters. */
  InputSsml?: string;
  /** Required for `Text`, with `Speed` and `TimbreKey`. */
  SpeechParam?: SpeechParam;
  [key: string]: unknown;
}

/** Request of `video.tts` (`tts`, 1240/81267): audio only. Give `TimbreKey` or `VirtualmanKey`. */
export interface TtsRequest {
  /** The timbre; required when `VirtualmanKey` is empty. */
  TimbreKey?: string;
  /** An avatar whose timbre to use; required when `TimbreKey` is empty. */
  VirtualmanKey?: string;
  /** The text, SSML allowed, at most 20,000 characters. */
  InputSsml: string;
  /** Speaking rate, 0.5–1.5 (1.0 is normal). A top-level field here, not in `SpeechParam`. */
  Speed: number;
  /** Your S3-protocol storage URL for the audio. */
  AudioStorageS3Url?: string;
  /** Hertz: 24000 (the default) or 16000. */
  SampleRate?: 24000 | 16000 | (number & {});
  /** `mp3` (the default) or `wav`. */
  Codec?: 'mp3' | 'wav' | (string & {});
  /** Longest sentence of the timestamps, 0–999 characters (0 or absent: 30). */
  SentenceMaxWords?: number;
  /** Punctuation kept in the sentences: `"0"` none, `"1"` (the default) all, or the marks to keep. */
  SentenceDisplayPunctuation?: string;
  /** The marks sentences are split at. */
  SentenceSplitPunctuation?: string;
  /** Loudness 0–10, 0 (the default) normal. */
  Volume?: number;
  EmotionCategory?: string;
  /** 50–200; only with `EmotionCategory`. */
  EmotionIntensity?: number;
  TimbreLanguage?: string;
  // No `CallbackUrl`: 1240/81267's request table has none (poll `getprogress`).
  [key: string]: unknown;
}

/**
 * Request of `video.makeWithPpt` (`videomakewithppt`, 1240/130020). One PPT task at a time per
 * account. The page renders no required column; `PPTFileUrl` is the only field it cannot do
 * without.
 */
export interface VideoMakeWithPptRequest {
  /** The deck: ppt, pptx or pdf, at most 100 MB and 50 pages. */
  PPTFileUrl: string;
  /** Defaults for every page (`AdaptationType` 0 stretch / 1 scale, `BackgroundColor` `#RRGGBB`, `ShowSubtitles`, `LogoParams`, `SpeechParam`, `VideoParam`); a page's own setting wins. */
  GlobalConfig?: JsonObject;
  /** Per-page avatar, speech and video settings, at most one per page. */
  PageConfigs?: JsonObject[];
  // No `CallbackUrl`: 1240/130020 has none, and returns the video through the PPT progress call.
  [key: string]: unknown;
}

/** Request of the progress calls. */
export interface ProgressRequest {
  /** The task's id. Some older examples send a number; the pages type it as a string. */
  TaskId: string;
}

/** A rendering task's state: `COMMIT` (queued) → `MAKING` → `SUCCESS` | `FAIL`. Open. */
export type VideoTaskStatus = 'COMMIT' | 'MAKING' | 'SUCCESS' | 'FAIL' | (string & {});

/** One sentence of the spoken text with the timings of its characters. */
export interface TextTimestamp {
  Sentence: string;
  Words: Array<{
    /** One character of the sentence. */
    Word: string;
    /** Start, in units of 0.1 µs: divide by 10,000 for milliseconds. */
    StartTimestamp: number;
    /** End, in units of 0.1 µs: divide by 10,000 for milliseconds. */
    EndTimestamp: number;
  }>;
}

/**
 * Response of `video.progress` (`getprogress`, 1240/81270). The page marks `Status` required,
 * but its examples leave it out, so the SDK checks nothing here: read `Status` when present, and
 * `Progress` (100 done, −1 failed) otherwise.
 */
export interface VideoProgress {
  Status?: VideoTaskStatus;
  /** −1 failed, 100 done; the page calls it a reserved field of no reference value. */
  Progress?: number;
  /** Tasks queued ahead of this one, while `COMMIT`. */
  ArrayCount?: number;
  /** The result, once done: kept 7 days unless `VideoStorageS3Url` was given. */
  MediaUrl?: string;
  /** Subtitles (SRT), for text-driven videos. */
  SubtitlesUrl?: string;
  /**
   * Why it failed; 0 otherwise. 1240/130021 leaves the row's description empty and links no
   * table: read with `describeFailCode` (the FailCodes of 1240/81277), which is assumed.
   */
  FailCode?: number;
  FailMessage?: string;
  /** Length of the result, milliseconds. */
  Duration?: number;
  /** Sentence and character timings of a `tts` task. */
  TextTimestampResult?: TextTimestamp[];
  [key: string]: unknown;
}

/**
 * Response of `video.pptProgress` (1240/130021): `Progress`, `MediaUrl`, `Status`, `FailCode`,
 * `FailMessage`, `Duration` (ms). The documented success answer has no `Status`.
 */
export interface PptProgress {
  Status?: VideoTaskStatus;
  /** −1 failed, 100 done (a reserved field, says the page). */
  Progress?: number;
  /** The video, once done: kept 7 days. */
  MediaUrl?: string;
  /** Why it failed: a task `FailCode` (see `describeFailCode`); 0 otherwise. */
  FailCode?: number;
  FailMessage?: string;
  /** Length of the video, milliseconds. */
  Duration?: number;
  [key: string]: unknown;
}
