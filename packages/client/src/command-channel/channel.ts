import {
  audioFrame,
  CHANNEL_CLOSE_CODES,
  commandChannelUrl,
  DOWNLINK_TYPE,
  type DownlinkMessage,
  decodeDownlinkMessage,
  endsDrive,
  heartbeatFrame,
  isRequestId,
  LIMITS,
  newRequestId,
  SESSION_STATUS,
  type SessionStat,
  streamTextFrame,
  textFrame,
} from '@tvs/envelope';
import { type ChannelErrorReason, TvsChannelError } from '../errors/tvs-channel-error.js';
import { formatAttempt, type Logger } from '../logger.js';
import { redactUrl } from '../retry-policy.js';
import { sleep } from '../sleep.js';
import { isPcmSource, type PcmSource, pcmChunks } from './audio.js';
import {
  ChannelCloseEvent,
  ChannelMessageEvent,
  ChannelReconnectEvent,
  type CommandChannelEventMap,
} from './events.js';
import { createMessageQueue, type MessageQueue } from './message-queue.js';
import { createPacer, type Pacer } from './pacer.js';
import { type ProxyEndpoint, proxyEndpoint, proxyUrlFor } from './proxy-endpoint.js';
import { splitUtf8 } from './text-chunks.js';
import {
  messageText,
  OPEN,
  resolveWebSocket,
  type WebSocketConstructor,
  type WebSocketLike,
} from './websocket.js';

/** Reconnection tuning of the command channel. */
export interface ReconnectOptions {
  /** Consecutive failed attempts before giving up (default 8). */
  maxAttempts?: number | undefined;
  /** The first backoff in milliseconds (default 250); doubles per attempt, with jitter. */
  baseDelay?: number | undefined;
  /** The longest backoff in milliseconds (default 5 000). */
  maxDelay?: number | undefined;
}

/**
 * Options of `client.commandChannel(sessionId, options)`.
 *
 * @example
 * ```ts
 * // In a page, through the edge signer: no credentials in the browser, the Worker signs.
 * const client = createClient({ baseUrl: 'https://edge.example' });
 * const channel = client.commandChannel(sessionId, {
 *   url: 'wss://edge.example/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel',
 *   protocols: ['tvs-edge-signer', `bearer.${EDGE_TOKEN}`],
 * });
 * ```
 */
export interface CommandChannelOptions {
  /**
   * The WebSocket constructor (default: the runtime's global `WebSocket`, which Node 22+,
   * Deno, Bun and browsers have). Pass `WebSocket` from the `ws` package on older runtimes.
   */
  WebSocket?: unknown;
  /**
   * The session's `DriverType`, when known (the lifecycle helper knows it). Otherwise
   * `sendAudio` looks it up in the session list once, and refuses on a text-only session.
   */
  driverType?: 1 | 3 | undefined;
  /** Milliseconds between heartbeats (default 45 000; the gateway wants more than 30 s and less than 60 s, 1240/100400). */
  heartbeatInterval?: number | undefined;
  /** Milliseconds between two `sendText` frames (default 1 100: the gateway allows one per second). */
  textInterval?: number | undefined;
  /** Reconnection while the session is open, or `false` to close on the first drop. */
  reconnect?: ReconnectOptions | false | undefined;
  /** Closes the channel when it aborts. */
  signal?: AbortSignal | undefined;
  /**
   * The command-channel URL of a proxy that signs for you, such as the edge signer
   * (`wss://edge.example/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel`); `http(s)`
   * becomes `ws(s)`. The channel then connects there with only `requestid` (the SessionId) added,
   * and never signs, also when the client holds credentials: the proxy signs its own connection
   * to the gateway. Default: the gateway (or the client's `baseUrl`), signed.
   */
  url?: string | URL | undefined;
  /**
   * WebSocket subprotocols to offer in the handshake (`new WebSocket(url, protocols)`). A browser
   * cannot set `Authorization` on a WebSocket, so the edge signer takes its caller token this
   * way: `['tvs-edge-signer', 'bearer.' + token]`. Tokens only (letters, digits, `-._~` and a
   * few more); never logged or put in an error message.
   */
  protocols?: string | readonly string[] | undefined;
}

