import type { JsonObject } from '../envelope-types.js';

/** What {@link downlinkFrame} takes: the message's fields. */
export interface DownlinkFrameInit extends JsonObject {
  /** A {@link @tvs/envelope!index.DOWNLINK_TYPE | DOWNLINK_TYPE} value. */
  Type: number;
  SessionId: string;
}

/**
 * A downlink frame as a gateway (the mock) sends it: the fields wrapped as `{ Header, Payload }`,
 * the uplink's shape (the real wrapper is undocumented; `decodeDownlinkMessage` reads both).
 * An error message (Type 9) carries `Code` and `Message` in the payload and in the `Header`.
 *
 * @throws TypeError when `Type` is not an integer or `SessionId` not a string.
 * @example
 * ```ts
 * import { DOWNLINK_TYPE } from '@tvs/envelope';
 * import { downlinkFrame } from '@tvs/envelope/server';
 * socket.send(JSON.stringify(downlinkFrame({ Type: DOWNLINK_TYPE.STATUS, SessionId, ReqId, SpeakStatus: 'TextStart' })));
 * ```
 */
export function downlinkFrame(init: DownlinkFrameInit): {
  Header: JsonObject;
  Payload: JsonObject;
} {
  if (init === null || typeof init !== 'object' || !Number.isInteger(init.Type)) {
    throw new TypeError('downlinkFrame: Type must be an integer');
  }
  if (typeof init.SessionId !== 'string') {
    throw new TypeError('downlinkFrame: SessionId must be a string');
  }
  const header: JsonObject = {};
  if (typeof init['Code'] === 'number') {
    header['Code'] = init['Code'];
    header['Message'] = typeof init['Message'] === 'string' ? init['Message'] : '';
  }
  return { Header: header, Payload: { ...init } };
}
