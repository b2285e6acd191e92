import { FAIL_CODES as F } from '../codes/fail-codes.js';
import { PAGES } from '../codes/pages.js';
import type { ErrorRow } from './error-row.js';

const VIDEO = PAGES.videoErrors;
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
    code: F.INTERNAL_ERROR,
    meaning: 'Internal error.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.DATABASE_ERROR,
    meaning: 'A database operation failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.REMOTE_SERVICE_ERROR,
    meaning: 'Calling a remote service failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.RETRIES_EXHAUSTED,
    meaning: 'The task ran out of retries while rendering.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.RENDER_CRASHED,
    meaning: 'The task crashed while rendering.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.STORAGE_ERROR,
    meaning: 'A storage (S3) operation failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.TIMED_OUT,
    meaning: 'The task timed out.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.FILE_DOWNLOAD_FAILED,
    meaning: 'Downloading a file failed.',
    category: 'validation',
    advice: 'Check that the files given can be reached and downloaded.',
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  },
  {
    code: F.INVALID_PARAMETER,
    meaning: 'A parameter is wrong.',
    category: 'validation',
    advice: "Check the parameter FailMessage names against the API's page.",
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  },
  {
    code: F.URL_FETCH_FAILED,
    meaning: 'Fetching a URL failed.',
    category: 'validation',
    advice: 'Check that the URLs given can be reached and downloaded.',
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  },
  {
    code: F.PARAMETER_PARSE_FAILED,
    meaning: "Parsing the task's parameters failed.",
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.RESULT_DOWNLOAD_FAILED,
    meaning: 'Downloading the subtitles or the rendered video failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.UPLOAD_FAILED,
    meaning: 'Uploading to the storage given (VideoStorageS3Url, SubtitleStorageS3Url) failed.',
    category: 'validation',
    advice: 'Check that VideoStorageS3Url and SubtitleStorageS3Url are usable.',
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: false,
    documented: true,
  },
  {
    code: F.AUDIO_PARAMETER_PARSE_FAILED,
    meaning: 'Audio task: parsing its parameters failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.AUDIO_FILE_CREATE_FAILED,
    meaning: 'Audio task: creating a local file failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.AUDIO_RECEIVE_FAILED,
    meaning: 'Audio task: receiving audio data failed.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
  {
    code: F.AUDIO_RECEIVE_ERROR,
    meaning: 'Audio task: receiving audio data hit a business error.',
    category: 'internal',
    advice: RETRY,
    doc: VIDEO,
    safeToResend: false,
    mayLaterSucceed: true,
    documented: true,
  },
];
