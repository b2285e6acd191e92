/**
 * Tencent's pages that define the codes, statuses and limits of this package. The Chinese pages
 * under `cloud.tencent.com/document/product/1240/…` are the newest; the English ones under
 * `tencentcloud.com/document/product/1211/…` are translations of older versions.
 * @internal
 */
export const PAGES = {
  /** 附录一 (video and audio production): API codes and task `FailCode`s, two tables. */
  videoErrors: 'https://cloud.tencent.com/document/product/1240/81277',
  /** Interactive (session and drive) error codes. */
  interactiveErrors: 'https://cloud.tencent.com/document/product/1240/100406',
  /** Customisation (avatar and voice cloning) result codes. */
  customisationErrors: 'https://cloud.tencent.com/document/product/1240/96071',
  /** `statsession`: session statuses. */
  statSession: 'https://cloud.tencent.com/document/product/1240/100389',
  /** Command channel: the connection. */
  commandChannel: 'https://cloud.tencent.com/document/product/1240/100396',
  /** Command channel: `SEND_TEXT`. */
  sendText: 'https://cloud.tencent.com/document/product/1240/100397',
  /** Command channel: `SEND_AUDIO`. */
  sendAudio: 'https://cloud.tencent.com/document/product/1240/100398',
  /** Command channel: `SEND_STREAMTEXT`. */
  sendStreamText: 'https://cloud.tencent.com/document/product/1240/100399',
  /** Command channel: `SEND_HEARTBEAT`. */
  heartbeat: 'https://cloud.tencent.com/document/product/1240/100400',
  /** Command channel: downlink messages. */
  downlink: 'https://cloud.tencent.com/document/product/1240/100401',
  /** The HTTP drive command. */
  driveCommand: 'https://cloud.tencent.com/document/product/1240/100404',
} as const;
