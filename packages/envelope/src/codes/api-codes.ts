/**
 * The gateway's API error codes: the `Header.Code` of a response, by name. Documented on
 * Tencent's pages 1240/81277 (video and audio, table 一), 1240/100406 (interactive sessions and
 * the drive) and 1240/96071 (customisation); the same number means the same thing on every
 * page that lists it, save the advice for 100008 (concurrency on two pages, an allocation used
 * up on the customisation page). The rows of {@link @tvs/envelope!index.apiErrorTable | apiErrorTable} say what each means and what to do.
 *
 * The task `FailCode`s of a progress report are another table: {@link FAIL_CODES}. 801000,
 * 801002 and 801004 are in both and mean different things in each.
 *
 * @example
 * ```ts
 * import { API_CODES, TvsApiError } from '@tvs/envelope';
 * if (error instanceof TvsApiError && error.code === API_CODES.REQUEST_LIMIT_EXCEEDED) await backOff();
 * ```
 */
export const API_CODES = {
  /** Success. */
  OK: 0,
  /** 系统内部错误: internal error. */
  INTERNAL_ERROR: -101000,
  /** 算力不足: not enough compute. */
  INSUFFICIENT_COMPUTE: -101001,
  /** 下载图片失败: downloading an image failed. */
  IMAGE_DOWNLOAD_FAILED: -101002,
  /** 请求S3失败: a storage (S3) request failed. */
  STORAGE_REQUEST_FAILED: -101003,
  /** 更新流参数失败: updating the stream's parameters failed (interactive). */
  STREAM_UPDATE_FAILED: -111001,
  /** 连接异常断开: the connection dropped (interactive). */
  CONNECTION_DROPPED: -111002,
  /** 数智人模型加载过程出现错误: loading the avatar model failed (interactive). */
  MODEL_LOAD_FAILED: -111003,
  /** 数智人服务内部建流超时: setting up the stream timed out (interactive). */
  STREAM_SETUP_TIMEOUT: -111004,
  /** 文本或音频驱动数智人时出现错误: driving the avatar with text or audio failed (interactive). */
  DRIVE_FAILED: -111005,
  /** 系统内部错误: internal error (customisation). */
  CUSTOMISATION_INTERNAL_ERROR: 100000,
  /** 请求参数错误: a parameter is missing or has the wrong format or type. */
  INVALID_PARAMETER: 100001,
  /** 请求参数错误: as 100001 (the pages list the two codes in one row). */
  INVALID_PARAMETER_FORMAT: 100003,
  /** 参数取值错误: a parameter's value is not allowed. */
  INVALID_PARAMETER_VALUE: 100002,
  /** 未授权操作: unauthorised. */
  UNAUTHORIZED: 100005,
  /** 超过配额限制 / 超过并发限制: over the quota or concurrency limit. */
  LIMIT_EXCEEDED: 100008,
  /** 资源不存在: the resource does not exist. */
  RESOURCE_NOT_FOUND: 100009,
  /** 请求过于频繁: too many requests. */
  REQUEST_LIMIT_EXCEEDED: 100012,
  /** 未找到有效的小时包或小时包余量不足: no hour package, or not enough of it left. */
  HOUR_PACKAGE_EXHAUSTED: 100013,
  /** 并发配额不足: not enough concurrency quota. */
  CONCURRENCY_QUOTA_SHORT: 100014,
  /** 数智人形象已经过期: the avatar has expired. */
  AVATAR_EXPIRED: 100015,
  /** 未找到形象资产: no such avatar asset. */
  AVATAR_NOT_FOUND: 100016,
  /** 记录已经存在: the record already exists (a repeated request). */
  RECORD_EXISTS: 110005,
  /** 记录不存在: the record does not exist. */
  RECORD_NOT_FOUND: 110006,
  /** virtualmankey 已过期: the VirtualmanKey has expired. */
  VIRTUALMAN_KEY_EXPIRED: 110007,
  /** 会话已关闭: the session is closed. */
  SESSION_CLOSED: 110013,
  /** 会话未就绪: the session is not ready. */
  SESSION_NOT_READY: 110014,
  /** 因发送驱动指令时机不对导致请求未被处理: a drive command at the wrong time was not processed. */
  COMMAND_OUT_OF_TURN: 110015,
  /** 对未开启的session发起驱动指令: a drive command for a session not started. */
  SESSION_NOT_STARTED: 110016,
  /** 会话不存在: the session does not exist. */
  SESSION_NOT_FOUND: 110018,
  /** trtc 服务欠费或可用时长不足: the TRTC service is in arrears or out of time. */
  TRTC_ARREARS: 110021,
  /** 同 userid 建流会话被关闭: closed because a new session was made with the same UserId. */
  SESSION_REPLACED: 110022,
  /** 调用远程服务异常: calling a remote service failed. */
  REMOTE_SERVICE_ERROR: 801000,
  /** 调用远程服务,返回状态码异常: a remote service answered with a bad status. */
  REMOTE_SERVICE_BAD_STATUS: 801002,
  /** 操作频繁,请稍后重试: too frequent; try again later. */
  TOO_FREQUENT: 801004,
  /** 文本安全校验未通过: the text failed the content review. */
  CONTENT_REJECTED: 801005,
} as const;

/** A documented (or kept) API error code: a value of {@link API_CODES}. */
export type ApiCode = (typeof API_CODES)[keyof typeof API_CODES];
