/**
 * A session's `SessionStatus`, by name (Tencent's page 1240/100389, `statsession`): `1` ready
 * (the stream is up: start it), `2` closed, `3` preparing, `4` failed (`ErrorCode` and
 * `ErrorMessage` say why).
 *
 * @example
 * ```ts
 * import { SESSION_STATUS } from '@tvs/envelope';
 * const { SessionStatus } = await client.sessions.stat({ SessionId });
 * if (SessionStatus === SESSION_STATUS.READY) await client.sessions.start({ SessionId });
 * ```
 */
export const SESSION_STATUS = {
  READY: 1,
  CLOSED: 2,
  PREPARING: 3,
  FAILED: 4,
} as const;

/**
 * A session's state as `statsession` and the session lists report it: a value of
 * {@link SESSION_STATUS}, or a number a newer gateway may add.
 */
export type SessionStatus = (typeof SESSION_STATUS)[keyof typeof SESSION_STATUS] | (number & {});
