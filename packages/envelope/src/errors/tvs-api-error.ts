// A non-zero `Header.Code` of the envelope (https://www.tencentcloud.com/zh/document/product/1211/62085), explained from the tables of
// https://cloud.tencent.com/document/product/1240/81277, https://cloud.tencent.com/document/product/1240/100406 and https://cloud.tencent.com/document/product/1240/96071.
import { describeErrorCode } from '../error-tables/describe-error-code.js';
import { clip } from '../internal/clip.js';
import { splitGatewayMessage } from '../split-message.js';
import { TvsError, type TvsErrorJSON } from './tvs-error.js';

/** The longest gateway `Message` (UTF-16 code units) an error keeps; longer ones are cut. */
const MAX_GATEWAY_MESSAGE_LENGTH = 200;

/** What {@link TvsApiError} is built from: the header fields of a non-zero `Code`. */
export interface TvsApiErrorInit {
  /** The gateway's `Header.Code`: any non-zero integer, negative ones included. */
  code: number;
  /** The gateway's `Header.Message`, such as `InternalError.DataNotExist:记录不存在`. */
  gatewayMessage: string;
  requestId?: string | undefined;
  httpStatus?: number | undefined;
}

/**
 * The gateway answered with a non-zero `Header.Code`. Besides the code and `requestId` it
 * carries the gateway's message (split into `errorClass` and `detail`) and what
 * {@link @tvs/envelope!index.apiErrorTable | apiErrorTable} says about the code: `category`, `safeToResend` (the gateway refused
 * before acting: any call may be sent again), `mayLaterSucceed` (a later attempt may work, but
 * only an idempotent call may be repeated), `documented`, `doc` (the page) and a one-line
 * `explanation`. Unknown codes get category `unknown`, nothing safe to send again.
 *
 * @example
 * ```ts
 * import { TvsApiError, decodeResponse } from '@tvs/envelope';
 * try {
 *   decodeResponse('{"Header":{"Code":100012,"Message":"RequestLimitExceeded:请求过于频繁","RequestID":"r1"}}');
 * } catch (error) {
 *   if (error instanceof TvsApiError) {
 *     error.code; // 100012
 *     error.category; // 'throttle'
 *     error.safeToResend; // true
 *   }
 * }
 * ```
 */
export class TvsApiError extends TvsError {
  override name = 'TvsApiError';
  declare readonly code: number;
  /**
   * `safeToResend || mayLaterSucceed`.
   * @deprecated Read `safeToResend` (any call may be sent again) and `mayLaterSucceed` (only an
   *   idempotent call may): one flag cannot tell the two apart.
   */
  declare readonly retryable: boolean;
  /** The gateway's message, cut to 200 characters at most. */
  readonly gatewayMessage: string;
  /** The class part of the gateway's message, such as `InternalError.DataNotExist`. */
  readonly errorClass: string | undefined;
  /** The text part of the gateway's message. */
  readonly detail: string;
  /** The gateway refused before acting: any call, idempotent or not, may be sent again. */
  readonly safeToResend: boolean;
  /** A later attempt may succeed; unless `safeToResend`, only an idempotent call may be repeated. */
  readonly mayLaterSucceed: boolean;
  /** Whether a page of Tencent lists the code. */
  readonly documented: boolean;
  /** The page that documents the code. */
  readonly doc: string;
  /** One line of English from the error table: what the code means and what to do. */
  readonly explanation: string;

  constructor(init: TvsApiErrorInit) {
    const info = describeErrorCode(init.code);
    const gatewayMessage = clip(init.gatewayMessage, MAX_GATEWAY_MESSAGE_LENGTH);
    super(
      `gateway error ${init.code} (${info.category}): ${gatewayMessage || '(no message)'}. ${info.explanation}`,
      {
        code: init.code,
        category: info.category,
        retryable: info.retryable,
        requestId: init.requestId,
        httpStatus: init.httpStatus,
      },
    );
    const parts = splitGatewayMessage(gatewayMessage);
    this.gatewayMessage = gatewayMessage;
    this.errorClass = parts.errorClass;
    this.detail = parts.text;
    this.safeToResend = info.safeToResend;
    this.mayLaterSucceed = info.mayLaterSucceed;
    this.documented = info.documented;
    this.doc = info.doc;
    this.explanation = info.explanation;
  }

  override toJSON(): TvsErrorJSON {
    return {
      ...super.toJSON(),
      gatewayMessage: this.gatewayMessage,
      errorClass: this.errorClass,
      safeToResend: this.safeToResend,
      mayLaterSucceed: this.mayLaterSucceed,
      explanation: this.explanation,
    };
  }
}
