import type { TvsErrorJSON } from '@tvs/envelope';
import { TvsClientError } from './client-error.js';

/**
 * What went wrong on the command channel: `connect-failed` (the socket never opened and retries
 * ran out), `session-ended` (the session closed, failed, idled out or was taken over),
 * `replaced` (another connection for the session took over), `closed` (used after `close()`),
 * `drive-failed` (a Type 9 message for a drive), `audio-not-allowed` (audio on a DriverType 1
 * session), `overflow` (too much queued while disconnected).
 */
export type ChannelErrorReason =
  | 'connect-failed'
  | 'session-ended'
  | 'replaced'
  | 'closed'
  | 'drive-failed'
  | 'audio-not-allowed'
  | 'overflow';

/** What a {@link TvsChannelError} is built from. @internal */
export interface ChannelErrorInit {
  sessionId: string;
  reason: ChannelErrorReason;
  /** The gateway's code (a Type 9 message's `Code`, or the session's `ErrorCode`). */
  gatewayCode?: number | undefined;
  /** The WebSocket close code, when the socket closed. */
  closeCode?: number | undefined;
  /** The drive's `ReqId`. */
  reqId?: string | undefined;
  cause?: unknown;
}

const RETRYABLE: ReadonlySet<ChannelErrorReason> = new Set(['connect-failed', 'overflow']);

/**
 * An error of the command channel. Messages name the session, never a signed URL's signature
 * (and never the access token, which the channel does not hold).
 *
 * @example
 * ```ts
 * try {
 *   await (await channel.sendText('Hi')).finished();
 * } catch (error) {
 *   if (error instanceof TvsChannelError && error.reason === 'drive-failed') console.log(error.gatewayCode);
 * }
 * ```
 */
export class TvsChannelError extends TvsClientError {
  override name = 'TvsChannelError';
  readonly sessionId: string;
  readonly reason: ChannelErrorReason;
  readonly gatewayCode: number | undefined;
  readonly closeCode: number | undefined;
  readonly reqId: string | undefined;

  constructor(message: string, init: ChannelErrorInit) {
    super(
      message,
      init.gatewayCode === undefined
        ? `CHANNEL_${init.reason.toUpperCase().replace(/-/g, '_')}`
        : String(init.gatewayCode),
      init.reason === 'drive-failed' || init.reason === 'audio-not-allowed'
        ? 'validation'
        : 'session',
      RETRYABLE.has(init.reason),
      { requestId: init.reqId, cause: init.cause },
    );
    this.sessionId = init.sessionId;
    this.reason = init.reason;
    this.gatewayCode = init.gatewayCode;
    this.closeCode = init.closeCode;
    this.reqId = init.reqId;
  }

  override toJSON(): TvsErrorJSON {
    const json = super.toJSON();
    json.sessionId = this.sessionId;
    json.reason = this.reason;
    if (this.gatewayCode !== undefined) json.gatewayCode = this.gatewayCode;
    if (this.closeCode !== undefined) json.closeCode = this.closeCode;
    return json;
  }
}
