import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { COMMAND_CHANNEL_PATH } from '@tvs/envelope';
import { type WebSocket, WebSocketServer } from 'ws';
import type { MockGateway } from '../create-mock-gateway.js';
import { createResponses } from '../pipeline/responses.js';
import type { ChannelSink } from '../sessions/types.js';
import { writeRaw } from './raw-response.js';
import { requestUrl } from './request-url.js';

/** Largest uplink frame accepted: a 4000-byte text escaped as JSON, with room to spare. */
const MAX_FRAME_BYTES = 256 * 1024;

/** An upgrade refused with an HTTP status and the gateway's error envelope (or nothing). */
function refuseUpgrade(gateway: MockGateway, socket: Duplex, status: number, body: string): void {
  const responses = createResponses(gateway.clock.wallClock);
  void writeRaw(socket, responses.text(status, body, 'application/json;charset=utf-8'));
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
      refuseUpgrade(gateway, socket, 400, '');
      return;
    }
    const url = new URL(href);
    if (
      url.pathname !== COMMAND_CHANNEL_PATH ||
      req.headers.upgrade?.toLowerCase() !== 'websocket'
    ) {
      refuseUpgrade(gateway, socket, 404, '');
      return;
    }
    const verdict = gateway.commandChannel.authorize(url.href);
    if (!verdict.ok) {
      refuseUpgrade(gateway, socket, verdict.httpStatus, verdict.body);
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
