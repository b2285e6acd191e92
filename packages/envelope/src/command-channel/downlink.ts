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
  /** The sequence number of the streaming clause (流式子句的唯一序号). */
  Seq?: number;
  /** Type 3: the avatar's speaking state. */
  SpeakStatus?: SpeakStatus | (string & {});
  /**
   * Only with `SpeakStatus` `AudioOver`: where the final packet came from, `1` the client, `2`
   * the server after `StreamMaxInterval` without a packet.
   */
  FinalType?: number;
  /** Types 2 and 4: the question (提问语). What the avatar says is `TextPro` / `TextDisplay`. */
  Text?: string;
  /** Types 2 and 4: the text spoken, with its SSML tags. */
  TextPro?: string;
  /** Types 2 and 4: the text spoken, for display. */
  TextDisplay?: string;
  /**
   * Types 2 and 4: the kind of content. The Chinese page gives codes (a String: 0 unknown, 1
   * plain, 2 ordered list, 3 unordered list, 4 image link, 5 HTTP link, 6 table, 8 title, 9
   * SSML); the English 1211/62116 gives names (`Image`, `Hyperlink`, `OrderedList`,
   * `UnOrderedList`, `List`). Either is kept; a number is accepted too.
   */
  ContentType?: string | number;
  /** Type 4: whether the model's content is to be spoken. */
  TtsSupport?: boolean;
  /** Type 4: whether this is the model's last clause. */
  Final?: boolean;
  /** Type 4: whether the client should highlight the content. */
  IsHighLight?: boolean;
  /** Types 2 and 4: `true` when the sentence being spoken cannot be interrupted. */
  Uninterrupt?: boolean;
  /** Types 2 and 4: whether listening is off while this text is spoken. */
  Muted?: boolean;
  /** Type 2: a message kind configured on the platform (a pop-up, an image…). */
  InteractionType?: string;
  /**
   * Type 9: the error code, as far as the gateway sends one. No page names Type 9's fields, so
   * `Code` and `Message` are not checked: read them with `typeof`.
   */
  Code?: unknown;
  /** Type 9: the error message, when sent (unchecked, as `Code`). */
  Message?: unknown;
  /** The wrapper's `Header`, when the message came wrapped as `{ Header, Payload }`. */
  Header?: JsonObject;
  [key: string]: unknown;
}

const DOWNLINK: DecodeContext = { what: 'downlink message' };

/** The documented fields (1240/100401) whose JSON type is checked when present. */
const FIELD_TYPES = {
  Type: ['number'],
  Seq: ['number'],
  SessionId: ['string'],
  ReqId: ['string'],
  SpeakStatus: ['string'],
  FinalType: ['number'],
  Text: ['string'],
  TextPro: ['string'],
  TextDisplay: ['string'],
  ContentType: ['string', 'number'],
  TtsSupport: ['boolean'],
  Final: ['boolean'],
  IsHighLight: ['boolean'],
  Uninterrupt: ['boolean'],
  Muted: ['boolean'],
  InteractionType: ['string'],
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
  for (const [field, types] of Object.entries(FIELD_TYPES)) {
    const got = message[field];
    if (got !== undefined && !(types as readonly string[]).includes(typeof got)) {
      throw envelopeError(
        DOWNLINK,
        'wrong-type',
        `${field} must be a ${types.join(' or a ')}, got ${jsonType(got)}`,
        {
          path: field,
        },
      );
    }
  }
  return message;
}
