/**
 * `@tvs/app-common`: what the CLI demo (`apps/demo`) and the web page (`apps/web`) share, so
 * both say the same thing the same way: error explanations (each surface brings its own hints),
 * SRT subtitles read into cues, and a task's progress in words.
 * @packageDocumentation
 */
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
