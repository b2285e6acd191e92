import type { SendTextData } from '../command-channel/uplink-types.js';
import type { EmptyResponse, Operation } from './operation.js';

/** Request of `drive.command` (`command`, 1240/100404): make a session's avatar speak over HTTP. */
export interface DriveCommandRequest {
  /** 32 lowercase hex characters (see `newRequestId`). */
  ReqId: string;
  SessionId: string;
  Command: 'SEND_TEXT';
  /** `{ Text }` to speak, `{ Interrupt: true }` alone to stop speaking. */
  Data: SendTextData;
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
