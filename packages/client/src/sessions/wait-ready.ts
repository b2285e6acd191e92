import { SESSION_STATUS, type SessionStat } from '@tvs/envelope';
import { ApiPromise, type WithResponse } from '../api-promise.js';
import { TvsSessionError } from '../errors/tvs-session-error.js';
import { TvsTimeoutError } from '../errors/tvs-timeout-error.js';
import { DEFAULTS } from '../internal/defaults.js';
import {
  durationOption,
  functionOption,
  numberOption,
  objectOption,
} from '../internal/validate.js';
import type { OperationCall } from '../operation-call.js';
import type { Poller } from '../poller.js';

/** Options of `client.sessions.waitReady`. */
export interface WaitReadyOptions {
  /** Stops waiting; the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Milliseconds between polls (default 1 000). */
  pollInterval?: number | undefined;
  /** Milliseconds to wait in all (default 120 000); `false` for no limit. */
  timeout?: number | false | undefined;
  /** Called with each new `SessionStatus`. */
  onStatus?: ((state: SessionStat) => void) | undefined;
}

const WHERE = 'waitReady';

/**
 * Polls `statsession` until the session is ready (status 1) and resolves with that state;
 * rejects with {@link TvsSessionError} when it failed (4) or closed (2), and with
 * `TvsTimeoutError` when `timeout` passes first. @internal
 */
export function waitReady(
  poller: Poller,
  stat: OperationCall<'sessions.stat'>,
  sessionId: string,
  options?: WaitReadyOptions,
): ApiPromise<SessionStat> {
  return new ApiPromise(track(poller, stat, sessionId, options));
}

async function track(
  poller: Poller,
  stat: OperationCall<'sessions.stat'>,
  sessionId: string,
  options: WaitReadyOptions = {},
): Promise<WithResponse<SessionStat>> {
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw new TypeError(`${WHERE}: sessionId must be a non-empty string`);
  }
  const { signal } = objectOption(options, WHERE);
  const onStatus = functionOption(options.onStatus, WHERE, 'onStatus');
  const interval = numberOption(
    options.pollInterval,
    DEFAULTS.waitReady.pollInterval,
    WHERE,
    'pollInterval',
    { positive: true, unit: 'milliseconds' },
  );
  const timeout = durationOption(options.timeout, DEFAULTS.waitReady.timeout, WHERE, 'timeout');
  let last: number | undefined;
  const { done } = poller.track<WithResponse<SessionStat>, WithResponse<SessionStat>>(
    {
      poll: (pollSignal) => stat({ SessionId: sessionId }, { signal: pollSignal }).withResponse(),
      next: (result) => {
        const state = result.data;
        if (state.SessionStatus !== last) {
          last = state.SessionStatus;
          onStatus?.(state);
        }
        if (state.SessionStatus === SESSION_STATUS.READY) return { done: true, value: result };
        if (
          state.SessionStatus === SESSION_STATUS.CLOSED ||
          state.SessionStatus === SESSION_STATUS.FAILED
        ) {
          throw new TvsSessionError(sessionId, state, result.requestId);
        }
        return { done: false, delayMs: interval };
      },
    },
    {
      signal,
      timeoutMs: timeout,
      onTimeout: (answer) =>
        new TvsTimeoutError(
          timeout === false ? undefined : timeout,
          { requestId: (answer as WithResponse<SessionStat>).requestId },
          `session ${sessionId} was not ready (last SessionStatus ${String(last)})`,
        ),
    },
  );
  return done;
}
