import { bytesToBase64, isBase64 } from './base64.js';
import { type DecodeContext, envelopeError } from './envelope-error.js';
import type { JsonObject } from './envelope-types.js';
import { isRecord, jsonType } from './is-record.js';
import { parseBody } from './parse-body.js';
import { isRequestId, newRequestId } from './request-id.js';
import { unwrapPayload } from './unwrap-payload.js';

/**
 * Documented limits of the command channel: `SEND_TEXT` text at most 4000 bytes of UTF-8, a
 * `SEND_STREAMTEXT` chunk at most 2000 (an older page says 1000; chunk smaller to be safe), and
 * `SEND_AUDIO` chunks of 5120 bytes (160 ms of 16 kHz 16-bit mono PCM).
 *
 * @example
 * ```ts
 * import { COMMAND_LIMITS, audioFrame } from '@tvs/envelope';
 * for (let at = 0, seq = 1; at < pcm.length; at += COMMAND_LIMITS.audioChunkBytes, seq++) {
 *   const audio = pcm.subarray(at, at + COMMAND_LIMITS.audioChunkBytes);
 *   send(audioFrame({ sessionId, reqId, audio, seq, isFinal: false }));
 * }
 * ```
 */
export const COMMAND_LIMITS = {
  textBytes: 4000,
  streamTextBytes: 2000,
  audioChunkBytes: 5120,
} as const;

/** The uplink commands. */
export type UplinkCommand = 'SEND_TEXT' | 'SEND_STREAMTEXT' | 'SEND_AUDIO' | 'SEND_HEARTBEAT';

/** An uplink frame: send `JSON.stringify(frame)` as a text message. */
export interface UplinkFrame<
  C extends UplinkCommand = UplinkCommand,
  D extends object = JsonObject,
> {
  Header: Record<string, never>;
  Payload: { ReqId: string; SessionId: string; Command: C; Data: D };
}

/** `Data` of `SEND_TEXT`, on the channel and in the HTTP drive command. */
export interface SendTextData {
  /** What the avatar says, at most 4000 bytes of UTF-8. */
  Text: string;
  /** Stop what the avatar is saying first. */
  Interrupt?: boolean;
  /** Dialogue control, such as `NotUseChat` to speak the text as is. */
  ChatCommand?: string;
  [key: string]: unknown;
}

/** `Data` of `SEND_STREAMTEXT`. */
export interface SendStreamTextData {
  /** One chunk, at most 2000 bytes of UTF-8. */
  Text: string;
  /** Position in the sequence, from 1. */
  Seq: number;
  IsFinal: boolean;
  Interrupt?: boolean;
  /** This chunk ends a sentence. */
  IsSentence?: boolean;
}

/** `Data` of `SEND_AUDIO`. */
export interface SendAudioData {
  /** Base64 of 16 kHz 16-bit mono PCM; empty in the final packet. */
  Audio: string;
  /** Position in the sequence, from 1. */
  Seq: number;
  IsFinal: boolean;
}

/** `Data` of `SEND_HEARTBEAT`. */
export interface HeartbeatData {
  Text: 'PING';
}

/** What {@link textFrame} takes. */
export interface TextFrameInit {
  sessionId: string;
  /** At most 4000 bytes of UTF-8, not empty. */
  text: string;
  /** 32 hex; a new one when absent. */
  reqId?: string;
  interrupt?: boolean;
  chatCommand?: string;
}

/** What {@link streamTextFrame} takes. */
export interface StreamTextFrameInit {
  sessionId: string;
  /** One 32-hex id for the whole sequence, final packet included. */
  reqId: string;
  /** The chunk, at most 2000 bytes of UTF-8 (may be empty in the final packet). */
  text: string;
  /** From 1. */
  seq: number;
  isFinal: boolean;
  interrupt?: boolean;
  isSentence?: boolean;
}

