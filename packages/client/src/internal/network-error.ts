import { type Redact, redactUrl } from './redact.js';

/** Error codes (on the error or its causes) that mean the request never left this machine. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ConnectionRefused',
]);

/** The error, then its causes, at most six deep. */
function* chain(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    yield current as { code?: unknown; message?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * Whether a failed fetch certainly did not deliver the request: the connection was refused or
 * the host did not resolve. Anything else (a reset, a dropped socket) may have reached the
 * gateway. Looks at `code` and `message` along the `cause` chain, as Node, Deno and Bun differ.
 * @internal
 */
export function wasNotSent(error: unknown): boolean {
  for (const { code, message } of chain(error)) {
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
    if (
      typeof message === 'string' &&
      /connection refused|ECONNREFUSED|ENOTFOUND|bad port/i.test(message)
    ) {
      return true;
    }
  }
  return false;
}

/** A short description of a network failure, from the deepest cause that has one. @internal */
export function describeNetworkError(error: unknown, redact: Redact = redactUrl): string {
  const parts: string[] = [];
  let depth = 0;
  for (const { code, message } of chain(error)) {
    if (typeof code === 'string') parts.push(code);
    else if (typeof message === 'string' && message && depth > 0) parts.push(message);
    depth++;
  }
  const first = error instanceof Error ? error.message : String(error);
  return redact(parts.length > 0 ? `${first} (${parts.join(': ')})` : first);
}
