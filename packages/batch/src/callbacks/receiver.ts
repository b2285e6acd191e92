import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeTaskCallback, type TaskCallback } from '@tvs/client';
import { BatchUsageError } from '../errors.js';

/** Where a callback came from: the job and `RequestID` its `CallbackUrl` named. */
export interface CallbackOrigin {
  readonly jobId: string | undefined;
  readonly requestId: string | undefined;
}

/** Options of {@link startCallbackReceiver}. */
export interface CallbackReceiverOptions {
  /** The URL the gateway can reach (under 1000 characters with the added query). */
  publicUrl: string;
  /** Where to listen (default: all interfaces, on the public URL's port). */
  listen?: { host?: string | undefined; port: number } | undefined;
  /** Called for each valid callback. */
  onCallback(callback: TaskCallback, origin: CallbackOrigin): void;
}

/** A listening callback receiver. */
export interface CallbackReceiver {
  /** The port it listens on. */
  readonly port: number;
  /** The `CallbackUrl` for one create: the public URL plus the job id and `RequestID`. */
  urlFor(jobId: string, requestId: string): string;
  /** Callbacks accepted so far. */
  readonly received: number;
  close(): Promise<void>;
}

/** `CallbackUrl` must be under 1000 characters (1240/81268). */
const MAX_CALLBACK_URL = 999;
const MAX_BODY = 64 * 1024;

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Listens for the gateway's task callbacks (POSTed once per task, never retried, unsigned:
 * a hint, `getprogress` stays the truth). Each create's `CallbackUrl` carries its job id and
 * `RequestID`, so a callback can name the task of a create whose answer was lost: the 128-bit
 * `RequestID` is known only to this process and the gateway.
 *
 * @example
 * ```ts
 * const receiver = await startCallbackReceiver({
 *   publicUrl: 'https://batch.example.com/tvs-callback',
 *   listen: { port: 8080 },
 *   onCallback: (callback) => console.log(callback.TaskId, callback.Status),
 * });
 * ```
 */
export async function startCallbackReceiver(
  options: CallbackReceiverOptions,
): Promise<CallbackReceiver> {
  let base: URL;
  try {
    base = new URL(options.publicUrl);
  } catch {
    throw new BatchUsageError(
      `--callback-url must be an absolute http(s) URL, got ${JSON.stringify(options.publicUrl)}`,
    );
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new BatchUsageError('--callback-url must be an http(s) URL');
  }
  const port =
    options.listen?.port ?? (Number(base.port) || (base.protocol === 'https:' ? 443 : 80));
  let received = 0;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://receiver');
    if (request.method !== 'POST' || url.pathname !== base.pathname) {
      response
        .writeHead(request.method === 'POST' ? 404 : 405, { 'content-type': 'text/plain' })
        .end();
      return;
    }
    const body = await readBody(request).catch(() => undefined);
    let callback: TaskCallback | undefined;
    try {
      callback = body === undefined ? undefined : decodeTaskCallback(body);
    } catch {
      callback = undefined;
    }
    if (!callback) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('not a task callback');
      return;
    }
    received++;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    options.onCallback(callback, {
      jobId: url.searchParams.get('job') ?? undefined,
      requestId: url.searchParams.get('rid') ?? undefined,
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(new BatchUsageError(`cannot listen for callbacks on port ${port}: ${error.message}`)),
    );
    server.listen(port, options.listen?.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    urlFor(jobId, requestId) {
      const url = new URL(base);
      url.searchParams.set('job', jobId);
      url.searchParams.set('rid', requestId);
      const href = url.href;
      if (href.length > MAX_CALLBACK_URL)
        throw new BatchUsageError(`the CallbackUrl for ${jobId} is over 999 characters`);
      return href;
    },
    get received() {
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