/** A drive (a text, a text stream or an audio stream) that has been sent. */
export interface DriveHandle {
  /** The 32-hex `ReqId` that the gateway's status messages echo. */
  readonly reqId: string;
  /**
   * Resolves with the drive's final status message (`TextOver` or `AudioOver`); rejects with a
   * {@link TvsChannelError} (`drive-failed`, with the gateway's code) on a Type 9 message, or
   * when the channel closes first.
   */
  finished(options?: WaitOptions): Promise<DownlinkMessage>;
}

/** Options of waiting for a drive to finish. */
export interface WaitOptions {
  signal?: AbortSignal | undefined;
  /** Milliseconds to wait at most (default: no limit). */
  timeout?: number | undefined;
}

/** Options of {@link CommandChannel.sendText}. */
export interface SendTextOptions {
  /** Stop what the avatar is saying first. */
  interrupt?: boolean | undefined;
  /** Dialogue control, such as `NotUseChat` to speak the text as is. */
  chatCommand?: string | undefined;
  /** The `ReqId` (32 hex); generated when left out. */
  reqId?: string | undefined;
}

/** Options of {@link CommandChannel.streamText}. */
export interface StreamTextOptions {
  /** Stop what the avatar is saying before the stream starts. */
  interrupt?: boolean | undefined;
  /** Sentence mode (`IsSentence`): the gateway will not re-split the text. */
  isSentence?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

/** Options of {@link CommandChannel.sendAudio}. */
export interface SendAudioOptions {
  /**
   * Wall time over audio time to pace at, 0.75–1 (default 0.85): after the first six chunks,
   * chunk *k* leaves no earlier than `realTimeFactor × 160 ms × k` after the first.
   */
  realTimeFactor?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** A text stream that has been sent. */
export interface StreamTextResult extends DriveHandle {
  /** Packets sent, the final one included. */
  readonly packets: number;
}

/** An audio stream that has been sent, with its measured pacing. */
export interface SendAudioResult extends DriveHandle {
  /** Audio chunks sent (the empty final packet not included). */
  readonly chunks: number;
  readonly bytes: number;
  /** The audio's duration in milliseconds (16 kHz 16-bit mono: bytes / 32). */
  readonly durationMs: number;
  /** Milliseconds from the first packet to the final one. */
  readonly elapsedMs: number;
  /** `elapsedMs / durationMs`: within 0.75–1 when paced as the gateway asks. */
  readonly realTimeFactor: number;
}

/** What the channel gets from the client. @internal */
export interface ChannelDeps {
  readonly baseUrl: string;
  /** Signs a URL with extra parameters (`requestid`), at the client's skew-corrected time. */
  readonly signUrl: (url: string, params: Record<string, string>) => string;
  readonly stat: (sessionId: string) => Promise<SessionStat>;
  /** The session's `DriverType` from the session list, if it is there. */
  readonly driverType: (sessionId: string) => Promise<number | undefined>;
  readonly logger: Logger | undefined;
}

/** The channel's state. */
export type ChannelState = 'connecting' | 'open' | 'reconnecting' | 'closed';

const MAX_OUTBOX = 1024;
const MAX_FINALS = 256;

function positiveOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`commandChannel: ${name} must be a positive number of milliseconds`);
  }
  return value;
}

