import { type CommandChannelOptions, createClient, type TvsClient } from '@tvs/client';
import { COMMAND_CHANNEL_PATH, encodeRequest, newRequestId, operations } from '@tvs/envelope';
import type { PageConfig } from './config.js';

/** `closesession`, the call that frees a session's concurrency slot. */
const CLOSE_SESSION = operations['sessions.close'].path;

function callerHeaders(config: PageConfig): Record<string, string> {
  return config.callerToken === undefined ? {} : { Authorization: `Bearer ${config.callerToken}` };
}

/**
 * The `fetch` the client uses: adds the caller token the Worker checks, as
 * `Authorization: Bearer …`. The Worker signs the call; nothing secret passes through here.
 */
export function edgeFetch(config: PageConfig): typeof fetch {
  const extra = callerHeaders(config);
  return (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return fetch(new Request(request, { headers }));
  };
}

/**
 * `@tvs/client` pointed at the edge signer: no `appkey`, no `accessToken` (the Worker holds
 * them), so the client's browser guard has nothing to object to.
 */
export function createEdgeClient(config: PageConfig): TvsClient {
  return createClient({ baseUrl: config.edgeUrl, fetch: edgeFetch(config) });
}

/**
 * Where the command channel connects: the edge signer's WebSocket proxy, at the gateway's own
 * path. A browser cannot set `Authorization` on a WebSocket, so the caller token travels as the
 * subprotocol `bearer.<token>`, beside `tvs-edge-signer`; the Worker signs its own connection to
 * the gateway, so no signed URL ever reaches the page.
 */
export function channelThroughEdge(config: PageConfig): CommandChannelOptions {
  const protocols = ['tvs-edge-signer'];
  if (config.callerToken !== undefined) protocols.push(`bearer.${config.callerToken}`);
  return { url: `${config.edgeUrl}${COMMAND_CHANNEL_PATH}`, protocols };
}

/**
 * Closes a session while the page goes away (`pagehide`). The client's own close waits for the
 * command channel to shut first, and a leaving page runs no more callbacks, so this sends
 * `closesession` at once, with `keepalive` so the browser finishes the request after the page
 * is gone. Nothing is waited for: there is nobody left to tell.
 */
export function closeSessionOnExit(config: PageConfig, sessionId: string): void {
  void fetch(`${config.edgeUrl}${CLOSE_SESSION}`, {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json;charset=utf-8', ...callerHeaders(config) },
    body: JSON.stringify(encodeRequest({ ReqId: newRequestId(), SessionId: sessionId })),
  }).catch(() => {});
}
