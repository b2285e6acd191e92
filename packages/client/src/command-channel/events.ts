import type { DownlinkMessage } from '@tvs/envelope';
import type { TvsChannelError } from '../errors/tvs-channel-error.js';

/**
 * A downlink message arrived (`type` is `'message'`).
 *
 * @example
 * ```ts
 * channel.on('message', ({ message }) => console.log(message.ReqId, message.SpeakStatus));
 * ```
 */
export class ChannelMessageEvent extends Event {
  readonly message: DownlinkMessage;
  constructor(message: DownlinkMessage) {
    super('message');
    this.message = message;
  }
}

/**
 * The socket dropped and the channel will reconnect after `delayMs` (`type` is `'reconnecting'`).
 *
 * @example
 * ```ts
 * channel.on('reconnecting', ({ attempt, delayMs }) => console.log(`retry ${attempt} in ${delayMs} ms`));
 * ```
 */
export class ChannelReconnectEvent extends Event {
  /** 1 for the first reconnection attempt after a drop. */
  readonly attempt: number;
  readonly delayMs: number;
  /** The close code of the socket that dropped (1006 when it vanished). */
  readonly closeCode: number;
  constructor(attempt: number, delayMs: number, closeCode: number) {
    super('reconnecting');
    this.attempt = attempt;
    this.delayMs = delayMs;
    this.closeCode = closeCode;
  }
}

/**
 * The channel closed for good (`type` is `'close'`): by `close()`, or with `error`.
 *
 * @example
 * ```ts
 * channel.on('close', ({ error }) => console.log(error ? `ended: ${error.reason}` : 'closed'));
 * ```
 */
export class ChannelCloseEvent extends Event {
  readonly error: TvsChannelError | undefined;
  constructor(error: TvsChannelError | undefined) {
    super('close');
    this.error = error;
  }
}

/** The events a {@link CommandChannel} dispatches, by type. */
export interface CommandChannelEventMap {
  /** The socket opened (first time and after every reconnection). */
  open: Event;
  message: ChannelMessageEvent;
  reconnecting: ChannelReconnectEvent;
  close: ChannelCloseEvent;
}
