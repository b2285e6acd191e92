import { CHANNEL_PROTOCOL, isWebSocketUpgrade, offeredProtocols } from './auth.js';
import { pipeChannel } from './channel-pipe.js';
import type { Config } from './config.js';
import { refuse } from './errors.js';
import { log } from './log.js';
import { readBounded } from './read-bounded.js';
import {
  socketPair,
  switchingProtocols,
  upgradedSocket,
  type WorkerSocket,
} from './workers-runtime.js';

/**
 * The command channel's path: the gateway's own (Tencent, 创建长连接通道,
 * https://cloud.tencent.com/document/product/1240/100396; English
 * https://www.tencentcloud.com/document/product/1211/62112), so a client pointed at the Worker
 * builds the same URL it would for the gateway, minus the signature.
 */
export const CHANNEL_PATH = '/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel';

/**
 * What a SessionId may look like. The documentation gives no format (`createsession` returns an
 * opaque string such as `m318552187863054171`), so this accepts 1–128 letters, digits, `-` and
 * `_`, which covers those, 32-hex and UUID-style ids, and keeps anything that could change the
 * signed URL out.
 */
export const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The SessionId of a channel request: `?requestid=<SessionId>` and nothing else, as on the gateway. */
function sessionOf(url: URL): Response | string {
  const names = [...url.searchParams.keys()];
  if (names.some((name) => name !== 'requestid') || names.length > 1) {
    return refuse(
      'query-not-allowed',
      'Send only requestid=<SessionId>: the Worker adds appkey, timestamp and signature itself.',
    );
  }
  const sessionId = url.searchParams.get('requestid');
  if (sessionId === null || !SESSION_ID.test(sessionId)) {
    return refuse(
      'invalid-session-id',
      'Send requestid=<SessionId>: 1–128 letters, digits, "-" or "_", as createsession returned it.',
    );
  }
  return sessionId;
}

/** The gateway's `Header.Code` in a refusal body, read with a small bound; undefined if none. */
async function gatewayCode(response: Response, deadline: AbortSignal): Promise<number | undefined> {
  const read = await readBounded(response.body, 64 * 1024, deadline);
  if (!read.ok) return undefined;
  try {
    const code = JSON.parse(new TextDecoder().decode(read.bytes))?.Header?.Code;
    return typeof code === 'number' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the gateway's side of the channel with a URL the Worker signs itself (`requestid` = the
 * SessionId, as the connection page requires). The URL never leaves the Worker: its query is
 * signed without the path, so it would authorize any endpoint for five minutes. The handshake
 * is bounded by `UPSTREAM_TIMEOUT_MS`; the open socket then lives as long as both sides do.
 */
async function connectGateway(
  sessionId: string,
  config: Config,
): Promise<{ ok: true; socket: WorkerSocket } | { ok: false; response: Response }> {
  const url = config.signer.signUrl(`${config.gatewayOrigin}${CHANNEL_PATH}`, {
    requestid: sessionId,
  });
  // Not AbortSignal.timeout: the deadline is for the handshake, and must not reach the socket.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.upstreamTimeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { headers: { Upgrade: 'websocket' }, signal: controller.signal });
  } catch (error) {
    // Only the error's name: a message could quote the signed URL.
    log({
      event: 'upstream-failed',
      path: CHANNEL_PATH,
      error: (error as Error)?.name ?? 'unknown',
    });
    const response = controller.signal.aborted
      ? refuse('upstream-timeout', 'The gateway did not open the command channel in time.')
      : refuse('upstream-unreachable', 'The gateway could not be reached.');
    return { ok: false, response };
  } finally {
    clearTimeout(timer);
  }
  const socket = upgradedSocket(response);
  if (response.status === 101 && socket !== null) return { ok: true, socket };

  const code = await gatewayCode(response, AbortSignal.timeout(config.upstreamTimeoutMs));
  log({ event: 'upstream-refused', path: CHANNEL_PATH, status: response.status, code });
  const detail = `HTTP ${response.status}${code === undefined ? '' : `, Code ${code}`}`;
  return {
    ok: false,
    response: refuse(
      'upstream-refused',
      `The gateway refused the command channel (${detail}): is the session started, and not already connected elsewhere?`,
    ),
  };
}

/**
 * The command-channel route: a WebSocket from the caller (already past the origin and bearer
 * checks) to the Worker, piped to a WebSocket from the Worker to the gateway. Refusals are JSON
 * answers to the handshake; success is `101` with the caller's socket, and
 * `Sec-WebSocket-Protocol: tvs-edge-signer` when the caller offered subprotocols (a browser that
 * offered some fails a handshake that selects none).
 */
export async function openChannel(request: Request, url: URL, config: Config): Promise<Response> {
  if (request.method !== 'GET') {
    return refuse('method-not-allowed', 'Open the command channel as a WebSocket.', {
      Allow: 'GET',
    });
  }
  if (!isWebSocketUpgrade(request)) {
    // No `Upgrade` header on the answer: the runtime drops it as hop-by-hop.
    return refuse(
      'upgrade-required',
      'Open the command channel as a WebSocket (Upgrade: websocket).',
    );
  }
  const offered = offeredProtocols(request);
  if (offered.length > 0 && !offered.includes(CHANNEL_PROTOCOL)) {
    return refuse('invalid-protocol', `Offer the subprotocol ${CHANNEL_PROTOCOL}.`);
  }
  const sessionId = sessionOf(url);
  if (typeof sessionId !== 'string') return sessionId;

  const gateway = await connectGateway(sessionId, config);
  if (!gateway.ok) return gateway.response;
  const { client, server } = socketPair();
  pipeChannel(server, gateway.socket, sessionId);
  log({ event: 'channel-opened' });
  return switchingProtocols(
    client,
    offered.length > 0 ? { 'Sec-WebSocket-Protocol': CHANNEL_PROTOCOL } : {},
  );
}
