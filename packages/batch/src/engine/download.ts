import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { FileRecord } from '../state/job-record.js';

/** A download failed (HTTP status, broken stream); the job keeps its `TaskId` for a re-run. *
 * @example
 * ```ts
 * if (error instanceof DownloadError) console.log('run again to retry the download');
 * ```
 */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/** The extension of each `VideoParam.Format` (1240/81268) and `tts` `Codec` (1240/81267). */
const EXTENSIONS: Readonly<Record<string, string>> = {
  Mp4: 'mp4',
  TransparentWebm: 'webm',
  TransparentMov: 'mov',
  mp3: 'mp3',
  wav: 'wav',
};

/** Folders already created (one `mkdir` per folder, not per file). */
const made = new Set<string>();

/**
 * The extension of a result: from the URL's path when it has one, else from the requested
 * format (`fallback`).
 */
export function extensionOf(url: string, fallback: string): string {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {}
  const fromUrl = /\.([a-z0-9]{2,5})$/i.exec(path)?.[1];
  return (fromUrl ?? EXTENSIONS[fallback] ?? fallback).toLowerCase();
}

/**
 * Streams `url` into `dir/name` through a temporary file in the same folder and a rename, so
 * `dir/name` is either absent or complete; the SHA-256 is computed on the way. The temporary
 * file is removed when anything fails.
 */
export async function downloadFile(
  url: string,
  dir: string,
  name: string,
  kind: FileRecord['kind'],
  options: { signal?: AbortSignal | undefined; fetch?: typeof fetch | undefined } = {},
): Promise<FileRecord> {
  const response = await (options.fetch ?? fetch)(url, { signal: options.signal ?? null });
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => {});
    throw new DownloadError(`HTTP ${response.status} for ${kind} of ${name}`);
  }
  if (!made.has(dir)) {
    await mkdir(dir, { recursive: true });
    made.add(dir);
  }
  const path = join(dir, name);
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.part`);
  const hash = createHash('sha256');
  let bytes = 0;
  const digest = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as NodeReadableStream),
      digest,
      createWriteStream(temp, { flush: true }),
      ...(options.signal ? [{ signal: options.signal }] : []),
    );
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if (options.signal?.aborted) throw error;
    throw new DownloadError(`${kind} of ${name}: ${(error as Error).message}`);
  }
  return { kind, path, bytes, sha256: hash.digest('hex') };
}
