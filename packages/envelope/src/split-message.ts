/** The gateway's `Message` split into its class name and its text. */
export interface GatewayMessageParts {
  /** The class before the colon, such as `InternalError.DataNotExist`; `undefined` when absent. */
  errorClass: string | undefined;
  /** The text after the colon, or the whole message when it has no class. */
  text: string;
}

// A class is dot-separated words starting with a letter (no empty segment); `s`: the text may
// span lines.
const CLASSED = /^([A-Za-z](?:\.?[\w-])*)\s*[:：]\s*(.*)/s;

/**
 * Splits a gateway `Message` such as `InternalError.DataNotExist:记录不存在` into the error
 * class and the text. Accepts an ASCII or a full-width colon; a message without a class comes
 * back whole as `text`.
 *
 * @example
 * ```ts
 * import { splitGatewayMessage } from '@tvs/envelope';
 * splitGatewayMessage('InternalError.DataNotExist:记录不存在');
 * // => { errorClass: 'InternalError.DataNotExist', text: '记录不存在' }
 * ```
 */
export function splitGatewayMessage(message: string): GatewayMessageParts {
  const match = CLASSED.exec(message);
  return match
    ? { errorClass: match[1], text: match[2]! }
    : { errorClass: undefined, text: message };
}
