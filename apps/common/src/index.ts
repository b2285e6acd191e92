/**
 * `@tvs/app-common`: what the CLI demo (`apps/demo`) and the web page (`apps/web`) share, so
 * both say the same thing the same way: error explanations (each surface brings its own hints),
 * avatars and voices named and matched, SRT subtitles read into cues, a task's progress in words.
 * @packageDocumentation
 */
export {
  AVATAR_HEADER,
  avatarName,
  avatarRow,
  fitsAvatar,
  type Item,
  key,
  pickAvatar,
  pickVoice,
  scriptLanguage,
  takesText,
  VOICE_HEADER,
  voiceName,
  voiceRow,
} from './assets.js';
export {
  COMMON_HINTS,
  type ExplainContext,
  type Explained,
  explainTvsError,
  RETRY_TASK_HINT,
  type Surface,
} from './explain.js';
export { type Cue, formatCueTime, parseSrt } from './srt.js';
export { describeState, type TaskProgress } from './task-state.js';
