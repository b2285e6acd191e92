import { describe, expect, it } from 'vitest';
import documentedTables from '../../test/fixtures/error-tables.json' with { type: 'json' };
import { API_CODES } from '../codes/api-codes.js';
import { FAIL_CODES } from '../codes/fail-codes.js';
import { apiErrorTable } from './api-error-table.js';
import { describeErrorCode } from './describe-error-code.js';
import { describeFailCode } from './describe-fail-code.js';
import type { ErrorRow } from './error-row.js';
import { failCodeTable } from './fail-code-table.js';

const VIDEO = 'https://cloud.tencent.com/document/product/1240/81277';
const INTERACTIVE = 'https://cloud.tencent.com/document/product/1240/100406';
const CUSTOMISATION = 'https://cloud.tencent.com/document/product/1240/96071';

/** The codes of the documented tables (test/fixtures/error-tables.json), success left out. */
function documentedCodes(kind: 'api' | 'fail', page?: string): number[] {
  return documentedTables.tables
    .filter((t) => t.table === kind && (page === undefined || t.page === page))
    .flatMap((t) => t.rows.map((r) => r.code))
    .filter((code) => code !== 0);
}

const categories = [
  'auth',
  'validation',
  'not-found',
  'quota',
  'throttle',
  'capacity',
  'session',
  'content',
  'conflict',
  'expired',
  'internal',
];

describe.each([
  ['API codes (Header.Code)', 'api', apiErrorTable],
  ['task FailCodes', 'fail', failCodeTable],
] as const)('%s', (_name, kind, table: readonly ErrorRow[]) => {
  const documented = new Set(documentedCodes(kind));

  it('has a row for every code of the documented tables, marked documented', () => {
    const rows = new Map(table.map((row) => [row.code, row]));
    const missing = [...documented].filter((code) => rows.get(code)?.documented !== true);
    expect(missing).toEqual([]);
  });

  it('marks every other row undocumented, and has one row per code', () => {
    const extra = table.filter((row) => row.documented && !documented.has(row.code));
    expect(extra.map((row) => row.code)).toEqual([]);
    expect(new Set(table.map((row) => row.code)).size).toBe(table.length);
  });

  it.each(table.map((row) => [row.code, row] as const))('%i: a readable row', (_code, row) => {
    expect(categories).toContain(row.category);
    expect(row.meaning).toMatch(/^[A-Z(][^\n]{8,110}\.$/);
    expect(row.advice).toMatch(/^[A-Z][^\n]{8,130}\.$/);
    expect([VIDEO, INTERACTIVE, CUSTOMISATION]).toContain(row.doc);
    if (row.documented) {
      expect(documentedCodes(kind, row.doc)).toContain(row.code);
    }
  });
});

describe('the two tables', () => {
  it('count the documented rows: 20 + 21 + 7 API rows on three pages (35 codes), 17 FailCodes', () => {
    expect(documentedCodes('api', VIDEO)).toHaveLength(20);
    expect(documentedCodes('api', INTERACTIVE)).toHaveLength(21);
    expect(documentedCodes('api', CUSTOMISATION)).toHaveLength(7);
    expect(new Set(documentedCodes('api')).size).toBe(35);
    expect(apiErrorTable.filter((row) => row.documented)).toHaveLength(35);
    expect(documentedCodes('fail')).toHaveLength(17);
    expect(failCodeTable).toHaveLength(17);
  });

  it('tell 801000, 801002 and 801004 apart: one meaning as an API code, another as a FailCode (1240/81277)', () => {
    expect(describeErrorCode(801004).category).toBe('throttle');
    expect(describeErrorCode(801004).safeToResend).toBe(true);
    expect(describeFailCode(801004).meaning).toBe('The task crashed while rendering.');
    expect(describeFailCode(801004).safeToResend).toBe(false);
    for (const code of [801000, 801002, 801004]) {
      expect(describeErrorCode(code).meaning).not.toBe(describeFailCode(code).meaning);
    }
  });

  it('do not call 100014 safe to resend: its advice is to check the quota (1240/100406)', () => {
    const row = describeErrorCode(API_CODES.CONCURRENCY_QUOTA_SHORT);
    expect(row).toMatchObject({ category: 'quota', safeToResend: false, mayLaterSucceed: false });
    expect(row.advice).toContain('quota');
  });

  it('tell "the gateway refused before acting" from "it may have acted"', () => {
    expect(describeErrorCode(API_CODES.REQUEST_LIMIT_EXCEEDED)).toMatchObject({
      safeToResend: true,
      mayLaterSucceed: true,
      retryable: true,
    });
    expect(describeErrorCode(API_CODES.INSUFFICIENT_COMPUTE).safeToResend).toBe(true);
    expect(describeErrorCode(API_CODES.INTERNAL_ERROR)).toMatchObject({
      safeToResend: false,
      mayLaterSucceed: true,
      retryable: true,
    });
    expect(describeErrorCode(API_CODES.INVALID_PARAMETER).retryable).toBe(false);
  });

  it('name every API code and FailCode of the tables, and every name has a row', () => {
    const named = (codes: Record<string, number>) =>
      Object.values(codes).filter((code) => code !== 0);
    expect(named(API_CODES).filter((code) => !describeErrorCode(code).documented)).toEqual([]);
    expect(named(FAIL_CODES).filter((code) => !describeFailCode(code).documented)).toEqual([]);
    expect(named(API_CODES).sort()).toEqual([...new Set(documentedCodes('api'))].sort());
    expect(named(FAIL_CODES).sort()).toEqual(documentedCodes('fail').sort());
  });

  it('describe an unknown code as unknown, nothing safe to send again', () => {
    for (const info of [describeErrorCode(123), describeFailCode(123)]) {
      expect(info).toMatchObject({
        code: 123,
        category: 'unknown',
        safeToResend: false,
        mayLaterSucceed: false,
        retryable: false,
        documented: false,
      });
    }
    expect(describeErrorCode(801401).category).toBe('unknown'); // a FailCode, not an API code
  });

  it('describe FailCode 0 as the success table 二 of 1240/81277 lists first ("0 | 成功")', () => {
    expect(describeFailCode(FAIL_CODES.OK)).toMatchObject({
      code: 0,
      meaning: 'Success: the task did not fail.',
      documented: true,
      mayLaterSucceed: false,
      doc: 'https://cloud.tencent.com/document/product/1240/81277',
    });
    expect(failCodeTable.some((row) => row.code === 0)).toBe(false); // the table holds failures
  });

  it('explain in one line: meaning, then advice', () => {
    const info = describeErrorCode(API_CODES.RECORD_NOT_FOUND);
    expect(info.explanation).toBe(`${info.meaning} ${info.advice}`);
  });
});
