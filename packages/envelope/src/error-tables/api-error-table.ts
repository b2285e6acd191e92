// The API codes (`Header.Code`) of three documented tables: https://cloud.tencent.com/document/product/1240/81277 (video and audio),
// https://cloud.tencent.com/document/product/1240/100406 (interactive sessions and drive) and https://cloud.tencent.com/document/product/1240/96071 (customisation).
import type { ErrorRow } from './error-row.js';
import { interactiveApiErrors } from './interactive-api-errors.js';
import { videoApiErrors } from './video-api-errors.js';

/**
 * The gateway's API error codes (`Header.Code`) as documented on Tencent's three code tables:
 * video and audio production (1240/81277, table 一) and customisation (1240/96071) first, then
 * interactive sessions and the drive (1240/100406), each in the page's order. A code on several
 * pages means the same on each; its row merges their advice and names the first page. Every row
 * is documented (`documented: true`); a code no page lists is described as `unknown`, with
 * `documented: false`. Success (`0`) is not an error and has no row.
 *
 * Read a row with {@link describeErrorCode}; task `FailCode`s are in {@link failCodeTable}.
 *
 * @example
 * ```ts
 * import { apiErrorTable } from '@tvs/envelope';
 * for (const row of apiErrorTable) console.log(row.code, row.category, row.meaning);
 * ```
 */
export const apiErrorTable: readonly ErrorRow[] = /* @__PURE__ */ videoApiErrors.concat(
  interactiveApiErrors,
);
