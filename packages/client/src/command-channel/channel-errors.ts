import { type ChannelErrorReason, TvsChannelError } from '../errors/tvs-channel-error.js';
import { redactedCause, redactUrl } from '../internal/redact.js';

/** What a channel error may carry besides its reason and message. @internal */
export interface ChannelErrorExtra {
  reqId?: string | undefined;
  gatewayCode?: number | undefined;
  closeCode?: number | undefined;
  cause?: unknown;
}

/** Builds the channel's errors: `(reason, message, extra) => TvsChannelError`. @internal */
export type ChannelErrorFactory = (
  reason: ChannelErrorReason,
  message: string,
  extra?: ChannelErrorExtra,
) => TvsChannelError;

/**
 * The error factory of one session's channel. Messages start with `commandChannel <SessionId>:`;
 * signatures in the message and anywhere in the `cause` chain are redacted (a WebSocket
 * constructor may quote the signed URL it refused). The channel never holds the access token.
 * @internal
 */
export function channelErrorFactory(sessionId: string): ChannelErrorFactory {
  return (reason, message, extra = {}) => {
    const { cause, ...facts } = extra;
    return new TvsChannelError(redactUrl(`commandChannel ${sessionId}: ${message}`), {
      sessionId,
      reason,
      ...facts,
      ...(cause === undefined ? {} : { cause: redactedCause(cause, redactUrl) }),
    });
  };
}
