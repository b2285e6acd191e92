import { DOWNLINK_TYPE } from '../codes/downlink-type.js';
import type { DownlinkMessage } from './downlink.js';

/**
 * The command channel's URL path, on the gateway's WebSocket host (1240/100396).
 *
 * @example
 * ```ts
 * import { COMMAND_CHANNEL_PATH } from '@tvs/envelope';
 * const url = `wss://gw.tvs.qq.com${COMMAND_CHANNEL_PATH}`; // then sign it, requestid = the SessionId
 * ```
 */
export const COMMAND_CHANNEL_PATH =
  '/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel';

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

/**
 * The statuses that end a drive (a text or audio sequence): nothing more comes for its `ReqId`.
 *
 * @example
 * ```ts
 * import { FINAL_SPEAK_STATUSES } from '@tvs/envelope';
 * FINAL_SPEAK_STATUSES.includes('TextOver'); // true
 * ```
 */
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
    message.Type === DOWNLINK_TYPE.DRIVE_FAILED ||
    (typeof message.SpeakStatus === 'string' &&
      (FINAL_SPEAK_STATUSES as readonly string[]).includes(message.SpeakStatus))
  );
}

/**
 * WebSocket close codes of the command channel. The gateway documents none; these are the
 * SDK's and its mock gateway's: `IDLE` (no frame for 3 minutes; reconnect while the session is
 * open), `SESSION_ENDED` (the session was closed, taken over, idled out or failed; do not
 * reconnect), `REPLACED` (a newer connection for the same session took over; do not reconnect).
 *
 * @example
 * ```ts
 * import { CHANNEL_CLOSE_CODES } from '@tvs/envelope';
 * socket.addEventListener('close', ({ code }) => {
 *   if (code === CHANNEL_CLOSE_CODES.IDLE) reconnect(); // the others mean: do not come back
 * });
 * ```
 */
export const CHANNEL_CLOSE_CODES = {
  IDLE: 4000,
  SESSION_ENDED: 4001,
  REPLACED: 4002,
} as const;

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
