// A body that is not the envelope the calling convention documents (https://www.tencentcloud.com/zh/document/product/1211/62085).
import { TvsError, type TvsErrorJSON } from './tvs-error.js';

/**
 * Why a body is not a usable gateway envelope:
 * - `empty`: an empty body (or `undefined`);
 * - `too-large`: over 16 MiB (bytes, or UTF-16 code units of a string);
 * - `not-utf8`: bytes that are not valid UTF-8;
 * - `not-json`: text that is not JSON, or a value JSON cannot hold (a function, a Date…);
 * - `too-deep`: nested deeper than 64 levels;
 * - `not-an-envelope`: valid JSON without a `Header` object (an array, a proxy's error page…);
 * - `bad-header`: `Header.Code`, `Message` or `RequestID` missing or of the wrong type;
 * - `bad-payload`: `Payload` present but not an object;
 * - `missing-field`, `wrong-type`: a field an operation relies on is absent or mistyped.
 */
export type EnvelopeErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-utf8'
  | 'not-json'
  | 'too-deep'
  | 'not-an-envelope'
  | 'bad-header'
  | 'bad-payload'
  | 'missing-field'
  | 'wrong-type';

/** What {@link TvsEnvelopeError} is built from. */
export interface TvsEnvelopeErrorInit {
  code: EnvelopeErrorCode;
  /** Where in the body, such as `Header.Code` or `Payload.TaskId`. */
  path?: string | undefined;
  requestId?: string | undefined;
  httpStatus?: number | undefined;
  cause?: unknown;
}

/**
 * A body that is not a gateway envelope, or lacks a field the SDK relies on. Never retryable:
 * the same bytes will not decode better next time. The message says what was wrong and quotes
 * at most a short excerpt of the body; `path` names the offending field.
 *
 * @example
 * ```ts
 * import { TvsEnvelopeError, decodeResponse } from '@tvs/envelope';
 * try {
 *   decodeResponse('<html>502 Bad Gateway</html>');
 * } catch (error) {
 *   if (error instanceof TvsEnvelopeError) error.code; // 'not-json'
 * }
 * ```
 */
export class TvsEnvelopeError extends TvsError {
  override name = 'TvsEnvelopeError';
  declare readonly code: EnvelopeErrorCode;
  /** Where in the body the problem is, such as `Payload.TaskId`; `undefined` for the whole body. */
  declare readonly path: string | undefined;

  constructor(message: string, init: TvsEnvelopeErrorInit) {
    super(message, { ...init, category: 'envelope', retryable: false });
    this.path = init.path;
  }

  override toJSON(): TvsErrorJSON {
    return { ...super.toJSON(), path: this.path };
  }
}
