import { SESSION_STATUS, type SessionStat } from '@tvs/envelope';
import { TvsSessionError } from '../errors/tvs-session-error.js';
import { TvsTimeoutError } from '../errors/tvs-timeout-error.js';
import { sleep } from '../sleep.js';

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

function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`waitReady: ${name} must be a positive number of milliseconds`);
  }
  return value;
}

/**
 * Polls `statsession` until the session is ready (status 1) and resolves with that state;
 * rejects with {@link TvsSessionError} when it failed (4) or closed (2), and with
 * `TvsTimeoutError` when `timeout` passes first. @internal
 */
export async function waitReady(
  stat: (sessionId: string, signal: AbortSignal | undefined) => Promise<SessionStat>,
  sessionId: string,
  options: WaitReadyOptions = {},
): Promise<SessionStat> {
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw new TypeError('waitReady: sessionId must be a non-empty string');
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError('waitReady: options must be an object');
  }
  const interval = positive(options.pollInterval, 'pollInterval', 1000);
  const timeout = options.timeout === false ? false : positive(options.timeout, 'timeout', 120_000);
  const deadline = timeout === false ? Number.POSITIVE_INFINITY : performance.now() + timeout;
  const { signal, onStatus } = options;
  let last: number | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const state = await stat(sessionId, signal);
    if (state.SessionStatus !== last) {
      last = state.SessionStatus;
      onStatus?.(state);
    }
    if (state.SessionStatus === SESSION_STATUS.READY) return state;
    if (
      state.SessionStatus === SESSION_STATUS.CLOSED ||
      state.SessionStatus === SESSION_STATUS.FAILED
    ) {
      throw new TvsSessionError(sessionId, state);
    }
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      throw new TvsTimeoutError(
        timeout === false ? undefined : timeout,
        {},
        `session ${sessionId} was not ready (last SessionStatus ${String(state.SessionStatus)})`,
      );
    }
    await sleep(Math.min(interval, remaining), signal);
  }
}
