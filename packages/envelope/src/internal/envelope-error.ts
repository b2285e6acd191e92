// Errors of the decoders of the envelope documented at https://www.tencentcloud.com/zh/document/product/1211/62085.
import { type EnvelopeErrorCode, TvsEnvelopeError } from '../errors/tvs-envelope-error.js';

/** What a decoder reads, for its messages, and the HTTP status to put on its errors. @internal */
export interface DecodeContext {
  /** Names the body in messages: `response`, `request`, `downlink message`… */
  what: string;
  httpStatus?: number | undefined;
}

/** A {@link TvsEnvelopeError} whose message starts with what was being decoded. @internal */
export function envelopeError(
  context: DecodeContext,
  code: EnvelopeErrorCode,
  message: string,
  extra?: { path?: string; requestId?: string | undefined; cause?: unknown },
): TvsEnvelopeError {
  return new TvsEnvelopeError(`${context.what} ${message}`, {
    code,
    httpStatus: context.httpStatus,
    ...extra,
  });
}
