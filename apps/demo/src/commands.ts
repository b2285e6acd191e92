import { describeState } from '@tvs/app-common';
import { TvsTaskFailedError } from '@tvs/client';
import { createSigner } from '@tvs/signer';
import {
  AVATAR_HEADER,
  avatarRow,
  avatars,
  type Item,
  VOICE_HEADER,
  voiceRow,
  voices,
} from './assets.js';
import type { Connection } from './connect.js';
import { MOCK_CREDENTIALS, readTarget, UsageError } from './settings.js';
import { formatSeconds, table } from './ui.js';
import { type Format, makeVideo, type Run, type VideoResult } from './video.js';
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

/** The default run: a few avatars and voices, then one video from the sample script. */
export async function tour(
  connection: Connection,
  run: Run,
  options: { outDir: string | undefined },
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
  const of = (total: unknown, count: number) => (typeof total === 'number' ? total : count);
  run.ui.line();
  printTable(
    run,
    `Avatars (${Math.min(shown, allAvatars.length)} of ${of(avatarPage.Total, allAvatars.length)}; all: tvs-demo avatars)`,
    AVATAR_HEADER,
    allAvatars.slice(0, shown).map(avatarRow),
  );
  run.ui.line();
  printTable(
    run,
    `Voices (${Math.min(shown, allVoices.length)} of ${of(voicePage.Total, allVoices.length)}; all: tvs-demo voices)`,
    VOICE_HEADER,
    allVoices.slice(0, shown).map(voiceRow),
  );
  run.ui.line();
  const video = await makeVideo(connection, run, {
    text: SAMPLE_SCRIPT,
    format: 'Mp4',
    outDir: options.outDir,
    subtitleLines: 3,
    known: { avatars: allAvatars, voices: allVoices },
  });
  return { avatars: allAvatars.slice(0, shown), voices: allVoices.slice(0, shown), video };
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

/** Where a bare path is signed for, without credentials: `tvs-mock-gateway`'s default address. */
const MOCK_CLI_URL = 'http://127.0.0.1:8787';

/**
 * Signs a URL for curl: the signed URL alone on stdout, how to use it on stderr. Signs with the
 * credentials from the environment, or without them with the mock gateway's demo credentials.
 * The access token is never printed.
 */
export function sign(
  run: Run,
  input: string,
): { url: string; appkey: string; timestamp: string; expiresAt: string; mock: boolean } {
  const target = readTarget();
  if (target.kind === 'proxy') {
    throw new UsageError('Nothing to sign with: TVS_BASE_URL is set but the credentials are not.', [
      'Set TVS_APPKEY and TVS_ACCESS_TOKEN, or unset TVS_BASE_URL to sign for the mock gateway.',
    ]);
  }
  const credentials =
    target.kind === 'gateway'
      ? { appkey: target.appkey, accessToken: target.accessToken }
      : MOCK_CREDENTIALS;
  const base = target.kind === 'gateway' ? target.baseUrl : MOCK_CLI_URL;
  let url: URL;
  try {
    url = new URL(input.startsWith('/') ? `${base}${input}` : input);
  } catch {
    throw new UsageError(`Not a URL or path: "${input}".`, [
      'Give a full URL, or a path such as /v2/ivh/videomaker/broadcastservice/getprogress.',
    ]);
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new UsageError(`Only http(s) and ws(s) URLs are signed, got ${url.protocol}`);
  }
  const signed = createSigner(credentials).signUrl(url.href);
  const params = new URL(signed).searchParams;
  const timestamp = params.get('timestamp') ?? '';
  const expiresAt = new Date((Number(timestamp) + 300) * 1000).toISOString();
  if (!run.ui.json) {
    run.ui.line(signed);
    const who =
      target.kind === 'gateway'
        ? `appkey ${credentials.appkey}`
        : `the mock gateway's demo appkey ${credentials.appkey} (no TVS_APPKEY/TVS_ACCESS_TOKEN set; serve it with tvs-mock-gateway)`;
    run.ui.error(`Signed with ${who}; the gateway accepts it until ${expiresAt} (±5 minutes).`);
    run.ui.error(
      `Try: curl -sS -X POST -H 'Content-Type: application/json;charset=utf-8' -d '{"Header":{},"Payload":{}}' '${signed}'`,
    );
  }
  return {
    url: signed,
    appkey: credentials.appkey,
    timestamp,
    expiresAt,
    mock: target.kind === 'mock',
  };
}
