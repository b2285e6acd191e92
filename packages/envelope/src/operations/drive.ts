import type { SendTextData } from '../command-channel.js';
import type { EmptyResponse, Operation } from './operation.js';

/** Request of `drive.command` (`command`): make a session's avatar speak over HTTP. */
export interface DriveCommandRequest {
  /** 32 lowercase hex characters (see `newRequestId`). */
  ReqId: string;
  SessionId: string;
  Command: 'SEND_TEXT';
  Data: SendTextData;
}

/** The HTTP drive command. At most one per second per session; not idempotent (the avatar would speak twice). */
export const driveOperations: {
  readonly 'drive.command': Operation<DriveCommandRequest, EmptyResponse>;
} = {
  'drive.command': {
    name: 'drive.command',
    path: '/v2/ivh/interactdriver/interactdriverservice/command',
    idempotent: false,
    required: { ReqId: 'string', SessionId: 'string', Command: 'string', Data: 'object' },
    returns: {},
  },
};
