// Looks codes up in the API-code tables of https://cloud.tencent.com/document/product/1240/81277, https://cloud.tencent.com/document/product/1240/100406 and https://cloud.tencent.com/document/product/1240/96071.
import { VIDEO_ERRORS_PAGE } from '../codes/pages.js';
import { apiErrorTable } from './api-error-table.js';
import type { ErrorCodeInfo } from './error-row.js';
import { indexRows, unknownCode } from './summaries.js';

let index: ReadonlyMap<number, ErrorCodeInfo> | undefined;

/**
 * What {@link apiErrorTable} says about an API code (`Header.Code`): meaning, category, advice,
 * page, `safeToResend`, `mayLaterSucceed`, `documented`, and the summaries `retryable`
 * (deprecated) and `explanation`. A code no table lists gets category `unknown`, with nothing
 * safe to send again.
 *
 * @example
 * ```ts
 * import { describeErrorCode } from '@tvs/envelope';
 * describeErrorCode(100012).safeToResend; // true: throttled, the gateway did nothing
 * describeErrorCode(-101000).mayLaterSucceed; // true, but the gateway may have acted
 * describeErrorCode(123).category; // 'unknown'
 * ```
 */
export function describeErrorCode(code: number): ErrorCodeInfo {
  index ??= indexRows(apiErrorTable);
  return index.get(code) ?? unknownCode(code, VIDEO_ERRORS_PAGE);
}
