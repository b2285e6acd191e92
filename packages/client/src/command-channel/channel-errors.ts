import { type ChannelErrorReason, TvsChannelError } from '../errors/tvs-channel-error.js';
import { redactUrl } from '../retry-policy.js';

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
      ...(cause === undefined ? {} : { cause: redactedCause(cause) }),
    });
  };
}

/** How deep a `cause` chain is copied; deeper causes are left out. */
const MAX_CAUSE_DEPTH = 4;

/**
 * A copy of `cause` that is safe to keep: an `Error` becomes a plain `Error` with the same
 * `name`, string `code`, message and stack, signatures redacted, and its own `cause` copied the
 * same way; other values become redacted text. Nothing else of the original is kept, so
 * `util.inspect(error, { showHidden: true })` cannot reach a signed URL through it. @internal
 */
export function redactedCause(cause: unknown, depth = 0): unknown {
  if (!(cause instanceof Error) && !isErrorLike(cause)) return redactUrl(describe(cause));
  const copy = new Error(redactUrl(String(cause.message)));
  copy.name = String(cause.name);
  copy.stack = redactUrl(String(cause.stack ?? `${copy.name}: ${copy.message}`));
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') {
    Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  }
  const inner = (cause as { cause?: unknown }).cause;
  if (inner !== undefined && depth + 1 < MAX_CAUSE_DEPTH) {
    Object.defineProperty(copy, 'cause', {
      value: redactedCause(inner, depth + 1),
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** A `DOMException` or an error from another realm: named, with a message. */
function isErrorLike(value: unknown): value is Error {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { message?: unknown }).message === 'string' &&
    typeof (value as { name?: unknown }).name === 'string'
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
