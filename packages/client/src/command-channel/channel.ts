import {
  commandChannelUrl,
  DOWNLINK_TYPE,
  type DownlinkMessage,
  decodeDownlinkMessage,
  type SessionStat,
} from '@tvs/envelope';
import type { TvsChannelError } from '../errors/tvs-channel-error.js';
import type { Logger } from '../logger.js';
import type { PcmSource } from './audio.js';
import { channelErrorFactory } from './channel-errors.js';
import { ChannelConnection, type ChannelState } from './connection.js';
import { type DriveHandle, DriveRegistry, type WaitOptions } from './drive-registry.js';
import {
  ChannelCloseEvent,
  ChannelMessageEvent,
  ChannelReconnectEvent,
  type CommandChannelEventMap,
} from './events.js';
import { createMessageQueue, type MessageQueue } from './message-queue.js';
import { CHANNEL_DEFAULTS, type CommandChannelOptions, resolveChannelOptions } from './options.js';
import { createPacer, type Pacer } from './pacer.js';
import { proxyUrlFor } from './proxy-endpoint.js';
import { type SendAudioOptions, type SendAudioResult, sendAudio } from './send-audio.js';
import {
  type InterruptOptions,
  type InterruptResult,
  type SendTextOptions,
  sendInterrupt,
  sendText,
} from './send-text.js';
import type { SenderContext } from './sender.js';
import { type StreamTextOptions, type StreamTextResult, streamText } from './stream-text.js';
import { closeVerdict } from './verdicts.js';

export type { ChannelState } from './connection.js';
export type { DriveHandle, WaitOptions } from './drive-registry.js';
export type { CommandChannelOptions, ReconnectOptions } from './options.js';
export type { SendAudioOptions, SendAudioResult } from './send-audio.js';
export type { InterruptOptions, InterruptResult, SendTextOptions } from './send-text.js';
export type { StreamTextOptions, StreamTextResult } from './stream-text.js';

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

/** `Symbol.asyncDispose`, where the runtime has it (Node 20.4+, Deno, Bun, current browsers). */
const asyncDispose: typeof Symbol.asyncDispose =
  (Symbol as { asyncDispose?: typeof Symbol.asyncDispose }).asyncDispose ??
  (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose);

