// The task FailCodes of https://cloud.tencent.com/document/product/1240/81277 (English: https://www.tencentcloud.com/document/product/1211/62095).
import { VIDEO_ERRORS_PAGE } from '../codes/pages.js';
import type { ErrorRow } from './error-row.js';

const RETRY = 'Submit the task again, or contact support with the TaskId.';

/**
 * The task `FailCode`s of Tencent's page 1240/81277 (table 二, 音视频制作结果错误码): why a video
 * or audio task ended in `FAIL`, as `getprogress` and the `CallbackUrl` body report it. The task
 * has ended, so nothing is pending on the gateway's side: `safeToResend` is `false` throughout
 * (it is about requests), and `mayLaterSucceed` says whether submitting the task again may work.
 *
 * Read a row with {@link describeFailCode}; `Header.Code`s are in {@link apiErrorTable}. 801000,
 * 801002 and 801004 are in both tables and mean different things in each.
 *
 * @example
 * ```ts
 * import { failCodeTable } from '@tvs/envelope';
 * failCodeTable.filter((row) => row.mayLaterSucceed).map((row) => row.code);
 * ```
 */
export const failCodeTable: readonly ErrorRow[] = [
  {
    code: 801000,
    meaning: 'Internal error.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801001,
    meaning: 'A database operation failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801002,
    meaning: 'Calling a remote service failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801003,
    meaning: 'The task ran out of retries while rendering.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801004,
    meaning: 'The task crashed while rendering.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801006,
    meaning: 'A storage (S3) operation failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801007,
    meaning: 'The task timed out.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801008,
    meaning: 'Downloading a file failed.',
    category: 'validation',
    advice: 'Check that the files given can be reached and downloaded.',
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  },
  {
    code: 801009,
    meaning: 'A parameter is wrong.',
    category: 'validation',
    advice: "Check the parameter FailMessage names against the API's page.",
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  },
  {
    code: 801010,
    meaning: 'Fetching a URL failed.',
    category: 'validation',
    advice: 'Check that the URLs given can be reached and downloaded.',
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  },
  {
    code: 801012,
    meaning: "Parsing the task's parameters failed.",
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801014,
    meaning: 'Downloading the subtitles or the rendered video failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801015,
    meaning: 'Uploading to the storage given (VideoStorageS3Url, SubtitleStorageS3Url) failed.',
    category: 'validation',
    advice: 'Check that VideoStorageS3Url and SubtitleStorageS3Url are usable.',
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  },
  {
    code: 801401,
    meaning: 'Audio task: parsing its parameters failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801402,
    meaning: 'Audio task: creating a local file failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801403,
    meaning: 'Audio task: receiving audio data failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: 801404,
    meaning: 'Audio task: receiving audio data hit a business error.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO_ERRORS_PAGE,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
];
