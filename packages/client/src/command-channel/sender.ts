import type { ChannelErrorFactory } from './channel-errors.js';
import type { DriveHandle } from './drive-registry.js';

/** What the senders (`sendText`, `streamText`, `sendAudio`) get from the channel. @internal */
export interface SenderContext {
  readonly sessionId: string;
  /**
   * Sends one frame now, or queues it while the socket reconnects.
   * @throws TvsChannelError when the channel is closed (its reason) or too much is queued.
   */
  send(frame: object): void;
  /** @throws the channel's TvsChannelError when it is closed. */
  assertUsable(): void;
  /** Whether the channel has closed: a sequence cut short then sends no final packet. */
  isClosed(): boolean;
  /** The handle of a drive that has been sent. */
  handle(reqId: string): DriveHandle;
  readonly error: ChannelErrorFactory;
}