/**
 * The command channel of one session (docs/protocol.md §4): a signed WebSocket that drives the
 * avatar and reports what it is saying. Paces text frames to more than a second apart by
 * queueing, chunks text streams and audio as the gateway requires, sends heartbeats, reconnects
 * with backoff while the session is open (re-signing each time), and delivers downlink messages
 * both as an async iterator and as events. Create it with `client.commandChannel(sessionId)`.
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
  readonly #connection: ChannelConnection;
  readonly #drives: DriveRegistry;
  readonly #pacer: Pacer;
  readonly #sender: SenderContext;
  readonly #queues = new Set<MessageQueue<DownlinkMessage>>();
  readonly #opened: Promise<void>;
  readonly #lookUpDriverType: () => Promise<number | undefined>;
  #driverType: number | undefined;
  #lastSessionError: DownlinkMessage | undefined;
  #resolveOpened!: () => void;
  #rejectOpened!: (error: unknown) => void;

  /** @internal Use `client.commandChannel(sessionId, options)`. */
  constructor(deps: ChannelDeps, sessionId: string, options: CommandChannelOptions = {}) {
    super();
    const resolved = resolveChannelOptions(sessionId, options);
    this.sessionId = sessionId;
    const error = channelErrorFactory(sessionId);
    const proxy = resolved.proxy.url;
    this.#connection = new ChannelConnection(
      {
        sessionId,
        url: () =>
          proxy === undefined
            ? deps.signUrl(commandChannelUrl(deps.baseUrl), { requestid: sessionId })
            : proxyUrlFor(proxy, sessionId),
        WebSocket: resolved.WebSocket,
        protocols: resolved.proxy.protocols,
        heartbeatInterval: resolved.heartbeatInterval,
        reconnect: resolved.reconnect,
        stat: deps.stat,
        logger: deps.logger,
        error,
      },
      {
        opened: () => {
          this.dispatchEvent(new Event('open'));
          this.#resolveOpened();
        },
        received: (text) => this.#receive(text),
        endedBy: (closeCode) => closeVerdict(closeCode, this.#lastSessionError),
        reconnecting: (attempt, delayMs, closeCode) =>
          this.dispatchEvent(new ChannelReconnectEvent(attempt, delayMs, closeCode)),
        closed: (cause) => this.#closed(cause),
      },
    );
    this.#drives = new DriveRegistry(error, () =>
      this.#connection.state === 'closed' ? this.#connection.closedError() : undefined,
    );
    this.#pacer = createPacer(resolved.textInterval);
    this.#sender = {
      sessionId,
      send: (frame) => this.#connection.send(JSON.stringify(frame)),
      assertUsable: () => {
        if (this.#connection.state === 'closed') throw this.#connection.closedError();
      },
      isClosed: () => this.#connection.state === 'closed',
      handle: (reqId) => this.#drives.handle(reqId),
      error,
    };
    this.#driverType = resolved.driverType;
    this.#lookUpDriverType = async () => {
      this.#driverType ??= await deps.driverType(sessionId);
      return this.#driverType;
    };
    this.#opened = new Promise((resolve, reject) => {
      this.#resolveOpened = resolve;
      this.#rejectOpened = reject;
    });
    this.#opened.catch(() => {});
    const { signal } = resolved;
    if (signal?.aborted) {
      queueMicrotask(() => void this.close());
    } else {
      signal?.addEventListener('abort', () => void this.close(), { once: true });
      this.#connection.start();
    }
  }

  /** `connecting`, `open`, `reconnecting` or `closed`. */
  get state(): ChannelState {
    return this.#connection.state;
  }

  /** Why the channel closed, when it closed on an error. */
  get error(): TvsChannelError | undefined {
    return this.#connection.error;
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
    const queue = createMessageQueue<DownlinkMessage>(CHANNEL_DEFAULTS.maxBufferedMessages, () =>
      this.#queues.delete(queue),
    );
    if (this.#connection.state === 'closed') queue.end(this.#connection.error);
    else this.#queues.add(queue);
    return queue;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<DownlinkMessage> {
    return this.messages();
  }

  /**
   * Makes the avatar say `text` (`SEND_TEXT`, at most 4000 bytes of UTF-8, 1240/100397). Text
   * frames are queued to leave more than a second apart (`textInterval`); resolves once this
   * one is on its way.
   *
   * @throws TypeError/RangeError for empty, non-string or oversized text and a bad `reqId`
   *   (nothing is sent); TvsChannelError when the channel is closed.
   */
  sendText(text: string, options: SendTextOptions = {}): Promise<DriveHandle> {
    return sendText(this.#sender, this.#pacer, text, options);
  }

  /**
   * Stops what the avatar is saying and leaves it silent: the documented interrupt, a
   * `SEND_TEXT` with `Interrupt: true` and no `Text` (1240/100397). Send it once the drive's
   * `TextStart` has arrived; the page says it takes effect only then. The interrupted drive
   * ends with its `TextOver`, so await that drive's `finished()` to know the avatar is silent
   * (on a DriverType 3 session, do so before sending audio, 1240/108576). It is a text frame,
   * so it waits its turn behind earlier `sendText` calls, more than a second apart.
   *
   * @throws TypeError for a bad `reqId` (nothing is sent); TvsChannelError when the channel is
   *   closed.
   * @example
   * ```ts
   * const drive = await channel.sendText('A long story…');
   * channel.on('message', ({ message }) => {
   *   if (message.ReqId === drive.reqId && message.SpeakStatus === 'TextStart') void channel.interrupt();
   * });
   * await drive.finished(); // TextOver, cut short
   * ```
   */
  interrupt(options: InterruptOptions = {}): Promise<InterruptResult> {
    return sendInterrupt(this.#sender, this.#pacer, options);
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
    return streamText(this.#sender, source, options);
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
    return sendAudio(this.#sender, { driverType: this.#lookUpDriverType }, pcm, options);
  }

  /**
   * Waits for the final status of the drive `reqId` (`TextOver`, `AudioOver`), as
   * {@link DriveHandle.finished}. Finals already received (the last 256) resolve at once.
   */
  waitFor(reqId: string, options: WaitOptions = {}): Promise<DownlinkMessage> {
    return this.#drives.wait(reqId, options);
  }

  /**
   * Closes the channel for good (the session stays open: close it with `sessions.close`).
   * Pending `finished()` promises reject; iterators end. Resolves once the socket has closed.
   */
  close(): Promise<void> {
    return this.#connection.close();
  }

  /**
   * `await using channel = client.commandChannel(sessionId)` closes the channel at the end of
   * the block, as {@link CommandChannel.close}.
   */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  #receive(text: string): void {
    let message: DownlinkMessage;
    try {
      message = decodeDownlinkMessage(text);
    } catch {
      return; // Not a message we can read; the gateway's wrapper is undocumented.
    }
    // About no drive: ReqId left out, or empty (it is a required field, 1240/100401).
    if (message.Type === DOWNLINK_TYPE.DRIVE_FAILED && !message.ReqId) {
      this.#lastSessionError = message; // Says why, should the session end next.
    }
    this.#drives.record(message);
    for (const queue of this.#queues) queue.push(message);
    this.dispatchEvent(new ChannelMessageEvent(message));
  }

  /** The connection ended: settle everything that waits on it. */
  #closed(error: TvsChannelError | undefined): void {
    const reason = this.#connection.closedError();
    this.#drives.rejectAll(reason);
    for (const queue of this.#queues) queue.end(error);
    this.#queues.clear();
    if (!this.#connection.everOpened) this.#rejectOpened(reason);
    this.dispatchEvent(new ChannelCloseEvent(error));
  }
}
