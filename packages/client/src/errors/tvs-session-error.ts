import { describeErrorCode, SESSION_STATUS, type TvsErrorJSON } from '@tvs/envelope';
import { TvsClientError } from './client-error.js';

/** Why a session cannot be used: it failed (status 4) or closed (status 2). */
export type SessionErrorReason = 'failed' | 'closed';

/**
 * A session ended up where it cannot be used: `statsession` reported it failed (status 4) or
 * closed (status 2) while the SDK waited for it. `errorCode`/`errorMessage` are the gateway's
 * `ErrorCode`/`ErrorMessage`, explained from the error table in `explanation`.
 *
 * @example
 * ```ts
 * try {
 *   await client.sessions.waitReady(sessionId);
 * } catch (error) {
 *   if (error instanceof TvsSessionError) console.log(error.reason, error.errorCode);
 * }
 * ```
 */
export class TvsSessionError extends TvsClientError {
  override name = 'TvsSessionError';
  readonly sessionId: string;
  readonly reason: SessionErrorReason;
  /** The last `SessionStatus` seen (2 or 4). */
  readonly sessionStatus: number;
  readonly errorCode: number | undefined;
  readonly errorMessage: string;
  readonly explanation: string;

  constructor(
    sessionId: string,
    state: Readonly<Record<string, unknown>>,
    requestId?: string | undefined,
  ) {
    const status = Number(state['SessionStatus']);
    const reason: SessionErrorReason = status === SESSION_STATUS.FAILED ? 'failed' : 'closed';
    const errorCode =
      typeof state['ErrorCode'] === 'number' && state['ErrorCode'] !== 0
        ? state['ErrorCode']
        : undefined;
    const errorMessage = typeof state['ErrorMessage'] === 'string' ? state['ErrorMessage'] : '';
    const info = errorCode === undefined ? undefined : describeErrorCode(errorCode);
    const explanation =
      info?.explanation ??
      (reason === 'failed'
        ? 'The session failed: close it and create a new one.'
        : 'The session is closed: create a new one.');
    super(
      `session ${sessionId} ${reason === 'failed' ? 'failed (status 4)' : 'is closed (status 2)'}${errorCode === undefined ? '' : ` with ErrorCode ${errorCode}`}${errorMessage ? `: ${errorMessage}` : ''}. ${explanation}`,
      errorCode === undefined ? `SESSION_${reason.toUpperCase()}` : String(errorCode),
      'session',
      info?.retryable ?? false,
      { requestId },
    );
    this.sessionId = sessionId;
    this.reason = reason;
    this.sessionStatus = status;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.explanation = explanation;
  }

  override toJSON(): TvsErrorJSON {
    const json = super.toJSON();
    json.sessionId = this.sessionId;
    json.reason = this.reason;
    json.sessionStatus = this.sessionStatus;
    if (this.errorCode !== undefined) json.errorCode = this.errorCode;
    return json;
  }
}