/** What {@link audioFrame} takes. */
export interface AudioFrameInit {
  sessionId: string;
  /** One 32-hex id for the whole sequence, final packet included. */
  reqId: string;
  /**
   * 16 kHz 16-bit mono PCM, as bytes (encoded here) or Base64. Send 5120-byte (160 ms) chunks:
   * the first 6 at once, then one every 120 ms, keeping 0.75–1× real time; end with an empty
   * final packet.
   */
  audio: Uint8Array | string;
  /** From 1. */
  seq: number;
  isFinal: boolean;
}

/**
 * A `SEND_TEXT` frame: the avatar says `text`. At most one per second.
 *
 * @throws TypeError for a missing session id, a malformed `reqId` or empty text; RangeError
 *   for text over 4000 bytes.
 * @example
 * ```ts
 * import { textFrame } from '@tvs/envelope';
 * socket.send(JSON.stringify(textFrame({ sessionId, text: 'Hello!', interrupt: true })));
 * ```
 */
export function textFrame(init: TextFrameInit): UplinkFrame<'SEND_TEXT', SendTextData> {
  checkText(init.text, COMMAND_LIMITS.textBytes, 'textFrame', false);
  const data: SendTextData = { Text: init.text };
  if (init.interrupt !== undefined) data.Interrupt = init.interrupt;
  if (init.chatCommand !== undefined) data.ChatCommand = init.chatCommand;
  return frame('SEND_TEXT', init.sessionId, init.reqId ?? newRequestId(), data, 'textFrame');
}

/**
 * A `SEND_STREAMTEXT` frame: one chunk of text that arrives piece by piece (say, from an LLM).
 *
 * @throws TypeError for bad ids, a `seq` that is not a positive integer or a non-boolean
 *   `isFinal`; RangeError for a chunk over 2000 bytes.
 * @example
 * ```ts
 * import { newRequestId, streamTextFrame } from '@tvs/envelope';
 * const reqId = newRequestId();
 * send(streamTextFrame({ sessionId, reqId, text: 'Hello, ', seq: 1, isFinal: false }));
 * send(streamTextFrame({ sessionId, reqId, text: 'world.', seq: 2, isFinal: true }));
 * ```
 */
export function streamTextFrame(
  init: StreamTextFrameInit,
): UplinkFrame<'SEND_STREAMTEXT', SendStreamTextData> {
  checkText(init.text, COMMAND_LIMITS.streamTextBytes, 'streamTextFrame', true);
  const data: SendStreamTextData = { Text: init.text, ...sequence(init, 'streamTextFrame') };
  if (init.interrupt !== undefined) data.Interrupt = init.interrupt;
  if (init.isSentence !== undefined) data.IsSentence = init.isSentence;
  return frame('SEND_STREAMTEXT', init.sessionId, init.reqId, data, 'streamTextFrame');
}

/**
 * A `SEND_AUDIO` frame: one chunk of speech that drives the avatar.
 *
 * @throws TypeError for bad ids, a bad `seq`/`isFinal`, or `audio` that is neither bytes nor
 *   Base64.
 * @example
 * ```ts
 * import { audioFrame, newRequestId } from '@tvs/envelope';
 * const reqId = newRequestId();
 * send(audioFrame({ sessionId, reqId, audio: pcmChunk, seq: 1, isFinal: false }));
 * send(audioFrame({ sessionId, reqId, audio: '', seq: 2, isFinal: true }));
 * ```
 */
export function audioFrame(init: AudioFrameInit): UplinkFrame<'SEND_AUDIO', SendAudioData> {
  const { audio } = init;
  let base64: string;
  if (audio instanceof Uint8Array) base64 = bytesToBase64(audio);
  else if (typeof audio === 'string' && isBase64(audio)) base64 = audio;
  else throw new TypeError('audioFrame: audio must be a Uint8Array or a Base64 string');
  const data: SendAudioData = { Audio: base64, ...sequence(init, 'audioFrame') };
  return frame('SEND_AUDIO', init.sessionId, init.reqId, data, 'audioFrame');
}

