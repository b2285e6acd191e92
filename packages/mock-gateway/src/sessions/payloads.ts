import { SESSION_STATUS, type SessionStatus } from '@tvs/envelope';
import type { SessionRecord } from './state.js';
import { isOver } from './timeline.js';

/** A session's `statsession` payload. @internal */
export function statPayload(session: SessionRecord): Record<string, unknown> {
  // What the avatar is doing now: the oldest drive not yet over, else the last one.
  const speaking = session.drives.find((d) => !isOver(d)) ?? session.drives.at(-1);
  return {
    SessionStatus: session.status satisfies SessionStatus,
    PlayStreamAddr: session.playStreamAddr,
    SpeakStatus: speaking?.speakStatus ?? 'Initial',
    IsSessionStarted: session.started,
    ErrorCode:
      session.status === SESSION_STATUS.CLOSED || session.status === SESSION_STATUS.FAILED
        ? (session.endCode ?? 0)
        : 0,
    ErrorMessage:
      session.status === SESSION_STATUS.CLOSED || session.status === SESSION_STATUS.FAILED
        ? (session.endMessage ?? '')
        : '',
  };
}

/** A session's row in the lists. @internal */
export function summary(session: SessionRecord): Record<string, unknown> {
  return {
    UserId: session.userId,
    SessionId: session.sessionId,
    SessionStatus: session.status,
    PlayStreamAddr: session.playStreamAddr,
    DriverType: session.driverType,
    IsSessionStarted: session.started,
  };
}
