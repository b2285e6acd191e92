/** The events of a WebSocket the channel listens to (the standard shapes, `ws`'s too). */
export interface WebSocketEventMap {
  open: unknown;
  message: { readonly data: unknown };
  close: { readonly code: number; readonly reason: string };
  error: unknown;
}

/**
 * What the channel needs of a WebSocket: the standard API (Node 22+, Deno, Bun, browsers,
 * Workers' client sockets) or `ws`'s `WebSocket`, which implements it.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener<K extends keyof WebSocketEventMap>(
    type: K,
    listener: (event: WebSocketEventMap[K]) => void,
  ): void;
}

/**
 * A WebSocket constructor: `globalThis.WebSocket`, or `WebSocket` from the `ws` package. The
 * channel passes `protocols` only when its `protocols` option is set.
 */
export type WebSocketConstructor = new (url: string, protocols?: string[]) => WebSocketLike;

/** `readyState` of an open socket. @internal */
export const OPEN = 1;

/** The injected constructor, else the runtime's; a clear error when there is none. @internal */
export function resolveWebSocket(injected: unknown): WebSocketConstructor {
  if (injected !== undefined) {
    if (typeof injected !== 'function') {
      throw new TypeError('commandChannel: WebSocket must be a WebSocket constructor');
    }
    return injected as WebSocketConstructor;
  }
  const global = (globalThis as { WebSocket?: unknown }).WebSocket;
  if (typeof global !== 'function') {
    throw new TypeError(
      'commandChannel: this runtime has no global WebSocket (Node 22+ has one); pass { WebSocket } from the ws package',
    );
  }
  return global as WebSocketConstructor;
}

/** A message's data as text (strings as is; bytes decoded as UTF-8). @internal */
export async function messageText(data: unknown): Promise<string> {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) {
    return new TextDecoder().decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  if (data !== null && typeof data === 'object' && 'text' in data) {
    return (data as { text(): Promise<string> }).text();
  }
  return String(data);
}
