import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { COMMAND_CHANNEL_PATH } from '@tvs/envelope';
import { type WebSocket, WebSocketServer } from 'ws';
import type { MockGateway } from './create-mock-gateway.js';
import { requestUrl } from './node/request-url.js';
import type { ChannelSink } from './sessions/types.js';

/** Largest uplink frame accepted: a 4000-byte text escaped as JSON, with room to spare. */
const MAX_FRAME_BYTES = 256 * 1024;

const reasons: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
};

function refuseUpgrade(socket: Duplex, status: number, body: string): void {
  if (socket.writable) {
    const bytes = Buffer.from(body, 'utf8');
    socket.end(
      `HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\n` +
        'Content-Type: application/json;charset=utf-8\r\n' +
        `Content-Length: ${bytes.length}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function sinkFor(ws: WebSocket): ChannelSink {
  return {
    send(text) {
      if (ws.readyState === ws.OPEN) ws.send(text);
    },
    close(code, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
    terminate() {
      ws.terminate();
    },
  };
}

/**
 * Serves the command channel (docs/protocol.md §4) on `server` with `ws`: every upgrade request is
 * checked by `gateway.commandChannel.authorize` (path, signature, `requestid` = a started
 * session) and refused with the gateway's error envelope and an HTTP status (401, 404, 409…)
 * before any WebSocket exists; accepted sockets are handed to `gateway.commandChannel.connect`.
 * Binary frames are passed on (and refused by the gateway); frames over 256 KB close the socket.
 * @internal
 */
export function serveCommandChannel(
  server: Server,
  gateway: MockGateway,
  origin: () => string,
): void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const href = requestUrl(req.url ?? '', origin());
    if (href === undefined) {
      refuseUpgrade(socket, 400, '');
      return;
    }
    const url = new URL(href);
    if (
      url.pathname !== COMMAND_CHANNEL_PATH ||
      req.headers.upgrade?.toLowerCase() !== 'websocket'
    ) {
      refuseUpgrade(socket, 404, '');
      return;
    }
    const verdict = gateway.commandChannel.authorize(url.href);
    if (!verdict.ok) {
      refuseUpgrade(socket, verdict.httpStatus, verdict.body);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = gateway.commandChannel.connect(verdict.sessionId, sinkFor(ws));
      ws.on('message', (data, isBinary) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        connection.receive(isBinary ? new Uint8Array(bytes) : bytes.toString('utf8'));
      });
      ws.on('close', () => connection.closed());
      ws.on('error', () => {});
    });
  });
}
