import { bytesToBase64, isBase64 } from '../internal/base64.js';
import { LIMITS } from '../limits.js';
import { isRequestId, newRequestId } from '../request-id.js';
import type {
  HeartbeatData,
  SendAudioData,
  SendStreamTextData,
  SendTextData,
  UplinkCommand,
  UplinkFrame,
} from './uplink-types.js';

/** What {@link textFrame} takes: the documented `SEND_TEXT` fields (1240/100397), camel-cased. */
export interface TextFrameInit {
  sessionId: string;
  /**
   * What the avatar says, at most 4000 bytes of UTF-8. Leave it out (or empty) with
   * `interrupt: true` to stop the avatar and leave it silent.
   */
  text?: string | undefined;
  /** 32 hex; a new one when absent. */
  reqId?: string | undefined;
  /** With no text: stop what the avatar is saying (send it after the drive's `TextStart`). */
  interrupt?: boolean | undefined;
  /** `NotUseChat` speaks the text as it is in projects bound to a dialogue bot. */
  chatCommand?: string | undefined;
  /** The dialogue round, for agent-platform projects. */
  chatRoundId?: string | undefined;
  /** The agent platform's visitor id, at most 64 characters. */
  cloudAiVisitorBizId?: string | undefined;
  /** JSON text to carry in the video stream's SEI (2D avatars). */
  videoSeiInfo?: string | undefined;
  /** Generate gestures for text without action tags. */
  smartActionEnabled?: boolean | undefined;
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
  /** Insert the sequence's sentences into what the avatar is saying. */
  isInsertSentence?: boolean;
  /** Generate gestures for text without action tags. */
  smartActionEnabled?: boolean;
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
  /** JSON text to carry in the video stream's SEI while this response plays (2D avatars). */
  videoSeiInfo?: string | undefined;
}

/**
 * A `SEND_TEXT` frame (1240/100397): the avatar says `text`, or, with `interrupt: true` and no
 * text, stops speaking (`Data: { Interrupt: true }`, the documented interrupt). At most one per
 * second.
 *
 * @throws TypeError for a missing session id, a malformed `reqId`, no text without
 *   `interrupt: true`, or `videoSeiInfo` that is not JSON text; RangeError for text over 4000
 *   bytes or a visitor id over 64 characters.
 * @example
 * ```ts
 * import { textFrame } from '@tvs/envelope';
 * socket.send(JSON.stringify(textFrame({ sessionId, text: 'Hello!' })));
 * socket.send(JSON.stringify(textFrame({ sessionId, interrupt: true }))); // stop talking
 * ```
 */
export function textFrame(init: TextFrameInit): UplinkFrame<'SEND_TEXT', SendTextData> {
  const text = init.text ?? '';
  if (typeof text !== 'string') throw new TypeError('textFrame: text must be a string');
  if (text === '' && init.interrupt !== true) {
    throw new TypeError('textFrame: text must be a non-empty string (or interrupt: true, alone)');
  }
  checkBytes(text, LIMITS.TEXT_BYTES, 'textFrame');
  const data: SendTextData = text === '' ? {} : { Text: text };
  if (init.interrupt !== undefined) data.Interrupt = flag(init.interrupt, 'interrupt');
  if (init.chatCommand !== undefined) {
    data.ChatCommand = word(init.chatCommand, 'chatCommand', 'textFrame');
  }
  if (init.chatRoundId !== undefined) {
    data.ChatRoundId = word(init.chatRoundId, 'chatRoundId', 'textFrame');
  }
  if (init.cloudAiVisitorBizId !== undefined) {
    const id = word(init.cloudAiVisitorBizId, 'cloudAiVisitorBizId', 'textFrame');
    if (id.length > 64)
      throw new RangeError('textFrame: cloudAiVisitorBizId is over 64 characters');
    data.CloudAiVisitorBizId = id;
  }
  if (init.videoSeiInfo !== undefined) data.VideoSeiInfo = jsonText(init.videoSeiInfo, 'textFrame');
  if (init.smartActionEnabled !== undefined) {
    data.SmartActionEnabled = flag(init.smartActionEnabled, 'smartActionEnabled');
  }
  return frame('SEND_TEXT', init.sessionId, init.reqId ?? newRequestId(), data, 'textFrame');
}

function flag(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`textFrame: ${name} must be a boolean`);
  return value;
}

function word(value: unknown, name: string, where: string): string {
  if (typeof value !== 'string') throw new TypeError(`${where}: ${name} must be a string`);
  return value;
}

/** `VideoSeiInfo`: "字符串内容为 JSON 格式" (1240/100397, 1240/100398). */
function jsonText(value: unknown, where: string): string {
  const text = word(value, 'videoSeiInfo', where);
  try {
    JSON.parse(text);
  } catch {
    throw new TypeError(`${where}: videoSeiInfo must be JSON text`);
  }
  return text;
}

/**
 * A `SEND_STREAMTEXT` frame (1240/100399): one chunk of text that arrives piece by piece (say, from an LLM).
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
  if (typeof init.text !== 'string') throw new TypeError('streamTextFrame: text must be a string');
  checkBytes(init.text, LIMITS.STREAM_TEXT_BYTES, 'streamTextFrame');
  const data: SendStreamTextData = { Text: init.text, ...sequence(init, 'streamTextFrame') };
  if (init.interrupt !== undefined) data.Interrupt = init.interrupt;
  if (init.isSentence !== undefined) data.IsSentence = init.isSentence;
  if (init.isInsertSentence !== undefined) data.IsInsertSentence = init.isInsertSentence;
  if (init.smartActionEnabled !== undefined) data.SmartActionEnabled = init.smartActionEnabled;
  return frame('SEND_STREAMTEXT', init.sessionId, init.reqId, data, 'streamTextFrame');
}

/**
 * A `SEND_AUDIO` frame (1240/100398): one chunk of speech that drives the avatar.
 *
 * @throws TypeError for bad ids, a bad `seq`/`isFinal`, `audio` that is neither bytes nor
 *   Base64, or `videoSeiInfo` that is not JSON text.
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
  if (init.videoSeiInfo !== undefined)
    data.VideoSeiInfo = jsonText(init.videoSeiInfo, 'audioFrame');
  return frame('SEND_AUDIO', init.sessionId, init.reqId, data, 'audioFrame');
}

/**
 * A `SEND_HEARTBEAT` frame (`Data.Text = "PING"`, 1240/100400). Send one more than 30 s and
 * less than a minute after the last ({@link LIMITS}`.HEARTBEAT_DEFAULT_MS`): idle sockets close
 * after 3 minutes, idle sessions after 10.
 *
 * @example
 * ```ts
 * import { heartbeatFrame, LIMITS } from '@tvs/envelope';
 * setInterval(() => socket.send(JSON.stringify(heartbeatFrame(sessionId))), LIMITS.HEARTBEAT_DEFAULT_MS);
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
    throw new TypeError(`${where}: reqId must be 32 hex characters (a UUID without dashes)`);
  return {
    Header: {},
    Payload: { ReqId: reqId, SessionId: sessionId, Command: command, Data: data },
  };
}

function checkBytes(text: string, maxBytes: number, where: string): void {
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
