import type { JsonObject } from '../envelope-types.js';

/** The uplink commands of the command channel (1240/100397–100400). */
export type UplinkCommand = 'SEND_TEXT' | 'SEND_STREAMTEXT' | 'SEND_AUDIO' | 'SEND_HEARTBEAT';

/**
 * An uplink frame: send `JSON.stringify(frame)` as a text message. `Header` is empty, as in
 * every documented example.
 */
export interface UplinkFrame<
  C extends UplinkCommand = UplinkCommand,
  D extends object = JsonObject,
> {
  Header: Record<string, never>;
  Payload: {
    /** 32 hex characters (a UUID without dashes); a new one for every drive. */
    ReqId: string;
    SessionId: string;
    Command: C;
    Data: D;
  };
}

/**
 * `Data` of `SEND_TEXT` on the channel (1240/100397); the HTTP drive command's is
 * {@link DriveCommandData}. Every field is optional: `{ Interrupt: true }` alone is the
 * documented interrupt, which stops the avatar and leaves it silent.
 */
export interface SendTextData {
  /**
   * What the avatar says, at most 4000 bytes of UTF-8 (default `""`). When not empty it always
   * interrupts what the avatar is saying, whatever `Interrupt` says.
   */
  Text?: string;
  /**
   * With no `Text`: `true` stops what the avatar is saying and leaves it silent. Send it only
   * after the drive's `TextStart` status has arrived. The older page (1211/62113) calls it a
   * forced interrupt that overrides the console's "cannot be interrupted" setting.
   */
  Interrupt?: boolean;
  /**
   * For projects bound to a dialogue bot or the agent platform: `NotUseChat` speaks `Text` as
   * it is instead of the knowledge base's answer; empty or absent lets the bot answer.
   */
  ChatCommand?: 'NotUseChat' | (string & {});
  /** The dialogue round (a UUID is recommended; default `""`): needed by agent-platform projects to tell rounds apart. */
  ChatRoundId?: string;
  /** The agent platform's visitor id, at most 64 characters. */
  CloudAiVisitorBizId?: string;
  /** JSON text carried in the video stream's SEI while the avatar speaks this response (2D avatars only). */
  VideoSeiInfo?: string;
  /** Generate gestures for text without action tags (default `false`; 2D premium and 3D avatars). */
  SmartActionEnabled?: boolean;
  [key: string]: unknown;
}

/** `Data` of `SEND_STREAMTEXT` (1240/100399). */
export interface SendStreamTextData {
  /** One chunk, at most 2000 bytes of UTF-8; may be empty in the final packet. */
  Text: string;
  /** Position in the sequence, from 1. */
  Seq: number;
  /**
   * The last chunk of the sequence (default `false`). Outside clause mode the server ends a
   * sequence itself after `StreamMaxInterval` without a chunk; in clause mode (`IsSentence`) it
   * does not, so always send the final packet (1240/100399: 非子句模式下…自动补充 final).
   */
  IsFinal?: boolean;
  /**
   * With empty `Text`: stop the streamed text being spoken (an older page's example also sends
   * `IsFinal: true`; the newer one needs only `Seq` and `Interrupt`).
   */
  Interrupt?: boolean;
  /** Clause mode (default `false`): the server does not re-assemble sentences; each chunk is one. */
  IsSentence?: boolean;
  /**
   * In clause mode (`IsSentence`): insert this clause into what the avatar is saying (插播): it
   * is spoken right after the clause being processed.
   */
  IsInsertSentence?: boolean;
  /** Generate gestures for text without action tags (default `false`). */
  SmartActionEnabled?: boolean;
  [key: string]: unknown;
}

/** `Data` of `SEND_AUDIO` (1240/100398). */
export interface SendAudioData {
  /** Base64 of 16 kHz 16-bit mono PCM; empty in the final packet. */
  Audio: string;
  /** Position in the sequence, from 1. */
  Seq: number;
  /** The last packet of the sequence (default `false`); it carries empty `Audio`. */
  IsFinal?: boolean;
  /** JSON text carried in the video stream's SEI while this response plays (2D avatars). */
  VideoSeiInfo?: string;
  [key: string]: unknown;
}

/** `Data` of `SEND_HEARTBEAT` (1240/100400). */
export interface HeartbeatData {
  Text: 'PING';
}
