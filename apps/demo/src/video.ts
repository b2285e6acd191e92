import { randomBytes } from 'node:crypto';
import { formatCueTime, parseSrt } from '@tvs/app-common';
import {
  avatarName,
  avatars,
  type Item,
  key,
  pickAvatar,
  pickVoice,
  voiceName,
  voices,
} from './assets.js';
import type { Connection } from './connect.js';
import { type Downloaded, download, fileNameFor } from './download.js';
import { UsageError } from './settings.js';
import { formatSeconds, type Ui } from './ui.js';
import { type VideoProgress, watchTask } from './watch-task.js';

/** What a command runs with. */
export interface Run {
  readonly ui: Ui;
  /** Aborted by Ctrl-C; passed to every call. */
  readonly signal: AbortSignal;
  /** What was submitted so far, for the message when the run is cancelled or fails. */
  taskId?: string | undefined;
  requestId?: string | undefined;
}

/** `VideoParam.Format` values. */
export const FORMATS = ['Mp4', 'TransparentWebm', 'TransparentMov'] as const;
export type Format = (typeof FORMATS)[number];

export interface VideoOptions {
  text: string;
  /** A `VirtualmanKey`, or the account's first text-driven avatar. */
  avatar?: string | undefined;
  /** A `TimbreKey`, or a voice that fits the avatar and the text's language. */
  voice?: string | undefined;
  format: Format;
  /** Where to save the video; `undefined` to skip the download. */
  outDir: string | undefined;
  /** Subtitle lines to show. */
  subtitleLines: number;
  /** The avatar and voice already picked (the tour shows them first), instead of `avatar`/`voice`. */
  picked?: { avatar: Item; voice: Item | undefined } | undefined;
}

/** Said when an account has no avatar to make a video from text. */
export const NO_TEXT_AVATAR =
  'This account has no avatar that can be driven by text: create one in the TVS console first.';

/** What a video command gives `--json` (the shapes are in the README). */
export interface VideoResult {
  taskId: string;
  requestId: string;
  /** The `VirtualmanKey` used. */
  avatar: string;
  /** The `TimbreKey` used, or `undefined` for the avatar's own voice. */
  voice: string | undefined;
  format: Format;
  /** From the request to the end of the render (download and subtitles not included), whole ms. */
  ms: number;
  /** The last `getprogress` Payload, as the gateway sent it. */
  progress: VideoProgress;
  file?: Downloaded | undefined;
  /** The first cues, start and end in whole ms. */
  subtitles: Array<{ start: number; end: number; text: string }>;
}

/** Picks the avatar and voice the options leave open, from the account's assets. */
async function chooseAssets(
  connection: Connection,
  run: Run,
  options: VideoOptions,
): Promise<{ avatar: string; voice: string | undefined; label: string }> {
  const { client } = connection;
  let avatar: string;
  let avatarLabel: string;
  let avatarItem: Item = {};
  if (options.avatar !== undefined && options.picked === undefined) {
    avatar = options.avatar;
    avatarLabel = avatar;
  } else {
    const chosen = options.picked?.avatar ?? pickAvatar(await avatars(client, run.signal, 20));
    if (chosen === undefined) throw new UsageError(NO_TEXT_AVATAR);
    avatarItem = chosen;
    avatar = key(chosen, 'VirtualmanKey');
    avatarLabel = `${avatarName(chosen)} ${run.ui.style('dim', avatar)}`;
  }
  if (options.voice !== undefined && options.picked === undefined) {
    return { avatar, voice: options.voice, label: `avatar ${avatarLabel}, voice ${options.voice}` };
  }
  const chosenVoice = options.picked
    ? options.picked.voice
    : pickVoice(await voices(client, run.signal, 100), avatarItem, options.text);
  const voice = chosenVoice ? key(chosenVoice, 'TimbreKey') : undefined;
  const voiceLabel = chosenVoice
    ? `${voiceName(chosenVoice)} ${run.ui.style('dim', voice ?? '')}`
    : "the avatar's own";
  return { avatar, voice, label: `avatar ${avatarLabel}, voice ${voiceLabel}` };
}

async function firstSubtitles(
  url: string | undefined,
  progress: VideoProgress,
  count: number,
  signal: AbortSignal,
): Promise<VideoResult['subtitles']> {
  if (url) {
    const response = await fetch(url, { signal });
    if (response.ok) return parseSrt(await response.text()).slice(0, count);
  }
  // Without an SRT file, the sentences' word timings say the same: in units of 0.1 µs,
  // 10,000 to the millisecond (1240/81270).
  const ms = (units: number | undefined) => Math.round((units ?? 0) / 10_000);
  return (progress.TextTimestampResult ?? []).slice(0, count).map((sentence) => ({
    start: ms(sentence.Words[0]?.StartTimestamp),
    end: ms(sentence.Words.at(-1)?.EndTimestamp),
    text: sentence.Sentence,
  }));
}

/**
 * The main job: submit a text-to-video task, watch it render, print where the results are,
 * download the video and show the first subtitles.
 */
export async function makeVideo(
  connection: Connection,
  run: Run,
  options: VideoOptions,
): Promise<VideoResult> {
  const { client } = connection;
  const { ui, signal } = run;
  const started = performance.now();
  const { avatar, voice, label } = await chooseAssets(connection, run, options);

  ui.heading(`Making a video (${options.format}) with ${label}`);
  const quoted = options.text.length > 200 ? `${options.text.slice(0, 197)}...` : options.text;
  ui.line(`  "${quoted}"`);
  const requestId = randomBytes(16).toString('hex');
  run.requestId = requestId;
  const { TaskId } = await client.video.make(
    {
      VirtualmanKey: avatar,
      InputSsml: options.text,
      SpeechParam: { Speed: 1, ...(voice === undefined ? {} : { TimbreKey: voice }) },
      VideoParam: { Format: options.format },
    },
    { signal, requestId },
  );
  run.taskId = TaskId;
  ui.line(
    `  task ${ui.style('bold', TaskId)} accepted ${ui.style('dim', `(RequestID ${requestId})`)}`,
  );

  const progress = await watchTask(client, ui, TaskId, {
    signal,
    pollInterval: connection.pollInterval,
    maxPollInterval: connection.maxPollInterval,
  });
  const ms = Math.round(performance.now() - started);
  ui.line();
  ui.heading('Result');
  ui.line(`  video      ${progress.MediaUrl ?? '(none)'}`);
  ui.line(`  subtitles  ${progress.SubtitlesUrl ?? '(none)'}`);
  ui.line(
    `  duration   ${progress.Duration === undefined ? '(unknown)' : formatSeconds(progress.Duration)}`,
  );

  let file: Downloaded | undefined;
  if (options.outDir !== undefined && progress.MediaUrl) {
    file = await download(
      progress.MediaUrl,
      options.outDir,
      fileNameFor(TaskId, progress.MediaUrl, options.format),
      ui,
      signal,
    );
  }

  const subtitles = await firstSubtitles(
    progress.SubtitlesUrl,
    progress,
    options.subtitleLines,
    signal,
  );
  if (subtitles.length > 0) {
    ui.line();
    ui.heading(`Subtitles (first ${subtitles.length})`);
    for (const cue of subtitles) {
      ui.line(
        `  ${ui.style('dim', `${formatCueTime(cue.start)} → ${formatCueTime(cue.end)}`)}  ${cue.text}`,
      );
    }
  }
  return {
    taskId: TaskId,
    requestId,
    avatar,
    voice,
    format: options.format,
    ms,
    progress,
    file,
    subtitles,
  };
}
