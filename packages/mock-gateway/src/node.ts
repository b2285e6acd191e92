/**
 * `@tvs/mock-gateway/node`: serves a mock gateway over `node:http`. The only module of the
 * package that uses Node APIs (besides the CLI).
 * @packageDocumentation
 */

import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { LIMITS, newRequestId } from '@tvs/envelope';
import { serveCommandChannel } from './command-channel-server.js';
import type { ListeningGateway, MockGateway } from './create-mock-gateway.js';
import { CODES, methodNotAllowed, Refusal } from './errors.js';
import { SimulatedNetworkError } from './faults.js';
import { requestUrl } from './node/request-url.js';
import { createResponses } from './responses.js';

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

/** The gateway's refusal of a request the adapter cannot hand over: 400, or 405 for the method. */
function unsupported(gateway: MockGateway, status: 400 | 405, method: string): Response {
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

/** Writes a whole response straight to a socket (no `ServerResponse` exists), then closes it. */
async function writeRaw(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  let head = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n`;
  response.headers.forEach((value, name) => {
    head += `${name}: ${value}\r\n`;
  });
  const bytes = Buffer.concat([Buffer.from(`${head}connection: close\r\n\r\n`), body]);
  if (socket.writable) socket.end(bytes, () => socket.destroy());
  else socket.destroy();
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

async function serve(
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

/**
 * Serves `gateway` on 127.0.0.1 (`port` 0, the default, picks a free one). Requests become
 * standard `Request`s for `gateway.fetch`; bodies are read up to 1 MB (one byte more makes
 * the gateway refuse with 413, and the rest is never read); reset faults destroy the socket;
 * malformed HTTP gets a 400 and a closed connection; slow clients time out. Never crashes on
 * hostile input. The command channel (a WebSocket, docs/protocol.md §4) is served on the same port.
 *
 * @example
 * ```ts
 * import { createMockGateway } from '@tvs/mock-gateway';
 * import { listen } from '@tvs/mock-gateway/node';
 * const server = await listen(createMockGateway({ credentials: [{ appkey: 'k', accessToken: 't' }] }));
 * console.log(server.url);
 * await server.close();
 * ```
 */
export async function listen(gateway: MockGateway, port = 0): Promise<ListeningGateway> {
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new TypeError('listen: port must be an integer between 0 and 65535');
  }
  const sockets = new Set<Socket>();
  let origin = '';
  const server = createServer(
    { requestTimeout: 15_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      serve(gateway, origin, req, res).catch((error: unknown) => {
        if (res.destroyed) return; // the client left first
        if (!(error instanceof SimulatedNetworkError) && !res.headersSent) {
          try {
            res.writeHead(500, { 'content-type': 'text/plain', connection: 'close' });
            res.end('mock gateway: internal error');
            return;
          } catch {
            // fall through to destroying the socket
          }
        }
        req.socket.destroy();
      });
    },
  );
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  serveCommandChannel(server, gateway, () => origin);
  // CONNECT (a proxy tunnel) is no method of the gateway's: 405, then the connection closes.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => {});
    void writeRaw(socket, unsupported(gateway, 405, 'CONNECT'));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: origin,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

export type { ListeningGateway } from './create-mock-gateway.js';
