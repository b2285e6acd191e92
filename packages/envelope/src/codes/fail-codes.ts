/**
 * The task `FailCode`s of a video or audio task that ended in `FAIL`, by name: what
 * `getprogress` and the `CallbackUrl` body report (Tencent's page 1240/81277, table 二,
 * 音视频制作结果错误码). The rows of {@link @tvs/envelope!index.failCodeTable | failCodeTable} say what each means and what to do.
 *
 * Not the API codes of `Header.Code` ({@link API_CODES}): 801000, 801002 and 801004 are in both
 * tables and mean different things in each.
 *
 * @example
 * ```ts
 * import { FAIL_CODES } from '@tvs/envelope';
 * if (progress.Status === 'FAIL' && progress.FailCode === FAIL_CODES.FILE_DOWNLOAD_FAILED) checkUrls();
 * ```
 */
export const FAIL_CODES = {
  /** 成功: success. */
  OK: 0,
  /** 系统内部错误: internal error. */
  INTERNAL_ERROR: 801000,
  /** 数据库操作错误: a database operation failed. */
  DATABASE_ERROR: 801001,
  /** 调用远程服务错误: calling a remote service failed. */
  REMOTE_SERVICE_ERROR: 801002,
  /** 任务制作超过重试次数: the task ran out of retries. */
  RETRIES_EXHAUSTED: 801003,
  /** 任务制作过程发生崩溃: the task crashed while rendering. */
  RENDER_CRASHED: 801004,
  /** 操作S3失败: a storage (S3) operation failed. */
  STORAGE_ERROR: 801006,
  /** 任务执行超时: the task timed out. */
  TIMED_OUT: 801007,
  /** 下载文件失败: downloading a file failed. */
  FILE_DOWNLOAD_FAILED: 801008,
  /** 参数错误: a parameter is wrong (`FailMessage` names it). */
  INVALID_PARAMETER: 801009,
  /** 获取 url 资源失败: fetching a URL failed. */
  URL_FETCH_FAILED: 801010,
  /** 任务参数解析失败: parsing the task's parameters failed. */
  PARAMETER_PARSE_FAILED: 801012,
  /** 下载字幕文件失败/下载生成视频失败: downloading the subtitles or the rendered video failed. */
  RESULT_DOWNLOAD_FAILED: 801014,
  /** 上传文件到指定的S3失败: uploading to your storage (`VideoStorageS3Url`, `SubtitleStorageS3Url`) failed. */
  UPLOAD_FAILED: 801015,
  /** 音频制作,解析任务参数失败: audio task: parsing its parameters failed. */
  AUDIO_PARAMETER_PARSE_FAILED: 801401,
  /** 音频制作,创建本地文件失败: audio task: creating a local file failed. */
  AUDIO_FILE_CREATE_FAILED: 801402,
  /** 音频制作,接收音频数据失败: audio task: receiving audio data failed. */
  AUDIO_RECEIVE_FAILED: 801403,
  /** 音频制作,接收音频数据,发生业务异常: audio task: receiving audio data hit a business error. */
  AUDIO_RECEIVE_ERROR: 801404,
} as const;

/** A documented task `FailCode`: a value of {@link FAIL_CODES}. */
export type FailCode = (typeof FAIL_CODES)[keyof typeof FAIL_CODES];
