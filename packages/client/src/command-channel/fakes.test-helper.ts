// Test doubles for the channel's unit tests (imported by *.test.ts only; not in the package).
import { channelErrorFactory } from './channel-errors.js';
import type { SenderContext } from './sender.js';
import type { WebSocketConstructor, WebSocketEventMap, WebSocketLike } from './websocket.js';

/**
 * An in-memory WebSocket for the channel's unit tests: records what the channel sends, and
 * lets a test open, feed and drop it by hand. No sockets, no timers of its own.
 */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
  readonly #listeners = new Map<string, Set<(event: never) => void>>();

  constructor(
    readonly url: string,
    readonly protocols: string[] | undefined,
  ) {}

  addEventListener<K extends keyof WebSocketEventMap>(
    type: K,
    listener: (event: WebSocketEventMap[K]) => void,
  ): void {
    const set = this.#listeners.get(type) ?? new Set();
    set.add(listener as (event: never) => void);
    this.#listeners.set(type, set);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('FakeSocket: not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    if (this.readyState >= 2) return;
    this.closedWith = { code, reason };
    this.readyState = 3;
    queueMicrotask(() => this.#emit('close', { code: code ?? 1005, reason: reason ?? '' }));
  }

  /** The server accepts the upgrade. */
  open(): void {
    this.readyState = 1;
    this.#emit('open', {});
  }

  /** The server sends a message. */
  receive(data: unknown): void {
    this.#emit('message', { data });
  }

  /** The connection ends from the far side (1006: it vanished). */
  drop(code = 1006): void {
    this.readyState = 3;
    this.#emit('close', { code, reason: '' });
  }

  /** The frames sent so far, parsed. */
  frames(): Array<{ Payload: { Command: string; ReqId: string; Data: Record<string, unknown> } }> {
    return this.sent.map((text) => JSON.parse(text));
  }

  #emit<K extends keyof WebSocketEventMap>(type: K, event: WebSocketEventMap[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) {
      (listener as (event: WebSocketEventMap[K]) => void)(event);
    }
  }
}

/** A WebSocket constructor whose sockets a test can reach, in the order they were made. */
export function fakeWebSocket(): { WebSocket: WebSocketConstructor; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  const WebSocket = class extends FakeSocket {
    constructor(url: string, protocols?: string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  };
  return { WebSocket, sockets };
}

/** A sender context that records frames instead of sending them; `close()` closes it. */
export function fakeSender(sessionId = 'session-1') {
  const frames: Array<{ Payload: Record<string, unknown> & { Data: Record<string, unknown> } }> =
    [];
  const error = channelErrorFactory(sessionId);
  let closed = false;
  const context: SenderContext = {
    sessionId,
    send: (frame) => {
      if (closed) throw error('closed', 'the channel is closed');
      frames.push(JSON.parse(JSON.stringify(frame)));
    },
    assertUsable: () => {
      if (closed) throw error('closed', 'the channel is closed');
    },
    isClosed: () => closed,
    handle: (reqId) => ({ reqId, finished: () => Promise.reject(new Error('not in this test')) }),
    error,
  };
  return {
    context,
    frames,
    close: () => {
      closed = true;
    },
  };
}