/**
 * A `SEND_HEARTBEAT` frame (`Data.Text = "PING"`). Send one every 30–60 s: idle sockets close
 * after 3 minutes, idle sessions after 10.
 *
 * @example
 * ```ts
 * import { heartbeatFrame } from '@tvs/envelope';
 * setInterval(() => socket.send(JSON.stringify(heartbeatFrame(sessionId))), 30_000);
 * ```
 */
export function heartbeatFrame(
  sessionId: string,
  reqId?: string,
): UplinkFrame<'SEND_HEARTBEAT', HeartbeatData> {
  return frame(
    'SEND_HEARTBEAT',
    sessionId,
    reqId ?? newRequestId(),
    { Text: 'PING' },
    'heartbeatFrame',
  );
}

function frame<C extends UplinkCommand, D extends object>(
  command: C,
  sessionId: string,
  reqId: string,
  data: D,
  where: string,
): UplinkFrame<C, D> {
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw new TypeError(`${where}: sessionId must be a non-empty string`);
  }
  if (!isRequestId(reqId))
    throw new TypeError(`${where}: reqId must be 32 lowercase hex characters`);
  return {
    Header: {},
    Payload: { ReqId: reqId, SessionId: sessionId, Command: command, Data: data },
  };
}

function checkText(text: unknown, maxBytes: number, where: string, allowEmpty: boolean): void {
  if (typeof text !== 'string' || (!allowEmpty && text === '')) {
    throw new TypeError(`${where}: text must be a${allowEmpty ? '' : ' non-empty'} string`);
  }
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > maxBytes) {
    throw new RangeError(
      `${where}: text is ${bytes} bytes of UTF-8, over the limit of ${maxBytes}`,
    );
  }
}

function sequence(init: { seq: number; isFinal: boolean }, where: string) {
  if (!Number.isSafeInteger(init.seq) || init.seq < 1) {
    throw new TypeError(`${where}: seq must be an integer from 1`);
  }
  if (typeof init.isFinal !== 'boolean') throw new TypeError(`${where}: isFinal must be a boolean`);
  return { Seq: init.seq, IsFinal: init.isFinal };
}

/** The documented downlink `Type`s: 3 status, 4 LLM content, 5 LLM thinking, 9 drive failed. */
export type DownlinkType = 3 | 4 | 5 | 9;

/** A downlink message. Every field the server sends is kept, known or not. */
export interface DownlinkMessage {
  /** 3 status, 4 LLM content, 5 LLM thinking, 9 drive failed; other values may appear. */
  Type?: DownlinkType | (number & {});
  SessionId?: string;
  /** The `ReqId` of the text or audio sequence this message is about. */
  ReqId?: string;
  Seq?: number;
  Text?: string;
  /** Speaking state of the avatar, as the server reports it. */
  SpeakStatus?: unknown;
  FinalType?: unknown;
  /** The wrapper's `Header`, when the message came wrapped as `{ Header, Payload }`. */
  Header?: JsonObject;
  [key: string]: unknown;
}

const DOWNLINK: DecodeContext = { what: 'downlink message' };
const DOWNLINK_TYPES = {
  Type: 'number',
  Seq: 'number',
  SessionId: 'string',
  ReqId: 'string',
  Text: 'string',
} as const;

/**
 * Decodes a command-channel message (text, bytes or parsed), leniently: the outer wrapper is
 * undocumented, so `{ Header, Payload: {…} }` is unwrapped to the payload's fields (plus
 * `Header`) and a bare object is taken as is; every field is kept. Only the documented fields
 * are checked, and only when present: `Type` and `Seq` numbers, `SessionId`, `ReqId`, `Text`
 * strings.
 *
 * @throws TvsEnvelopeError when the message is not a JSON object or a documented field has the
 *   wrong type.
 * @example
 * ```ts
 * import { decodeDownlinkMessage } from '@tvs/envelope';
 * socket.addEventListener('message', (event) => {
 *   const message = decodeDownlinkMessage(event.data);
 *   if (message.Type === 9) console.warn('drive failed', message);
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
  for (const [field, type] of Object.entries(DOWNLINK_TYPES)) {
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
