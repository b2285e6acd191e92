import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import { DownloadError } from './explain.js';
import { formatBytes, formatSeconds, type Ui } from './ui.js';

/** The extension of each `VideoParam.Format`. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  Mp4: 'mp4',
  TransparentWebm: 'webm',
  TransparentMov: 'mov',
};

/** `out/<taskId>.<ext>`: the extension from the URL's path, else from the format. */
export function fileNameFor(taskId: string, mediaUrl: string, format: string): string {
  const fromUrl = /\.([a-z0-9]{2,5})$/i.exec(new URL(mediaUrl).pathname)?.[1];
  const safeId = taskId.replace(/[^\w.-]/g, '_');
  return `${safeId}.${(fromUrl ?? EXTENSIONS[format] ?? 'mp4').toLowerCase()}`;
}

export interface Downloaded {
  path: string;
  bytes: number;
  ms: number;
}

/**
 * Downloads `url` into `dir/name`, with a byte bar on a terminal and a line every quarter
 * otherwise. A partial file is removed when the download fails or is cancelled.
 */
export async function download(
  url: string,
  dir: string,
  name: string,
  ui: Ui,
  signal: AbortSignal,
): Promise<Downloaded> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    signal.throwIfAborted();
    throw new DownloadError(`Could not download ${url}: ${(error as Error).message}`);
  }
  if (!response.ok || response.body === null) {
    throw new DownloadError(`Could not download ${url}: HTTP ${response.status}`);
  }
  const total = Number(response.headers.get('content-length')) || 0;
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  const bar =
    ui.tty && total > 0
      ? new SingleBar({
          stream: process.stdout,
          format: '  download  |{bar}| {percentage}%  {done} of {size}',
          barCompleteChar: '█',
          barIncompleteChar: '░',
          barsize: 30,
          hideCursor: true,
        })
      : undefined;
  bar?.start(total, 0, { done: formatBytes(0), size: formatBytes(total) });
  let bytes = 0;
  let quarter = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      bar?.update(bytes, { done: formatBytes(bytes) });
      if (!bar && !ui.json && total > 0) {
        while (quarter < 3 && bytes >= (total * (quarter + 1)) / 4) {
          quarter++;
          if (bytes < total) ui.line(`  download  ${quarter * 25}%  ${formatBytes(bytes)}`);
        }
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      counter,
      createWriteStream(path),
      { signal },
    );
  } catch (error) {
    await rm(path, { force: true });
    signal.throwIfAborted();
    throw new DownloadError(`Could not download ${url}: ${(error as Error).message}`);
  } finally {
    bar?.stop();
  }
  const ms = Math.round(performance.now() - started);
  ui.line(`  saved ${path} (${formatBytes(bytes)} in ${formatSeconds(ms)})`);
  return { path, bytes, ms };
}
