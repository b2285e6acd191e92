import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { csvCell } from './input/csv.js';
import type { JobRecord } from './state/job-record.js';
import { eachJob, type JobStore } from './state/store.js';

/** One line of the manifest. */
export interface ManifestEntry {
  readonly id: string;
  readonly status: JobRecord['state'];
  readonly taskId: string;
  readonly requestId: string;
  /** The video (or audio) file, and its size and SHA-256. */
  readonly file: string;
  readonly bytes: number | '';
  readonly sha256: string;
  readonly subtitles: string;
  readonly durationMs: number | '';
  readonly failCode: number | string;
  readonly explanation: string;
}

/** The manifest line of a job.
 *
 * @example
 * ```ts
 * const entry = manifestEntry((await store.get('ann'))!);
 * entry.status; // 'downloaded'
 * ```
 */
export function manifestEntry(job: JobRecord): ManifestEntry {
  const media = job.files?.find((f) => f.kind === 'media');
  const subtitles = job.files?.find((f) => f.kind === 'subtitles');
  return {
    id: job.id,
    status: job.state,
    taskId: job.taskId ?? '',
    requestId: job.requestId ?? '',
    file: media?.path ?? '',
    bytes: media?.bytes ?? '',
    sha256: media?.sha256 ?? '',
    subtitles: subtitles?.path ?? '',
    durationMs: job.durationMs ?? '',
    failCode: job.failCode ?? '',
    explanation:
      job.state === 'ambiguous'
        ? `the create may have reached the gateway (RequestID ${job.requestId}); not sent again`
        : (job.explanation ?? ''),
  };
}

const COLUMNS: ReadonlyArray<keyof ManifestEntry> = [
  'id',
  'status',
  'taskId',
  'requestId',
  'file',
  'bytes',
  'sha256',
  'subtitles',
  'durationMs',
  'failCode',
  'explanation',
];

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function finish(stream: NodeJS.WritableStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/**
 * Writes `manifest.csv` and `manifest.jsonl` into `dir` from the store, one line per job in id
 * order (streamed page by page), each through a temporary file and a rename. Columns: id,
 * status, taskId, requestId, file, bytes, sha256, subtitles, durationMs, failCode, explanation.
 *
 * @example
 * ```ts
 * const { csv, jsonl } = await writeManifest(store, 'out');
 * ```
 */
export async function writeManifest(
  store: JobStore,
  dir: string,
): Promise<{ csv: string; jsonl: string }> {
  await mkdir(dir, { recursive: true });
  const csv = join(dir, 'manifest.csv');
  const jsonl = join(dir, 'manifest.jsonl');
  const csvOut = createWriteStream(`${csv}.part`);
  const jsonOut = createWriteStream(`${jsonl}.part`);
  await write(csvOut, `${COLUMNS.join(',')}\n`);
  for await (const job of eachJob(store)) {
    const entry = manifestEntry(job);
    await write(csvOut, `${COLUMNS.map((c) => csvCell(String(entry[c]))).join(',')}\n`);
    await write(jsonOut, `${JSON.stringify(entry)}\n`);
  }
  await Promise.all([finish(csvOut), finish(jsonOut)]);
  await Promise.all([rename(`${csv}.part`, csv), rename(`${jsonl}.part`, jsonl)]);
  return { csv, jsonl };
}
