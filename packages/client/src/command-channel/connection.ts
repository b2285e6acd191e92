import { heartbeatFrame, type SessionStat } from '@tvs/envelope';
import type { TvsChannelError } from '../errors/tvs-channel-error.js';
import { formatAttempt, type Logger } from '../logger.js';
import { backoff, redactUrl } from '../retry-policy.js';
import type { ChannelErrorFactory } from './channel-errors.js';
import { CHANNEL_DEFAULTS, type ReconnectPolicy } from './options.js';
import { type EndVerdict, upgradeVerdict } from './verdicts.js';
import { messageText, OPEN, type WebSocketConstructor, type WebSocketLike } from './websocket.js';

/**
 * The channel's state.
 * @example
 * ```ts
 * if (channel.state === 'reconnecting') showBanner('reconnecting…');
 * ```
 */
export type ChannelState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What the connection needs. @internal */
export interface ConnectionConfig {
  readonly sessionId: string;
  /** The URL of the next attempt: signed afresh for the gateway, or the proxy's as is. */
  readonly url: () => string;
  readonly WebSocket: WebSocketConstructor;
  readonly protocols: readonly string[] | undefined;
  readonly heartbeatInterval: number;
  readonly reconnect: ReconnectPolicy | false;
  /** `statsession`, asked when an upgrade fails: reconnect only while the session runs. */
  readonly stat: (sessionId: string) => Promise<SessionStat>;
  readonly logger: Logger | undefined;
  readonly error: ChannelErrorFactory;
}

/** What the connection reports. @internal */
export interface ConnectionListener {
  /** The socket opened: the first time and after every reconnection. */
  opened(): void;
  /** A message arrived, as text. */
  received(text: string): void;
  /** Whether a close code ends the channel, and why; `undefined`: reconnect. */
  endedBy(closeCode: number): EndVerdict | undefined;
  /** The socket dropped; the next attempt starts after `delayMs`. */
  reconnecting(attempt: number, delayMs: number, closeCode: number): void;
  /** The connection ended for good, by `close()` (no error) or with `error`. Called once. */
  closed(error: TvsChannelError | undefined): void;
}

/** Close code of a socket that vanished or never opened (RFC 6455 §7.1.5). */
const ABNORMAL_CLOSE = 1006;

/**
 * The socket of one channel: connects (a fresh URL each attempt), sends or queues frames,
 * sends heartbeats while open, and reconnects with the client's backoff while the session
 * runs, until the policy gives up or the gateway ends it. @internal
 */
export class ChannelConnection {
  readonly #config: ConnectionConfig;
  readonly #listener: ConnectionListener;
  #state: ChannelState = 'connecting';
  #socket: WebSocketLike | undefined;
  #outbox: string[] = [];
  #failures = 0;
  #everOpened = false;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #error: TvsChannelError | undefined;
  #socketClosed: Promise<void> = Promise.resolve();

  constructor(config: ConnectionConfig, listener: ConnectionListener) {
    this.#config = config;
    this.#listener = listener;
  }

  get state(): ChannelState {
    return this.#state;
  }

  /** Why the connection ended, when it ended on an error. */
  get error(): TvsChannelError | undefined {
    return this.#error;
  }

  get everOpened(): boolean {
    return this.#everOpened;
  }

  /** The error a use after the end throws: the end's own, or `closed`. */
  closedError(): TvsChannelError {
    return this.#error ?? this.#config.error('closed', 'the channel is closed');
  }

  /** Opens the first socket. @throws what building the URL throws (a bad session id). */
  start(): void {
    this.#connect();
  }

  /**
   * Sends one frame's text now, or queues it while the socket (re)connects.
   * @throws TvsChannelError once closed (`closed` or the end's reason), or `overflow`.
   */
  send(text: string): void {
    if (this.#state === 'closed') throw this.closedError();
    const socket = this.#socket;
    if (this.#state === 'open' && socket?.readyState === OPEN) {
      socket.send(text);
      return;
    }
    const limit = CHANNEL_DEFAULTS.maxOutbox;
    if (this.#outbox.length >= limit) {
      throw this.#config.error('overflow', `${limit} frames are waiting for the socket to reopen`);
    }
    this.#outbox.push(text);
  }

  /** Ends the connection for good, with `error` or (by the caller's choice) none. */
  finish(error: TvsChannelError | undefined): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#error = error;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#retryTimer);
    this.#outbox = [];
    const socket = this.#socket;
    this.#socket = undefined;
    try {
      socket?.close(1000, 'client closing');
    } catch {
      // Already closing.
    }
    this.#listener.closed(error);
  }

