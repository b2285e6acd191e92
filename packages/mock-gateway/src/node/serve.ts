import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS, newRequestId } from '@tvs/envelope';
import type { MockGateway } from '../create-mock-gateway.js';
import { CODES, methodNotAllowed, Refusal } from '../errors.js';
import { createResponses } from '../pipeline/responses.js';
import { requestUrl } from './request-url.js';

/** Bytes read from a body at most: one more than the gateway accepts, so it can refuse with 413. */
const READ_LIMIT = LIMITS.REQUEST_BODY_BYTES + 1;

/** Reads at most READ_LIMIT bytes; the rest is left unread (the connection is closed after). */
function readBody(req: IncomingMessage): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = (truncated: boolean) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve({ body: Buffer.concat(chunks), truncated });
    };
    const onData = (chunk: Buffer) => {
      const room = READ_LIMIT - total;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.length, room);
      if (total >= READ_LIMIT) {
        req.pause();
        done(true);
      }
    };
    const onEnd = () => done(false);
    const onError = (error: Error) => reject(error);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Methods the fetch standard forbids in a `Request` (CONNECT arrives as a `connect` event). */
const FETCH_FORBIDDEN: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** The gateway's refusal of a request the adapter cannot hand over: 400, or 405 for the method. * @internal
 */
export function unsupported(gateway: MockGateway, status: 400 | 405, method: string): Response {
  const responses = createResponses(gateway.clock.wallClock);
  const refusal =
    status === 405
      ? methodNotAllowed(method)
      : new Refusal(
          CODES.invalidParameter,
          'InvalidParameter.Path',
          'the request target is not a path',
          {
            httpStatus: 400,
          },
        );
  return responses.envelope(
    newRequestId(),
    refusal.code,
    refusal.message,
    {},
    {
      status: refusal.httpStatus,
      headers: refusal.headers,
    },
  );
}

/** Resolves when `res` can take more data, or when its connection is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Writes a response as it comes: the headers once the gateway answers, then each chunk of the
 * body (with backpressure). A body that errors (a `cut-body` fault) ends the connection after
 * what was sent; a body that never ends (`stall-body`) keeps it open until the client leaves.
 */
async function send(
  res: ServerResponse,
  response: Response,
  head: boolean,
  close: boolean,
): Promise<void> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  if (close) out['connection'] = 'close';
  res.writeHead(response.status, out);
  if (head || !response.body) {
    await response.body?.cancel().catch(() => {});
    res.end();
    return;
  }
  const reader = response.body.getReader();
  // The client left: stop reading (a stalled body's source is freed by the request's signal).
  res.once('close', () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) await drained(res);
    }
  } catch {
    // What was written stays written; then the connection goes, with the answer incomplete.
    res.socket?.destroySoon();
    return;
  }
  res.end();
}

/**
 * Hands one `node:http` request to the gateway as a standard `Request` and writes its answer as
 * it comes. Bodies are read up to 1 MB + 1 byte (one more makes the gateway refuse with 413, and
 * the rest is never read); the URL is the listening origin with the target's path and query;
 * what a `Request` cannot carry is refused here as the gateway would; the client closing the
 * connection aborts the request's `signal`.
 * @internal
 */
export async function serve(
  gateway: MockGateway,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const method = req.method ?? 'GET';
  const declared = Number(req.headers['content-length'] ?? '0');
  // A body declared over the limit is not read at all; the gateway answers 413 from the header.
  const { body, truncated } =
    method === 'GET' || method === 'HEAD' || declared > READ_LIMIT
      ? { body: Buffer.alloc(0), truncated: declared > READ_LIMIT }
      : await readBody(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (name === 'content-length' || name === 'transfer-encoding' || name === 'connection')
      continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  if (truncated && declared > READ_LIMIT) headers.set('content-length', String(declared));
  const url = requestUrl(req.url ?? '', origin);
  if (url === undefined || FETCH_FORBIDDEN.has(method)) {
    // What a Request cannot carry never reaches the gateway: a target that is not a path (or an
    // http URL), or a method fetch forbids (TRACE, TRACK). Refused here as the gateway would.
    await send(res, unsupported(gateway, url === undefined ? 400 : 405, method), false, true);
    return;
  }
  // The client closing the connection before the answer is complete is the request's abort: a
  // stalled answer or body then lets go of it.
  const left = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished)
      left.abort(new Error('mock gateway: the client closed the connection'));
  });
  const request = new Request(url, {
    method,
    headers,
    signal: left.signal,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
  });
  const response = await gateway.fetch(request);
  // The rest of an oversized body is never read: the connection cannot be reused.
  if (truncated) res.once('finish', () => req.socket.destroy());
  await send(res, response, method === 'HEAD', truncated);
}
