// The two summaries every lookup adds to a row of https://cloud.tencent.com/document/product/1240/81277, https://cloud.tencent.com/document/product/1240/100406 or https://cloud.tencent.com/document/product/1240/96071.
import type { ErrorCodeInfo, ErrorRow } from './error-row.js';

/** A table's rows by code, with the two summaries every lookup returns. @internal */
export function indexRows(rows: readonly ErrorRow[]): ReadonlyMap<number, ErrorCodeInfo> {
  return new Map(rows.map((row) => [row.code, withSummaries(row)]));
}

function withSummaries(row: ErrorRow): ErrorCodeInfo {
  return {
    ...row,
    retryable: row.safeToResend || row.mayLaterSucceed,
    explanation: `${row.meaning} ${row.advice}`,
  };
}

/**
 * What FailCode 0 gets: success ("0 | 成功 | 无", 1240/81277 table 二), documented, nothing to do.
 * Its category is `unknown`: the categories name kinds of failure. @internal
 */
export function successCode(doc: string): ErrorCodeInfo {
  return withSummaries({
    code: 0,
    meaning: 'Success: the task did not fail.',
    category: 'unknown',
    advice: 'Nothing to do.',
    doc,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  });
}

/** What a code no table lists gets: category `unknown`, and nothing may be sent again. @internal */
export function unknownCode(code: number, doc: string): ErrorCodeInfo {
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
