/**
 * The few Cloudflare Workers APIs the command channel needs, typed here rather than through
 * `@cloudflare/workers-types` (whose globals clash with the DOM library the rest of the Worker is
 * checked against): `WebSocketPair`, the `webSocket` of an upgraded `fetch` response, and a
 * `101` response that hands a socket to the caller.
 * https://developers.cloudflare.com/workers/runtime-apis/websockets/
 */

/** A Workers WebSocket: the standard events plus `accept()`, which starts delivering them. */
export interface WorkerSocket {
  accept(): void;
  send(data: string | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'close', listener: (event: CloseEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

/** A connected pair: `client` goes into the 101 response, the Worker keeps `server`. */
export function socketPair(): { client: WorkerSocket; server: WorkerSocket } {
  const Pair = (globalThis as unknown as { WebSocketPair: new () => Record<0 | 1, WorkerSocket> })
    .WebSocketPair;
  const pair = new Pair();
  return { client: pair[0], server: pair[1] };
}

/** The socket of an upgraded `fetch` response, or null when the upstream did not upgrade. */
export function upgradedSocket(response: Response): WorkerSocket | null {
  return (response as Response & { webSocket?: WorkerSocket | null }).webSocket ?? null;
}

/** `101 Switching Protocols`, handing `client` to the caller. */
export function switchingProtocols(client: WorkerSocket, headers: HeadersInit): Response {
  return new Response(null, { status: 101, webSocket: client, headers } as ResponseInit);
}
