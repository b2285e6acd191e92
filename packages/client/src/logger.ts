/** One line per attempt, as the client logs it. */
export interface AttemptLog {
  /** The operation name (`video.make`) or, for `client.request`, the path. */
  operation: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The HTTP status, when a response arrived. */
  status?: number;
  /** The gateway's `Header.Code`, when the body was an envelope. */
  code?: number;
  /** Milliseconds from sending to the end of the body (or the failure). */
  latencyMs: number;
  requestId: string;
  /** The URL called, its `signature` replaced by `REDACTED`. */
  url: string;
  /** What happens next: `done`, `retry`, `resign` (clock skew learned) or `fail`. */
  outcome: 'done' | 'retry' | 'resign' | 'fail';
  /** For failures without a response: the error's name. */
  error?: string;
}

/**
 * Where the client writes its attempt lines. `console` fits, as do most logging libraries;
 * `TVS_DEBUG=1` in the environment logs to `console.error` when no logger is given.
 */
export interface Logger {
  debug(message: string, fields: AttemptLog): void;
}

/** Formats an attempt as one line, e.g. `tvs video.make attempt=1 status=200 code=0 …`. @internal */
export function formatAttempt(log: AttemptLog): string {
  let line = `tvs ${log.operation} attempt=${log.attempt}`;
  if (log.status !== undefined) line += ` status=${log.status}`;
  if (log.code !== undefined) line += ` code=${log.code}`;
  if (log.error !== undefined) line += ` error=${log.error}`;
  return `${line} latency=${Math.round(log.latencyMs)}ms requestId=${log.requestId} outcome=${log.outcome} url=${log.url}`;
}

/** The logger `TVS_DEBUG=1` turns on. @internal */
export const consoleLogger: Logger = {
  debug(message) {
    console.error(message);
  },
};
