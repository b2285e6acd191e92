import { PAGES } from '../codes/pages.js';
import { apiErrorTable } from './api-error-table.js';
import type { ErrorCodeInfo, ErrorRow } from './error-row.js';
import { failCodeTable } from './fail-code-table.js';

/** A table's rows by code, with the two summaries every lookup returns. */
function indexRows(rows: readonly ErrorRow[]): ReadonlyMap<number, ErrorCodeInfo> {
  return new Map(rows.map((row) => [row.code, withSummaries(row)]));
}

function withSummaries(row: ErrorRow): ErrorCodeInfo {
  return {
    ...row,
    retryable: row.safeToResend || row.mayLaterSucceed,
    explanation: `${row.meaning} ${row.advice}`,
  };
}

/** What a code no table lists gets: category `unknown`, and nothing may be sent again. */
function unknownCode(code: number, doc: string): ErrorCodeInfo {
  return withSummaries({
    code,
    meaning: 'A code no page of Tencent lists.',
    category: 'unknown',
    advice: "Read the gateway's message, and quote the RequestID to support.",
    doc,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: false,
  });
}

let apiIndex: ReadonlyMap<number, ErrorCodeInfo> | undefined;
let failIndex: ReadonlyMap<number, ErrorCodeInfo> | undefined;

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
  apiIndex ??= indexRows(apiErrorTable);
  return apiIndex.get(code) ?? unknownCode(code, PAGES.videoErrors);
}

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
  failIndex ??= indexRows(failCodeTable);
  return failIndex.get(code) ?? unknownCode(code, PAGES.videoErrors);
}
