// Looks codes up in the task FailCode table of https://cloud.tencent.com/document/product/1240/81277 (table 二).
import { VIDEO_ERRORS_PAGE } from '../codes/pages.js';
import type { ErrorCodeInfo } from './error-row.js';
import { failCodeTable } from './fail-code-table.js';
import { indexRows, successCode, unknownCode } from './summaries.js';

let index: ReadonlyMap<number, ErrorCodeInfo> | undefined;

/**
 * What {@link failCodeTable} says about a task's `FailCode` (from `getprogress` or the
 * `CallbackUrl` body). Not {@link describeErrorCode}: 801000, 801002 and 801004 mean different
 * things as API codes.
 *
 * @example
 * ```ts
 * import { describeFailCode } from '@tvs/envelope';
 * describeFailCode(801004).meaning; // 'The task crashed while rendering.'
 * describeFailCode(801004).mayLaterSucceed; // true: submitting it again may work
 * ```
 */
export function describeFailCode(code: number): ErrorCodeInfo {
  // Table 二's first row: "0 | 成功": a task that did not fail. Not a row of failCodeTable, whose rows are failures.
  if (code === 0) return successCode(VIDEO_ERRORS_PAGE);
  index ??= indexRows(failCodeTable);
  return index.get(code) ?? unknownCode(code, VIDEO_ERRORS_PAGE);
}
