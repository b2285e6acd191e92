// The base of the SDK's errors; the gateway's own codes are those of https://cloud.tencent.com/document/product/1240/81277, https://cloud.tencent.com/document/product/1240/100406 and https://cloud.tencent.com/document/product/1240/96071.
import type { ApiErrorCategory } from '../error-tables/error-row.js';
import { clip, MAX_MESSAGE_LENGTH } from '../internal/clip.js';

/**
 * What kind of failure an error is. The first group comes from the gateway's error table
 * (see {@link @tvs/envelope!index.apiErrorTable | apiErrorTable}); `envelope` is a body that is not a gateway envelope; the last four
 * are for the transport built on top of this package (HTTP status, timeout, network, and a
 * failure after which nobody can tell whether the gateway acted).
 */
export type TvsErrorCategory =
  | ApiErrorCategory
  | 'envelope'
  | 'http'
  | 'timeout'
  | 'network'
  | 'ambiguous';

/** What every {@link TvsError} constructor takes besides its message. */
export interface TvsErrorOptions {
  /** The gateway's numeric `Code`, or a short string naming the failure. */
  code: number | string;
  category: TvsErrorCategory;
  /** `true` when the gateway did not act on the request and asking again later can succeed. */
  retryable: boolean;
  /** The gateway's `RequestID`, when known. */
  requestId?: string | undefined;
  /** The HTTP status of the response, when known. */
  httpStatus?: number | undefined;
  /** The underlying error, kept as the standard `cause`. */
  cause?: unknown;
}

/** The plain-data form of a {@link TvsError}, as `JSON.stringify` writes it. */
export interface TvsErrorJSON {
  name: string;
  message: string;
  code: number | string;
  category: TvsErrorCategory;
  retryable: boolean;
  requestId?: string | undefined;
  httpStatus?: number | undefined;
  [key: string]: unknown;
}

/**
 * The base of every error the SDK throws on purpose. Carries the gateway `code`, a `category`,
 * whether a retry can help, and the `requestId` to quote to support. Its `message` is always
 * under 1 KB of UTF-8 (at most 333 UTF-16 code units), however large the input that caused it,
 * and `toJSON()` gives clean data for structured logs.
 *
 * @example
 * ```ts
 * import { TvsError, decodeResponse } from '@tvs/envelope';
 * try {
 *   decodeResponse(text);
 * } catch (error) {
 *   if (error instanceof TvsError && error.retryable) scheduleRetry();
 *   console.log(JSON.stringify(error)); // {"name":"TvsApiError","code":100012,…}
 * }
 * ```
 */
export class TvsError extends Error {
  override name = 'TvsError';
  declare readonly code: number | string;
  declare readonly category: TvsErrorCategory;
  declare readonly retryable: boolean;
  declare readonly requestId: string | undefined;
  declare readonly httpStatus: number | undefined;

  constructor(message: string, options: TvsErrorOptions) {
    // Error reads `cause` from the options only when the key is present.
    super(clip(message, MAX_MESSAGE_LENGTH), options);
    this.code = options.code;
    this.category = options.category;
    this.retryable = options.retryable;
    this.requestId = options.requestId;
    this.httpStatus = options.httpStatus;
  }

  /**
   * Plain data for logs: name, message, code, category, retryable, and requestId and
   * httpStatus when known (`JSON.stringify` leaves out the undefined ones).
   */
  toJSON(): TvsErrorJSON {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      category: this.category,
      retryable: this.retryable,
      requestId: this.requestId,
      httpStatus: this.httpStatus,
    };
  }
}
