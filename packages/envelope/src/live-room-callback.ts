import type { JsonObject } from './envelope-types.js';
import { envelopeError } from './internal/envelope-error.js';
import { isRecord, jsonType } from './internal/is-record.js';
import { parseBody } from './internal/parse-body.js';
import { unwrapPayload } from './internal/unwrap-payload.js';

const CALLBACK = { what: 'callback' };
const MSG_DATA = { what: 'callback MsgData' };

/**
 * A live-room callback body (1240/112145), with `MsgData` parsed. Every other field is kept as
 * sent.
 */
export interface LiveRoomCallback {
  /** 32-character request id. */
  ReqId?: string;
  /**
   * What the message is about: `LiveRoomStatus` (a status change: `MsgData` holds
   * `LiveRoomId`, `Status` — see {@link LIVE_ROOM_STATUS} — and `VideoStreamPlayUrl`), or a
   * script-reading status the page names but could not be read in full. Open.
   */
  MsgType?: 'LiveRoomStatus' | (string & {});
  /** The event's details: sent as JSON inside a string, returned parsed (`{}` when absent). */
  MsgData: JsonObject;
  [key: string]: unknown;
}

/**
 * Decodes the body of a live-room callback. Its `MsgData` travels as JSON inside a string; it
 * is parsed here with the same guards as every other body (size, depth, no prototype keys). A
 * `MsgData` that is already an object is accepted; an absent, `null` or empty one reads as `{}`.
 * A body wrapped as `{ Header, Payload }` is unwrapped first.
 *
 * Decoding is not authentication: verify the callback URL's signature first (`@tvs/signer`'s
 * `verifyCallbackUrl`, with the sign key Tencent hands over offline).
 *
 * @throws TvsEnvelopeError when the body or `MsgData` is not a JSON object.
 * @example
 * ```ts
 * import { decodeLiveRoomCallback } from '@tvs/envelope';
 * const event = decodeLiveRoomCallback(await request.text());
 * console.log(event.MsgType, event.MsgData);
 * ```
 */
export function decodeLiveRoomCallback(body: unknown): LiveRoomCallback {
  const value = parseBody(body, CALLBACK);
  if (!isRecord(value)) {
    throw envelopeError(
      CALLBACK,
      'not-an-envelope',
      `must be a JSON object, got ${jsonType(value)}`,
    );
  }
  const callback = unwrapPayload(value);
  let data: unknown = callback.MsgData ?? '';
  if (typeof data === 'string') data = data === '' ? {} : parseBody(data, MSG_DATA);
  if (!isRecord(data)) {
    throw envelopeError(MSG_DATA, 'wrong-type', `must hold a JSON object, got ${jsonType(data)}`, {
      path: 'MsgData',
    });
  }
  return { ...callback, MsgData: data };
}
