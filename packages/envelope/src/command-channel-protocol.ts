import type { DownlinkMessage } from './command-channel.js';
import type { JsonObject } from './envelope-types.js';

/** The command channel's URL path (PROTOCOL §4), on the gateway's WebSocket host. */
export const COMMAND_CHANNEL_PATH =
  '/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel';

/**
 * The command channel's timing rules, in milliseconds: one `SEND_TEXT` per second; heartbeats
 * every 30–60 s; idle sockets close after 3 minutes and idle sessions after 10; audio is
 * 16 kHz 16-bit mono PCM in 5120-byte (160 ms) chunks, the first 6 at once, then one every
 * 120 ms at most, keeping 0.75–1× real time overall.
 */
export const COMMAND_PACING = {
  textIntervalMs: 1000,
  heartbeatMinMs: 30_000,
  heartbeatMaxMs: 60_000,
  socketIdleMs: 180_000,
  sessionIdleMs: 600_000,
  audioSampleRate: 16_000,
  /** 16-bit mono at 16 kHz: 32 bytes per millisecond. */
  audioBytesPerMs: 32,
  audioChunkMs: 160,
  audioBurstChunks: 6,
  audioMinIntervalMs: 120,
  /** Wall time over audio time, at least: one 160 ms chunk per 120 ms. */
  audioMinRealTimeFactor: 0.75,
  /** Wall time over audio time, at most: slower starves the avatar. */
  audioMaxRealTimeFactor: 1,
} as const;

/** The documented `SpeakStatus` values of a Type 3 (status) downlink message. */
export type SpeakStatus =
  | 'Initial'
  | 'WaitingTextStart'
  | 'TextStart'
  | 'WaitingTextOver'
  | 'TextOver'
  | 'WaitingAudioStart'
  | 'AudioStart'
  | 'WaitingAudioOver'
  | 'AudioOver'
  | 'Error'
  | 'SentenceNext'
  | 'SentenceStart'
  | 'SentenceOver';

/** The statuses that end a drive (a text or audio sequence): nothing more comes for its `ReqId`. */
export const FINAL_SPEAK_STATUSES: readonly SpeakStatus[] = ['TextOver', 'AudioOver', 'Error'];

/**
 * Whether a downlink message ends its drive: a final `SpeakStatus` (`TextOver`, `AudioOver`,
 * `Error`) or a Type 9 (drive failed) message.
 *
 * @example
 * ```ts
 * import { decodeDownlinkMessage, endsDrive } from '@tvs/envelope';
 * const message = decodeDownlinkMessage(event.data);
 * if (endsDrive(message)) console.log('done speaking', message.ReqId);
 * ```
 */
export function endsDrive(message: DownlinkMessage): boolean {
  return (
    message.Type === 9 ||
    (typeof message.SpeakStatus === 'string' &&
      (FINAL_SPEAK_STATUSES as readonly string[]).includes(message.SpeakStatus))
  );
}

/**
 * WebSocket close codes of the command channel. The gateway documents none; these are the
 * SDK's and its mock gateway's: `idle` (no frame for 3 minutes; reconnect while the session is
 * open), `sessionEnded` (the session was closed, taken over, idled out or failed; do not
 * reconnect), `replaced` (a newer connection for the same session took over; do not reconnect).
 */
export const CHANNEL_CLOSE_CODES = {
  idle: 4000,
  sessionEnded: 4001,
  replaced: 4002,
} as const;

/** What {@link downlinkFrame} takes: the message's fields. */
export interface DownlinkFrameInit extends JsonObject {
  Type: number;
  SessionId: string;
}

/**
 * A downlink frame as the mock gateway sends it: the fields wrapped as `{ Header, Payload }`,
 * the uplink's shape (the real wrapper is undocumented; `decodeDownlinkMessage` reads both).
 * An error message (Type 9) carries `Code` and `Message` in the payload and in the `Header`.
 *
 * @example
 * ```ts
 * import { downlinkFrame } from '@tvs/envelope';
 * socket.send(JSON.stringify(downlinkFrame({ Type: 3, SessionId, ReqId, SpeakStatus: 'TextStart' })));
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

/**
 * The command channel's URL for a gateway base URL: `http(s)` becomes `ws(s)` and the path is
 * {@link COMMAND_CHANNEL_PATH}; sign it with `requestid` set to the SessionId.
 *
 * @throws TypeError when `base` is not an absolute http(s) or ws(s) URL.
 * @example
 * ```ts
 * import { commandChannelUrl } from '@tvs/envelope';
 * commandChannelUrl('https://gw.tvs.qq.com');
 * // => 'wss://gw.tvs.qq.com/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel'
 * ```
 */
export function commandChannelUrl(base: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(base));
  } catch {
    throw new TypeError('commandChannelUrl: base must be an absolute URL');
  }
  const scheme = { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' }[url.protocol];
  if (!scheme) throw new TypeError('commandChannelUrl: base must be an http(s) or ws(s) URL');
  const prefix = url.pathname.replace(/\/+$/, '');
  return `${scheme}//${url.host}${prefix}${COMMAND_CHANNEL_PATH}`;
}
