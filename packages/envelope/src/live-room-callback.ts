import { envelopeError } from './envelope-error.js';
import type { JsonObject } from './envelope-types.js';
import { isRecord, jsonType } from './is-record.js';
import { parseBody } from './parse-body.js';
import { unwrapPayload } from './unwrap-payload.js';

const CALLBACK = { what: 'callback' };
const MSG_DATA = { what: 'callback MsgData' };

/** A live-room callback body, with `MsgData` parsed. Every other field is kept as sent. */
export interface LiveRoomCallback {
  ReqId?: string;
  LiveRoomId?: string;
  /** What happened, as the gateway names it. */
  MsgType?: unknown;
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
