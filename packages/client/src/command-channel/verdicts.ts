import {
  CHANNEL_CLOSE_CODES,
  type DownlinkMessage,
  SESSION_STATUS,
  type SessionStat,
} from '@tvs/envelope';
import type { ChannelErrorReason } from '../errors/tvs-channel-error.js';

/** Why the channel stops for good instead of reconnecting. @internal */
export interface EndVerdict {
  readonly reason: ChannelErrorReason;
  readonly message: string;
  readonly gatewayCode?: number | undefined;
  readonly closeCode?: number | undefined;
}

/**
 * Whether a socket close code ends the channel: the session ended (`lastSessionError`, the last
 * Type 9 message without a `ReqId`, says why) or another connection took over. `undefined`:
 * the drop is transient, reconnect. The gateway's close codes are undocumented; these are the
 * SDK's (`CHANNEL_CLOSE_CODES`). @internal
 */
export function closeVerdict(
  closeCode: number,
  lastSessionError: DownlinkMessage | undefined,
): EndVerdict | undefined {
  if (closeCode === CHANNEL_CLOSE_CODES.SESSION_ENDED) {
    const gatewayCode = numberField(lastSessionError, 'Code');
    const why = textField(lastSessionError, 'Message');
    return {
      reason: 'session-ended',
      message: `the session ended${why === undefined ? '' : `: ${why}`}`,
      gatewayCode,
      closeCode,
    };
  }
  if (closeCode === CHANNEL_CLOSE_CODES.REPLACED) {
    return {
      reason: 'replaced',
      message: 'another connection for this session took over',
      closeCode,
    };
  }
  return undefined;
}

/**
 * Why an upgrade failed, from `statsession` (1240/100389): a session that is not ready and
 * started cannot take a channel, so the channel stops with a reason the caller can act on.
 * `undefined`: the session is running, so the failure was transient; reconnect. @internal
 */
export function upgradeVerdict(state: SessionStat): EndVerdict | undefined {
  const status = state.SessionStatus;
  if (status === SESSION_STATUS.READY && state.IsSessionStarted !== false) return undefined;
  const gatewayCode =
    typeof state.ErrorCode === 'number' && state.ErrorCode !== 0 ? state.ErrorCode : undefined;
  if (status === SESSION_STATUS.CLOSED || status === SESSION_STATUS.FAILED) {
    const code = gatewayCode === undefined ? '' : ` (ErrorCode ${gatewayCode})`;
    const why = state.ErrorMessage ? `: ${state.ErrorMessage}` : '';
    const word = status === SESSION_STATUS.CLOSED ? 'closed' : 'failed';
    return { reason: 'session-ended', message: `the session is ${word}${code}${why}`, gatewayCode };
  }
  return {
    reason: 'connect-failed',
    message:
      status === SESSION_STATUS.PREPARING
        ? 'the session is still preparing: wait for sessions.waitReady, then sessions.start'
        : 'the session is not started: call sessions.start first (or use sessions.open / sessions.run)',
    gatewayCode,
  };
}

function numberField(message: DownlinkMessage | undefined, name: string): number | undefined {
  const value = message?.[name];
  return typeof value === 'number' ? value : undefined;
}

function textField(message: DownlinkMessage | undefined, name: string): string | undefined {
  const value = message?.[name];
  return typeof value === 'string' ? value : undefined;
}
