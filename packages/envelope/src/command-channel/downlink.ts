import type { DownlinkType } from '../codes/downlink-type.js';
import type { JsonObject } from '../envelope-types.js';
import { type DecodeContext, envelopeError } from '../internal/envelope-error.js';
import { isRecord, jsonType } from '../internal/is-record.js';
import { parseBody } from '../internal/parse-body.js';
import { unwrapPayload } from '../internal/unwrap-payload.js';
import type { SpeakStatus } from './protocol.js';

/**
 * A command-channel downlink message (1240/100401). Every field the server sends is kept,
 * known or not; the documented ones are typed here.
 */
export interface DownlinkMessage {
  /** What the message is: see {@link DOWNLINK_TYPE} (3 status, 4 LLM content, 5 LLM thinking, 9 drive failed). */
  Type?: DownlinkType;
  SessionId?: string;
  /** The `ReqId` of the drive (text or audio sequence) this message is about. */
  ReqId?: string;
  /** Position of this message among its drive's messages. */
  Seq?: number;
  /** Type 3: the avatar's speaking state. */
  SpeakStatus?: SpeakStatus | (string & {});
  /** Type 3: what ended the drive, on its last status. */
  FinalType?: number;
  /** Types 4 and 5: text of the large language model's answer or thinking. */
  Text?: string;
  /** Type 9: the error code (an API code, see `describeErrorCode`). */
  Code?: number;
  /** Type 9: the error message. */
  Message?: string;
  /** The wrapper's `Header`, when the message came wrapped as `{ Header, Payload }`. */
  Header?: JsonObject;
  [key: string]: unknown;
}

const DOWNLINK: DecodeContext = { what: 'downlink message' };

/** The documented fields whose JSON type is checked when present. */
const FIELD_TYPES = {
  Type: 'number',
  Seq: 'number',
  SessionId: 'string',
  ReqId: 'string',
  Text: 'string',
  SpeakStatus: 'string',
  Code: 'number',
  Message: 'string',
} as const;

/**
 * Decodes a command-channel message (text, bytes or parsed), leniently: the outer wrapper is
 * undocumented, so `{ Header, Payload: {…} }` is unwrapped to the payload's fields (plus
 * `Header`) and a bare object is taken as is; every field is kept. Only the documented fields
 * are checked, and only when present.
 *
 * @throws TvsEnvelopeError when the message is not a JSON object or a documented field has the
 *   wrong type.
 * @example
 * ```ts
 * import { DOWNLINK_TYPE, decodeDownlinkMessage } from '@tvs/envelope';
 * socket.addEventListener('message', (event) => {
 *   const message = decodeDownlinkMessage(event.data);
 *   if (message.Type === DOWNLINK_TYPE.DRIVE_FAILED) console.warn('drive failed', message.Code);
 * });
 * ```
 */
export function decodeDownlinkMessage(data: unknown): DownlinkMessage {
  const value = parseBody(data, DOWNLINK);
  if (!isRecord(value)) {
    throw envelopeError(
      DOWNLINK,
      'not-an-envelope',
      `must be a JSON object, got ${jsonType(value)}`,
    );
  }
  const message = unwrapPayload(value);
  for (const [field, type] of Object.entries(FIELD_TYPES)) {
    const got = message[field];
    if (got !== undefined && typeof got !== type) {
      throw envelopeError(
        DOWNLINK,
        'wrong-type',
        `${field} must be a ${type}, got ${jsonType(got)}`,
        {
          path: field,
        },
      );
    }
  }
  return message;
}