  /** Ends the connection and resolves once the socket has closed (2 s at most). */
  async close(): Promise<void> {
    this.finish(undefined);
    // A socket whose peer vanished may never report its close: do not wait for it forever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.#socketClosed,
      new Promise((resolve) => {
        timer = setTimeout(resolve, CHANNEL_DEFAULTS.closeWaitMs);
        unref(timer);
      }),
    ]);
    clearTimeout(timer);
  }

  #connect(): void {
    const url = this.#config.url();
    const started = performance.now();
    const attempt = this.#failures + 1;
    const { WebSocket, protocols } = this.#config;
    let socket: WebSocketLike;
    try {
      socket = protocols === undefined ? new WebSocket(url) : new WebSocket(url, [...protocols]);
    } catch (cause) {
      this.#log(attempt, 'retry', url, started);
      this.#dropped(ABNORMAL_CLOSE, false, cause);
      return;
    }
    this.#socket = socket;
    let opened = false;
    let markClosed!: () => void;
    this.#socketClosed = new Promise((resolve) => {
      markClosed = resolve;
    });
    socket.addEventListener('open', () => {
      if (socket !== this.#socket || this.#state === 'closed') return;
      opened = true;
      this.#failures = 0;
      this.#everOpened = true;
      this.#state = 'open';
      this.#log(attempt, 'done', url, started);
      for (const text of this.#outbox.splice(0)) socket.send(text);
      this.#startHeartbeat();
      this.#listener.opened();
    });
    socket.addEventListener('message', ({ data }) => {
      if (socket !== this.#socket) return;
      if (typeof data === 'string') this.#listener.received(data);
      else
        void messageText(data).then(
          (text) => this.#listener.received(text),
          () => {}, // Bytes we cannot read as text: not a message of the protocol.
        );
    });
    socket.addEventListener('close', ({ code }) => {
      markClosed();
      if (socket !== this.#socket) return;
      this.#socket = undefined;
      clearInterval(this.#heartbeat);
      if (!opened) this.#log(attempt, 'retry', url, started);
      this.#dropped(code, opened);
    });
    // Every failure also closes the socket; the close event carries the code.
    socket.addEventListener('error', () => {});
  }

  #startHeartbeat(): void {
    clearInterval(this.#heartbeat);
    // A fresh frame each time, so that each carries its own ReqId.
    this.#heartbeat = setInterval(() => {
      if (this.#state === 'open') this.send(JSON.stringify(heartbeatFrame(this.#config.sessionId)));
    }, this.#config.heartbeatInterval);
    unref(this.#heartbeat);
  }

  /** The socket closed (or never opened): reconnect while the session runs, or end. */
  #dropped(closeCode: number, wasOpen: boolean, cause?: unknown): void {
    if (this.#state === 'closed') return;
    const end = this.#listener.endedBy(closeCode);
    if (end) {
      this.#end(end);
      return;
    }
    const policy = this.#config.reconnect;
    this.#failures += 1;
    if (policy === false || this.#failures > policy.maxAttempts) {
      const message =
        policy === false
          ? `the socket closed (code ${closeCode}) and reconnect is off`
          : `could not connect after ${policy.maxAttempts} attempts (last close code ${closeCode})`;
      this.finish(this.#config.error('connect-failed', message, { closeCode, cause }));
      return;
    }
    // After a drop of an open socket the count restarts at 1: a reconnection within `baseDelay`.
    const delay = backoff(policy, this.#failures);
    this.#state = this.#everOpened ? 'reconnecting' : 'connecting';
    this.#listener.reconnecting(this.#failures, delay, closeCode);
    this.#retryTimer = setTimeout(() => void this.#retry(wasOpen), delay);
  }

  async #retry(wasOpen: boolean): Promise<void> {
    if (this.#state === 'closed') return;
    if (!wasOpen) {
      // The upgrade was refused or never answered: reconnect only while the session runs.
      let state: SessionStat | undefined;
      try {
        state = await this.#config.stat(this.#config.sessionId);
      } catch {
        state = undefined; // The gateway is unreachable too: keep backing off.
      }
      if ((this.#state as ChannelState) === 'closed') return;
      const end = state && upgradeVerdict(state);
      if (end) {
        this.#end(end);
        return;
      }
    }
    try {
      this.#connect();
    } catch (cause) {
      this.finish(this.#config.error('connect-failed', 'could not build the URL', { cause }));
    }
  }

  #end(verdict: EndVerdict): void {
    const { reason, message, ...codes } = verdict;
    this.finish(this.#config.error(reason, message, codes));
  }

  #log(attempt: number, outcome: 'done' | 'retry', url: string, started: number): void {
    const logger = this.#config.logger;
    if (!logger) return;
    const entry = {
      operation: 'commandChannel',
      attempt,
      latencyMs: performance.now() - started,
      requestId: this.#config.sessionId,
      url: redactUrl(url),
      outcome,
    };
    logger.debug(formatAttempt(entry), entry);
  }
}

/** Lets Node exit while only this timer is pending (a no-op elsewhere). */
function unref(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}
