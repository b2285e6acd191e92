import { redactSignatures } from '@tvs/envelope';

/**
 * Replaces the value of any `signature` parameter in `text` with `REDACTED` (the envelope's
 * {@link redactSignatures}, so the client and the mock gateway agree). @internal
 */
export const redactUrl: (text: string) => string = redactSignatures;

/** Redacts a text for an error or a log line. @internal */
export type Redact = (text: string) => string;

/**
 * A redactor for one client: signatures, and the access token itself wherever it appears (a
 * hostile or broken server could echo it). @internal
 */
export function createRedactor(secret: string | undefined): Redact {
  if (!secret) return redactUrl;
  return (text) => redactUrl(text.includes(secret) ? text.replaceAll(secret, 'REDACTED') : text);
}

/** How deep a cause chain is copied. */
const MAX_DEPTH = 4;

/**
 * A copy of an error that is safe to keep as a `cause`: name, message, stack and `code`,
 * redacted, with its own cause copied the same way. Other properties are dropped: a fetch
 * library's error may hold the signed `Request` or socket details, and `util.inspect` prints
 * every own property. Non-errors become their redacted string. @internal
 */
export function redactedCause(error: unknown, redact: Redact, depth = 0): unknown {
  if (error === undefined || error === null) return error;
  if (typeof error !== 'object') return redact(String(error));
  const source = error as {
    name?: unknown;
    message?: unknown;
    stack?: unknown;
    code?: unknown;
    cause?: unknown;
  };
  const message = typeof source.message === 'string' ? source.message : String(error);
  const copy = new Error(redact(message));
  if (typeof source.name === 'string') {
    Object.defineProperty(copy, 'name', { value: source.name, configurable: true, writable: true });
  }
  copy.stack =
    typeof source.stack === 'string' ? redact(source.stack) : `${copy.name}: ${copy.message}`;
  if (typeof source.code === 'string' || typeof source.code === 'number') {
    Object.defineProperty(copy, 'code', {
      value: source.code,
      enumerable: true,
      configurable: true,
    });
  }
  if (source.cause !== undefined && depth < MAX_DEPTH) {
    Object.defineProperty(copy, 'cause', {
      value: redactedCause(source.cause, redact, depth + 1),
      configurable: true,
      writable: true,
    });
  }
  return copy;
}