function unref(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

/**
 * The command channel of one session (docs/protocol.md §4): a signed WebSocket that drives the avatar
 * and reports what it is saying. Paces `sendText` to one per second by queueing, chunks text
 * streams and audio as the gateway requires, sends heartbeats, reconnects with backoff while
 * the session is open (re-signing each time), and delivers downlink messages both as an async
 * iterator and as events. Create it with `client.commandChannel(sessionId)`.
 *
 * @example
 * ```ts
 * const channel = client.commandChannel(sessionId);
 * channel.on('message', ({ message }) => console.log(message.SpeakStatus));
 * const drive = await channel.sendText('Hello!');
 * await drive.finished(); // TextOver
 * await channel.close();
 * ```
 */
export class CommandChannel extends EventTarget {
  /** The session this channel drives. */
  readonly sessionId: string;
  readonly #deps: ChannelDeps;
  readonly #WebSocket: WebSocketConstructor;
  readonly #proxy: ProxyEndpoint;
  readonly #heartbeatMs: number;
  readonly #reconnect: { maxAttempts: number; baseDelay: number; maxDelay: number } | false;
  readonly #pacer: Pacer;
  #driverType: number | undefined;
  #state: ChannelState = 'connecting';
  #socket: WebSocketLike | undefined;
  #outbox: string[] = [];
  #failures = 0;
  #everOpened = false;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #finals = new Map<string, DownlinkMessage>();
  #waiters = new Map<
    string,
    Set<{ resolve(m: DownlinkMessage): void; reject(e: unknown): void }>
  >();
  #queues = new Set<MessageQueue<DownlinkMessage>>();
  #closeError: TvsChannelError | undefined;
  #lastSessionError: DownlinkMessage | undefined;
  #opened: Promise<void>;
  #resolveOpened!: () => void;
  #rejectOpened!: (error: unknown) => void;
  #socketClosed: Promise<void> = Promise.resolve();

  /** @internal Use `client.commandChannel(sessionId, options)`. */
  constructor(deps: ChannelDeps, sessionId: string, options: CommandChannelOptions = {}) {
    super();
    if (typeof sessionId !== 'string' || sessionId === '') {
      throw new TypeError('commandChannel: sessionId must be a non-empty string');
    }
    if (options === null || typeof options !== 'object') {
      throw new TypeError('commandChannel: options must be an object');
    }
    if (options.driverType !== undefined && options.driverType !== 1 && options.driverType !== 3) {
      throw new TypeError('commandChannel: driverType must be 1 or 3');
    }
    this.sessionId = sessionId;
    this.#deps = deps;
    this.#WebSocket = resolveWebSocket(options.WebSocket);
    this.#proxy = proxyEndpoint(options.url, options.protocols);
    this.#driverType = options.driverType;
    this.#heartbeatMs = positiveOption(
      options.heartbeatInterval,
      'heartbeatInterval',
      LIMITS.HEARTBEAT_DEFAULT_MS,
    );
    const textMs = positiveOption(options.textInterval, 'textInterval', 1100);
    if (textMs < LIMITS.TEXT_INTERVAL_MS) {
      throw new TypeError('commandChannel: textInterval must be at least 1000 ms (one per second)');
    }
    this.#pacer = createPacer(textMs);
    const reconnect = options.reconnect;
    if (reconnect !== undefined && reconnect !== false && typeof reconnect !== 'object') {
      throw new TypeError('commandChannel: reconnect must be an object or false');
    }
    this.#reconnect =
      reconnect === false
        ? false
        : {
            maxAttempts: positiveOption(reconnect?.maxAttempts, 'reconnect.maxAttempts', 8),
            baseDelay: positiveOption(reconnect?.baseDelay, 'reconnect.baseDelay', 250),
            maxDelay: positiveOption(reconnect?.maxDelay, 'reconnect.maxDelay', 5000),
          };
    this.#opened = new Promise((resolve, reject) => {
      this.#resolveOpened = resolve;
      this.#rejectOpened = reject;
    });
    this.#opened.catch(() => {});
    const { signal } = options;
    if (signal?.aborted) {
      queueMicrotask(() => void this.close());
    } else {
      signal?.addEventListener('abort', () => void this.close(), { once: true });
      this.#connect();
    }
  }

  /** `connecting`, `open`, `reconnecting` or `closed`. */
  get state(): ChannelState {
    return this.#state;
  }

  /** Why the channel closed, when it closed on an error. */
  get error(): TvsChannelError | undefined {
    return this.#closeError;
  }

  /**
   * Resolves once the socket first opens; rejects with a {@link TvsChannelError} when it never
   * does (a session not started, closed or unknown, or retries ran out).
   */
  opened(): Promise<void> {
    return this.#opened;
  }

  /**
   * Listens to one of the channel's events (`open`, `message`, `reconnecting`, `close`) and
   * returns a function that stops listening. The same events reach `addEventListener`.
   */
  on<K extends keyof CommandChannelEventMap>(
    type: K,
    listener: (event: CommandChannelEventMap[K]) => void,
  ): () => void {
    const handler = listener as (event: Event) => void;
    this.addEventListener(type, handler);
    return () => this.removeEventListener(type, handler);
  }

  /**
   * Every downlink message from now on, decoded (`decodeDownlinkMessage`), until the channel
   * closes (the iterator then ends, or throws the {@link TvsChannelError} it closed with).
   * Each call gives an independent iterator; the channel itself is iterable the same way.
   */
  messages(): AsyncIterableIterator<DownlinkMessage> {
    const queue = createMessageQueue<DownlinkMessage>(10_000, () => this.#queues.delete(queue));
    if (this.#state === 'closed') queue.end(this.#closeError);
    else this.#queues.add(queue);
    return queue;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<DownlinkMessage> {
    return this.messages();
  }

  /**
   * Makes the avatar say `text` (`SEND_TEXT`, at most 4000 bytes of UTF-8). Calls are queued so
   * that frames leave at most one per second; resolves once this one is on its way.
   *
   * @throws TypeError/RangeError for empty, non-string or oversized text and a bad `reqId`
   *   (nothing is sent); TvsChannelError when the channel is closed.
   */
  async sendText(text: string, options: SendTextOptions = {}): Promise<DriveHandle> {
    const frame = textFrame({
      sessionId: this.sessionId,
      text,
      ...(options.reqId !== undefined ? { reqId: options.reqId } : {}),
      ...(options.interrupt !== undefined ? { interrupt: options.interrupt } : {}),
      ...(options.chatCommand !== undefined ? { chatCommand: options.chatCommand } : {}),
    });
    this.#assertUsable();
    await this.#pacer.run(() => this.#send(frame));
    return this.#handle(frame.Payload.ReqId);
  }

  /**
   * Streams text as it is produced (say, by an LLM) under one `ReqId`: each chunk is sent at
   * once as `SEND_STREAMTEXT` (split at 2000 bytes of UTF-8 where needed, `Seq` from 1), then an
   * empty `IsFinal` packet ends the sequence. When the source throws or `signal` aborts, the
   * sequence is still ended and the error is rethrown.
   *
   * @throws TypeError for a source that is not an (async) iterable of strings, or yields nothing.
   */
  async streamText(
    source: AsyncIterable<string> | Iterable<string>,
    options: StreamTextOptions = {},
  ): Promise<StreamTextResult> {
    if (
      source === null ||
      (typeof source !== 'object' && typeof source !== 'string') ||
      !(Symbol.asyncIterator in Object(source) || Symbol.iterator in Object(source))
    ) {
      throw new TypeError('streamText: source must be an iterable or async iterable of strings');
    }
    const chunks = typeof source === 'string' ? [source] : source;
    this.#assertUsable();
    const reqId = newRequestId();
    const extra = {
      ...(options.isSentence !== undefined ? { isSentence: options.isSentence } : {}),
    };
    let seq = 0;
    const send = (text: string, isFinal: boolean) => {
      seq += 1;
      this.#send(
        streamTextFrame({
          sessionId: this.sessionId,
          reqId,
          text,
          seq,
          isFinal,
          ...extra,
          ...(seq === 1 && options.interrupt ? { interrupt: true } : {}),
        }),
      );
    };
    try {
      for await (const chunk of chunks) {
        options.signal?.throwIfAborted();
        if (typeof chunk !== 'string') {
          throw new TypeError('streamText: every chunk must be a string');
        }
        for (const piece of splitUtf8(chunk, LIMITS.STREAM_TEXT_BYTES)) send(piece, false);
      }
      options.signal?.throwIfAborted();
    } catch (error) {
      if (seq > 0 && this.#state !== 'closed') send('', true);
      throw error;
    }
    if (seq === 0) throw new TypeError('streamText: the source yielded no text');
    send('', true);
    return { ...this.#handle(reqId), packets: seq };
  }

  /**
   * Drives the avatar with speech: 16 kHz 16-bit mono PCM (a buffer, an iterable, an async
   * iterable or a `ReadableStream`), re-chunked to 5120 bytes (160 ms) and sent as the gateway
   * asks: the first six chunks at once, then paced to `realTimeFactor` (0.75–1) of real time
   * (never faster than one per 120 ms), and an empty `IsFinal` packet at the end. Resolves when
   * the final packet has been sent, with the measured pacing.
   *
   * @throws TypeError for a source that is not PCM bytes or ends mid-sample, or a bad
   *   `realTimeFactor`; TvsChannelError (`audio-not-allowed`) on a DriverType 1 session, before
   *   anything is sent.
   */
  async sendAudio(pcm: PcmSource, options: SendAudioOptions = {}): Promise<SendAudioResult> {
    if (!isPcmSource(pcm)) {
      throw new TypeError(
        'sendAudio: pcm must be a Uint8Array, an ArrayBuffer, or an (async) iterable or ReadableStream of them',
      );
    }
    const factor = options.realTimeFactor ?? 0.85;
    if (
      typeof factor !== 'number' ||
      !(factor >= LIMITS.AUDIO_MIN_REAL_TIME_FACTOR) ||
      !(factor <= LIMITS.AUDIO_MAX_REAL_TIME_FACTOR)
    ) {
      throw new TypeError('sendAudio: realTimeFactor must be between 0.75 and 1');
    }
    this.#assertUsable();
    if (this.#driverType === undefined) {
      this.#driverType = await this.#deps.driverType(this.sessionId);
    }
    if (this.#driverType === 1) {
      throw this.#error(
        'audio-not-allowed',
        `session ${this.sessionId} was created with DriverType 1 (text only); audio needs DriverType 3`,
      );
    }
    const reqId = newRequestId();
    const { signal } = options;
    const bytesPerMs = LIMITS.AUDIO_BYTES_PER_MS;
    let seq = 0;
    let bytes = 0;
    let start = 0;
    const waitUntil = async (ms: number) => {
      const wait = start + ms - performance.now();
      if (wait > 0) await sleep(wait, signal);
    };
    const send = (audio: Uint8Array, isFinal: boolean) => {
      seq += 1;
      this.#send(audioFrame({ sessionId: this.sessionId, reqId, audio, seq, isFinal }));
    };
    try {
      for await (const chunk of pcmChunks(pcm)) {
        signal?.throwIfAborted();
        if (seq === 0) start = performance.now();
        else if (seq >= LIMITS.AUDIO_BURST_CHUNKS) await waitUntil((factor * bytes) / bytesPerMs);
        send(chunk, false);
        bytes += chunk.byteLength;
      }
      if (seq === 0) throw new TypeError('sendAudio: the source yielded no audio');
      await waitUntil((factor * bytes) / bytesPerMs);
    } catch (error) {
      if (seq > 0 && this.#state !== 'closed') send(new Uint8Array(0), true);
      throw error;
    }
    send(new Uint8Array(0), true);
    const elapsedMs = performance.now() - start;
    const durationMs = bytes / bytesPerMs;
    return {
      ...this.#handle(reqId),
      chunks: seq - 1,
      bytes,
      durationMs,
      elapsedMs,
      realTimeFactor: elapsedMs / durationMs,
    };
  }

  /**
   * Waits for the final status of the drive `reqId` (`TextOver`, `AudioOver`), as
   * {@link DriveHandle.finished}. Finals already received (the last 256) resolve at once.
   */
  waitFor(reqId: string, options: WaitOptions = {}): Promise<DownlinkMessage> {
    if (!isRequestId(reqId)) {
      return Promise.reject(new TypeError('waitFor: reqId must be 32 lowercase hex characters'));
    }
    const known = this.#finals.get(reqId);
    if (known) return this.#settleFinal(known);
    if (this.#state === 'closed') return Promise.reject(this.#closedError());
    const timeout = options.timeout;
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) {
      return Promise.reject(new TypeError('waitFor: timeout must be a positive number'));
    }
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter = {
        resolve: (message: DownlinkMessage) => {
          done();
          resolve(message);
        },
        reject: (error: unknown) => {
          done();
          reject(error);
        },
      };
      const onAbort = () => waiter.reject(options.signal!.reason);
      const done = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.#waiters.get(reqId)?.delete(waiter);
      };
      if (options.signal?.aborted) return reject(options.signal.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (timeout !== undefined) {
        timer = setTimeout(
          () =>
            waiter.reject(
              this.#error('closed', `drive ${reqId} did not finish in ${timeout} ms`, { reqId }),
            ),
          timeout,
        );
      }
      let set = this.#waiters.get(reqId);
      if (!set) {
        set = new Set();
        this.#waiters.set(reqId, set);
      }
      set.add(waiter);
    });
  }

  /**
   * Closes the channel for good (the session stays open: close it with `sessions.close`).
   * Pending `finished()` promises reject; iterators end. Resolves once the socket has closed.
   */
  async close(): Promise<void> {
    if (this.#state !== 'closed') this.#finish(undefined);
    // A socket whose peer vanished may never report its close: wait 2 s at most.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.#socketClosed,
      new Promise((resolve) => {
        timer = setTimeout(resolve, 2000);
        unref(timer);
      }),
    ]);
    clearTimeout(timer);
  }

  #handle(reqId: string): DriveHandle {
    return { reqId, finished: (options) => this.waitFor(reqId, options) };
  }

  #settleFinal(message: DownlinkMessage): Promise<DownlinkMessage> {
    if (message.Type !== DOWNLINK_TYPE.DRIVE_FAILED) return Promise.resolve(message);
    const code = typeof message['Code'] === 'number' ? message['Code'] : undefined;
    const text = typeof message['Message'] === 'string' ? `: ${message['Message']}` : '';
    return Promise.reject(
      this.#error(
        'drive-failed',
        `drive ${message.ReqId} failed${code === undefined ? '' : ` with code ${code}`}${text}`,
        {
          reqId: message.ReqId,
          gatewayCode: code,
        },
      ),
    );
  }

  #error(
    reason: ChannelErrorReason,
    message: string,
    extra: {
      reqId?: string | undefined;
      gatewayCode?: number | undefined;
      closeCode?: number;
      cause?: unknown;
    } = {},
  ): TvsChannelError {
    return new TvsChannelError(`commandChannel ${this.sessionId}: ${message}`, {
      sessionId: this.sessionId,
      reason,
      ...extra,
    });
  }

  #closedError(): TvsChannelError {
    return this.#closeError ?? this.#error('closed', 'the channel is closed');
  }

  #assertUsable(): void {
    if (this.#state === 'closed') throw this.#closedError();
  }

  #send(frame: object): void {
    this.#assertUsable();
    const text = JSON.stringify(frame);
    const socket = this.#socket;
    if (this.#state === 'open' && socket?.readyState === OPEN) {
      socket.send(text);
      return;
    }
    if (this.#outbox.length >= MAX_OUTBOX) {
      throw this.#error('overflow', `${MAX_OUTBOX} frames are waiting for the socket to reopen`);
    }
    this.#outbox.push(text);
  }

  #log(attempt: number, outcome: 'done' | 'retry' | 'fail', url: string, started: number) {
    const logger = this.#deps.logger;
    if (!logger) return;
    const entry = {
      operation: 'commandChannel',
      attempt,
      latencyMs: performance.now() - started,
      requestId: this.sessionId,
      url: redactUrl(url),
      outcome,
    };
    logger.debug(formatAttempt(entry), entry);
  }

  #connect(): void {
    const { url: proxy, protocols } = this.#proxy;
    const url =
      proxy === undefined
        ? this.#deps.signUrl(commandChannelUrl(this.#deps.baseUrl), { requestid: this.sessionId })
        : proxyUrlFor(proxy, this.sessionId);
    const started = performance.now();
    const attempt = this.#failures + 1;
    let socket: WebSocketLike;
    try {
      socket =
        protocols === undefined
          ? new this.#WebSocket(url)
          : new this.#WebSocket(url, [...protocols]);
    } catch (cause) {
      this.#log(attempt, 'retry', url, started);
      this.#dropped(1006, false, cause);
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
      clearInterval(this.#heartbeat);
      this.#heartbeat = setInterval(() => {
        if (this.#state === 'open') this.#send(heartbeatFrame(this.sessionId));
      }, this.#heartbeatMs);
      unref(this.#heartbeat);
      this.dispatchEvent(new Event('open'));
      this.#resolveOpened();
    });
    socket.addEventListener('message', (event) => {
      if (socket !== this.#socket) return;
      const { data } = event;
      if (typeof data === 'string') this.#receive(data);
      else
        void messageText(data).then(
          (text) => this.#receive(text),
          () => {},
        );
    });
    socket.addEventListener('close', (event) => {
      markClosed();
      if (socket !== this.#socket) return;
      this.#socket = undefined;
      clearInterval(this.#heartbeat);
      if (!opened) this.#log(attempt, 'retry', url, started);
      this.#dropped(event.code, opened);
    });
    socket.addEventListener('error', () => {});
  }

  #receive(text: string): void {
    let message: DownlinkMessage;
    try {
      message = decodeDownlinkMessage(text);
    } catch {
      return; // Not a message we can read; the gateway's wrapper is undocumented.
    }
    if (message.Type === DOWNLINK_TYPE.DRIVE_FAILED && message.ReqId === undefined)
      this.#lastSessionError = message;
    if (endsDrive(message) && message.ReqId !== undefined) {
      this.#finals.set(message.ReqId, message);
      if (this.#finals.size > MAX_FINALS) this.#finals.delete(this.#finals.keys().next().value!);
      const waiters = this.#waiters.get(message.ReqId);
      if (waiters) {
        this.#waiters.delete(message.ReqId);
        const settled = this.#settleFinal(message);
        for (const waiter of waiters) settled.then(waiter.resolve, waiter.reject);
      }
    }
    for (const queue of this.#queues) queue.push(message);
    this.dispatchEvent(new ChannelMessageEvent(message));
  }

  /** The socket closed (or never opened): reconnect while the session is open, or finish. */
  #dropped(code: number, wasOpen: boolean, cause?: unknown): void {
    if (this.#state === 'closed') return;
    if (code === CHANNEL_CLOSE_CODES.SESSION_ENDED) {
      const last = this.#lastSessionError;
      const gatewayCode = typeof last?.['Code'] === 'number' ? last['Code'] : undefined;
      const why = typeof last?.['Message'] === 'string' ? `: ${last['Message']}` : '';
      this.#finish(
        this.#error('session-ended', `the session ended${why}`, { closeCode: code, gatewayCode }),
      );
      return;
    }
    if (code === CHANNEL_CLOSE_CODES.REPLACED) {
      this.#finish(
        this.#error('replaced', 'another connection for this session took over', {
          closeCode: code,
        }),
      );
      return;
    }
    const policy = this.#reconnect;
    this.#failures += 1;
    if (policy === false || this.#failures > policy.maxAttempts) {
      this.#finish(
        this.#error(
          'connect-failed',
          policy === false
            ? `the socket closed (code ${code}) and reconnect is off`
            : `could not connect after ${policy.maxAttempts} attempts (last close code ${code})`,
          { closeCode: code, cause },
        ),
      );
      return;
    }
    const exp = policy.baseDelay * 2 ** (this.#failures - 1);
    const delay = wasOpen
      ? Math.random() * policy.baseDelay
      : Math.min(policy.maxDelay, exp) * (0.5 + Math.random() / 2);
    this.#state = this.#everOpened ? 'reconnecting' : 'connecting';
    this.dispatchEvent(new ChannelReconnectEvent(this.#failures, delay, code));
    this.#retryTimer = setTimeout(() => void this.#retry(wasOpen), delay);
  }

  async #retry(wasOpen: boolean): Promise<void> {
    if (this.#state === 'closed') return;
    if (!wasOpen) {
      // The upgrade was refused or never answered: only reconnect while the session is open.
      let state: SessionStat | undefined;
      try {
        state = await this.#deps.stat(this.sessionId);
      } catch {
        state = undefined; // The gateway is unreachable too: keep backing off.
      }
      if ((this.#state as ChannelState) === 'closed') return;
      if (
        state &&
        (state.SessionStatus !== SESSION_STATUS.READY || state.IsSessionStarted === false)
      ) {
        const status = state.SessionStatus;
        const ended = status === SESSION_STATUS.CLOSED || status === SESSION_STATUS.FAILED;
        const code =
          typeof state.ErrorCode === 'number' && state.ErrorCode !== 0
            ? state.ErrorCode
            : undefined;
        this.#finish(
          this.#error(
            ended ? 'session-ended' : 'connect-failed',
            ended
              ? `the session is ${status === SESSION_STATUS.CLOSED ? 'closed' : 'failed'}${code === undefined ? '' : ` (ErrorCode ${code})`}${state.ErrorMessage ? `: ${state.ErrorMessage}` : ''}`
              : status === SESSION_STATUS.PREPARING
                ? 'the session is still preparing: wait for sessions.waitReady, then sessions.start'
                : 'the session is not started: call sessions.start first (or use sessions.open / sessions.run)',
            { gatewayCode: code },
          ),
        );
        return;
      }
    }
    this.#connect();
  }

  #finish(error: TvsChannelError | undefined): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#closeError = error;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#retryTimer);
    this.#outbox = [];
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) {
      try {
        socket.close(1000, 'client closing');
      } catch {
        // Already closing.
      }
    }
    const reason = this.#closedError();
    for (const [, waiters] of this.#waiters) for (const waiter of waiters) waiter.reject(reason);
    this.#waiters.clear();
    for (const queue of this.#queues) queue.end(error);
    this.#queues.clear();
    if (!this.#everOpened) this.#rejectOpened(reason);
    this.dispatchEvent(new ChannelCloseEvent(error));
  }
}
