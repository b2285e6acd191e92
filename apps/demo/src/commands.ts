import { describeState } from '@tvs/app-common';
import { TvsTaskFailedError } from '@tvs/client';
import {
  AVATAR_HEADER,
  avatarRow,
  avatars,
  type Item,
  pickAvatar,
  pickVoice,
  VOICE_HEADER,
  voiceRow,
  voices,
} from './assets.js';
import type { Connection } from './connect.js';
import { UsageError } from './settings.js';
import { formatSeconds, table } from './ui.js';
import { type Format, makeVideo, NO_TEXT_AVATAR, type Run, type VideoResult } from './video.js';
import { watchTask } from './watch-task.js';

/** The sample script of the default run. */
export const SAMPLE_SCRIPT =
  "Hello, I am a digital human. Tencent Cloud's TVS gateway rendered this video from this very text. One call made it, a few more watched it render, and here I am.";

function printTable(run: Run, title: string, header: string[], rows: string[][]): void {
  run.ui.heading(title);
  const [head, ...body] = table([header, ...rows]);
  run.ui.line(`  ${run.ui.style('dim', head ?? '')}`);
  for (const row of body) run.ui.line(`  ${row}`);
}

/** The first `count` items, with `item` among them (in the last place when it is further down). */
function including(items: readonly Item[], item: Item | undefined, count: number): Item[] {
  const first = items.slice(0, count);
  if (item === undefined || first.includes(item)) return first;
  return [...first.slice(0, count - 1), item];
}

/** Table rows with the item the video uses marked: `▸` in front, a note at the end. */
function markedRows(
  run: Run,
  items: readonly Item[],
  used: Item | undefined,
  row: (item: Item) => string[],
) {
  return items.map((item) => {
    const mark = item === used;
    return [
      mark ? '▸' : '',
      ...row(item),
      mark ? run.ui.style('bold', '← the video uses this one') : '',
    ];
  });
}

/**
 * The default run: a few avatars and voices, then one video from the sample script with the
 * avatar and voice it picks from them. The tables show those two, marked, even when they are
 * further down the lists.
 */
export async function tour(
  connection: Connection,
  run: Run,
  options: { outDir: string | undefined; self: string },
): Promise<{ avatars: Item[]; voices: Item[]; video: VideoResult }> {
  const { client } = connection;
  const { signal } = run;
  const shown = 3;
  const [avatarPage, voicePage] = await Promise.all([
    client.assets.listAvatars({ PageIndex: 1, PageSize: 20 }, { signal }),
    client.assets.listTimbres({ PageIndex: 1, PageSize: 100 }, { signal }),
  ]);
  const allAvatars = (avatarPage.Virtualmans ?? []) as Item[];
  const allVoices = (voicePage.TimbreAssets ?? []) as Item[];
  const avatar = pickAvatar(allAvatars);
  if (avatar === undefined) throw new UsageError(NO_TEXT_AVATAR);
  const voice = pickVoice(allVoices, avatar, SAMPLE_SCRIPT);
  const shownAvatars = including(allAvatars, avatar, shown);
  const shownVoices = including(allVoices, voice, shown);
  const of = (total: unknown, count: number) => (typeof total === 'number' ? total : count);
  run.ui.line();
  printTable(
    run,
    `Avatars (${shownAvatars.length} of ${of(avatarPage.Total, allAvatars.length)}; all: ${options.self} avatars)`,
    ['', ...AVATAR_HEADER, ''],
    markedRows(run, shownAvatars, avatar, avatarRow),
  );
  run.ui.line();
  printTable(
    run,
    `Voices (${shownVoices.length} of ${of(voicePage.Total, allVoices.length)}; all: ${options.self} voices)`,
    ['', ...VOICE_HEADER, ''],
    markedRows(run, shownVoices, voice, voiceRow),
  );
  run.ui.line();
  const video = await makeVideo(connection, run, {
    text: SAMPLE_SCRIPT,
    format: 'Mp4',
    outDir: options.outDir,
    subtitleLines: 3,
    picked: { avatar, voice },
  });
  return { avatars: shownAvatars, voices: shownVoices, video };
}

export async function video(
  connection: Connection,
  run: Run,
  options: {
    text: string;
    avatar?: string | undefined;
    voice?: string | undefined;
    format: Format;
    outDir: string | undefined;
  },
): Promise<{ video: VideoResult }> {
  if (options.text.trim() === '') throw new UsageError('The text to speak is empty.');
  run.ui.line();
  return { video: await makeVideo(connection, run, { ...options, subtitleLines: 5 }) };
}

export async function listAvatars(
  connection: Connection,
  run: Run,
  limit: number,
): Promise<{ avatars: Item[] }> {
  const items = await avatars(connection.client, run.signal, limit);
  run.ui.line();
  printTable(run, `Avatars (${items.length})`, AVATAR_HEADER, items.map(avatarRow));
  return { avatars: items };
}

export async function listVoices(
  connection: Connection,
  run: Run,
  limit: number,
): Promise<{ voices: Item[] }> {
  const items = await voices(connection.client, run.signal, limit);
  run.ui.line();
  printTable(run, `Voices (${items.length})`, VOICE_HEADER, items.map(voiceRow));
  return { voices: items };
}

/** One `getprogress`, or with `wait` the live view until the task ends. */
export async function progress(
  connection: Connection,
  run: Run,
  taskId: string,
  wait: boolean,
): Promise<{ taskId: string; progress: Record<string, unknown> }> {
  const { client } = connection;
  run.taskId = taskId;
  const result = wait
    ? await watchTask(client, run.ui, taskId, {
        signal: run.signal,
        pollInterval: connection.pollInterval,
        maxPollInterval: connection.maxPollInterval,
      })
    : await client.video.progress({ TaskId: taskId }, { signal: run.signal });
  // A failed task is an error of this command, explained like any other.
  if (result.Status === 'FAIL') throw new TvsTaskFailedError(taskId, result);
  const { phase, detail } = describeState(result);
  run.ui.line();
  run.ui.heading(`Task ${taskId}: ${phase}${detail ? `, ${detail}` : ''}`);
  const rows: string[][] = [['status', String(result.Status)]];
  if (result.MediaUrl) rows.push(['video', result.MediaUrl]);
  if (result.SubtitlesUrl) rows.push(['subtitles', result.SubtitlesUrl]);
  if (result.Duration !== undefined) rows.push(['duration', formatSeconds(result.Duration)]);
  for (const row of table(rows)) run.ui.line(`  ${row}`);
  return { taskId, progress: result };
}
