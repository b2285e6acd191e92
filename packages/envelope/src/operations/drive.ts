import type { EmptyResponse, Operation } from './operation.js';

/**
 * `Data` of the HTTP drive command (1240/100404). Its table has fewer fields than the
 * channel's `SEND_TEXT` (`SendTextData`, 1240/100397): no `ChatRoundId` or `CloudAiVisitorBizId`.
 */
export interface DriveCommandData {
  /** What the avatar says ("字符串最长4000": the SDK counts 4000 bytes of UTF-8, as the channel). */
  Text?: string;
  /**
   * A forced interrupt (default `false`): it overrides the platform's "cannot be interrupted"
   * setting of the text being spoken ("强制打断标记"). Alone, `{ Interrupt: true }` stops speaking.
   */
  Interrupt?: boolean;
  /** For projects bound to a customer-service bot: `NotUseChat` speaks `Text` as it is. */
  ChatCommand?: 'NotUseChat' | (string & {});
  /** JSON text carried in the video stream's SEI while the avatar speaks this response (2D avatars). */
  VideoSeiInfo?: string;
  /** Generate gestures for text without action tags (default `false`). */
  SmartActionEnabled?: boolean;
  [key: string]: unknown;
}

/** Request of `drive.command` (`command`, 1240/100404): make a session's avatar speak over HTTP. */
export interface DriveCommandRequest {
  /** 32 hex characters, no dashes (see `newRequestId`). */
  ReqId: string;
  SessionId: string;
  Command: 'SEND_TEXT';
  /** `{ Text }` to speak, `{ Interrupt: true }` alone to stop speaking. */
  Data: DriveCommandData;
}

/**
 * The HTTP drive command. More than a second apart per session; not idempotent (the avatar
 * would speak twice). Only the error code of its answer matters (the page: 无需关注返回内容).
 */
export const driveOperations: {
  readonly 'drive.command': Operation<DriveCommandRequest, EmptyResponse>;
} = {
  'drive.command': {
    name: 'drive.command',
    path: '/v2/ivh/interactdriver/interactdriverservice/command',
    doc: [
      'https://cloud.tencent.com/document/product/1240/100404',
      'https://www.tencentcloud.com/document/product/1211/62120',
    ],
    idempotent: false,
    required: { ReqId: 'string', SessionId: 'string', Command: 'string', Data: 'object' },
    returns: {},
  },
};
