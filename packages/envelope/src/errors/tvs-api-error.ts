import { clip } from '../clip.js';
import { describeErrorCode } from '../error-table.js';
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
 * carries the gateway's message (split into `errorClass` and `detail`) and what the
 * {@link errorTable} knows about the code: `category`, `retryable` and a one-line
 * `explanation` of what it means and what to do. Unknown codes get category `unknown` and are
 * not retryable.
 *
 * @example
 * ```ts
 * import { TvsApiError, decodeResponse } from '@tvs/envelope';
 * try {
 *   decodeResponse('{"Header":{"Code":100009,"Message":"InternalError.DataNotExist:记录不存在","RequestID":"r1"}}');
 * } catch (error) {
 *   if (error instanceof TvsApiError) {
 *     error.code; // 100009
 *     error.category; // 'not-found'
 *     error.errorClass; // 'InternalError.DataNotExist'
 *   }
 * }
 * ```
 */
export class TvsApiError extends TvsError {
  override name = 'TvsApiError';
  declare readonly code: number;
  /** The gateway's message, cut to 200 characters at most. */
  declare readonly gatewayMessage: string;
  /** The class part of the gateway's message, such as `InternalError.DataNotExist`. */
  declare readonly errorClass: string | undefined;
  /** The text part of the gateway's message. */
  declare readonly detail: string;
  /** One line of English from the error table: what the code means and what to do. */
  declare readonly explanation: string;

  constructor(init: TvsApiErrorInit) {
    const info = describeErrorCode(init.code);
    const gatewayMessage = clip(init.gatewayMessage, MAX_GATEWAY_MESSAGE_LENGTH);
    super(
      `gateway error ${init.code} (${info.category}): ${gatewayMessage || '(no message)'}. ${info.explanation}`,
      // code, requestId and httpStatus from init, category and retryable from the table; the rest
      // is ignored.
      { ...init, ...info },
    );
    this.gatewayMessage = gatewayMessage;
    ({ errorClass: this.errorClass, text: this.detail } = splitGatewayMessage(gatewayMessage));
    this.explanation = info.explanation;
  }

  override toJSON(): TvsErrorJSON {
    return {
      ...super.toJSON(),
      gatewayMessage: this.gatewayMessage,
      errorClass: this.errorClass,
      explanation: this.explanation,
    };
  }
}
