import type { Config } from './config.js';
import { json, refuse } from './errors.js';

/** The Worker's route that issues command-channel URLs. */
export const COMMAND_CHANNEL_URL_ROUTE = '/command-channel-url';
/** The gateway's WebSocket path for the command channel (PROTOCOL §4). */
export const COMMAND_CHANNEL_PATH =
  '/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel';
/** How far from its `timestamp` the gateway accepts a signature, in seconds (PROTOCOL §2). */
export const SIGNATURE_WINDOW_SECONDS = 300;

/**
 * What a SessionId may look like. The documentation gives no format (`createsession` returns an
 * opaque string; request ids are 32 hex), so this accepts 1–128 letters, digits, `-` and `_`,
 * which covers 32-hex and UUID-style ids and keeps anything that could change the URL out.
 */
export const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** A signed command-channel URL and when the gateway stops accepting it. */
export interface CommandChannelUrl {
  readonly url: string;
  /** ISO 8601: the signature's timestamp plus the gateway's 300 s window. */
  readonly expiresAt: string;
}

/**
 * Signs `wss://<host>/v2/ws/…/commandchannel?appkey=…&requestid=<SessionId>&timestamp=…&signature=…`
 * with the Worker's credentials, `requestid` being the SessionId. Open the socket before
 * `expiresAt`; once open, the connection does not expire with the URL.
 */
export function commandChannelUrl(sessionId: string, config: Config): CommandChannelUrl {
  const url = config.signer.signUrl(`${config.socketOrigin}${COMMAND_CHANNEL_PATH}`, {
    requestid: sessionId,
  });
  const timestamp = Number(new URL(url).searchParams.get('timestamp'));
  const expiresAt = new Date((timestamp + SIGNATURE_WINDOW_SECONDS) * 1000).toISOString();
  return { url, expiresAt };
}

/** `POST /command-channel-url` with `{"SessionId": "…"}` → `{ url, expiresAt }`. */
export function handleCommandChannelUrl(body: Record<string, unknown>, config: Config): Response {
  const sessionId = body['SessionId'];
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
    return refuse(
      'invalid-session-id',
      'Send {"SessionId": "…"}: 1–128 letters, digits, "-" or "_", as createsession returned it.',
    );
  }
  return json(commandChannelUrl(sessionId, config));
}
