import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ListeningGateway, MockGateway } from '../create-mock-gateway.js';
import { SimulatedNetworkError } from '../faults.js';
import { serveCommandChannel } from './command-channel-server.js';
import { writeRaw } from './raw-response.js';
import { serve, unsupported } from './serve.js';

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
