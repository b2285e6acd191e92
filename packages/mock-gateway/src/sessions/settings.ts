import { API_CODES, LIMITS } from '@tvs/envelope';
import { numberOption } from '../internal/check-option.js';
import type { MockSessionOptions } from './types.js';

/**
 * The documented codes (1240/100406) the session family answers with, by situation. A failed
 * or idled-out session is refused as closed (110013, whose advice is to read statsession's
 * ErrorCode and ErrorMessage); another appkey's session does not exist for the caller (110018);
 * the concurrency limit is 100008 (超过并发限制: check the sessions in use against the limit).
 * @internal
 */
export const SESSION_CODES = {
  closed: API_CODES.SESSION_CLOSED,
  notReady: API_CODES.SESSION_NOT_READY,
  notStarted: API_CODES.SESSION_NOT_STARTED,
  notFound: API_CODES.SESSION_NOT_FOUND,
  takenOver: API_CODES.SESSION_REPLACED,
  concurrency: API_CODES.LIMIT_EXCEEDED,
} as const;

/** The `sessions` option, checked, with its defaults (the documented limits). @internal */
export function sessionSettings(options: MockSessionOptions | undefined) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError('createMockGateway: sessions must be an object');
  }
  const o = options ?? {};
  const zeroOk = { allowZero: true };
  return {
    maxConcurrent: numberOption(o.maxConcurrent, 'sessions.maxConcurrent', 2, { integer: true }),
    prepareMs: numberOption(o.prepareMs, 'sessions.prepareMs', 3000, zeroOk),
    socketIdleMs: numberOption(o.socketIdleMs, 'sessions.socketIdleMs', LIMITS.SOCKET_IDLE_MS),
    sessionIdleMs: numberOption(o.sessionIdleMs, 'sessions.sessionIdleMs', LIMITS.SESSION_IDLE_MS),
    speechSpeed: numberOption(o.speechSpeed, 'sessions.speechSpeed', 1),
    textIntervalMs: numberOption(
      o.textIntervalMs,
      'sessions.textIntervalMs',
      LIMITS.TEXT_INTERVAL_MS,
      zeroOk,
    ),
  };
}

/** @internal */
export type SessionSettings = ReturnType<typeof sessionSettings>;
