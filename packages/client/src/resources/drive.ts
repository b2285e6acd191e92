import type { DriveCommandRequest } from '@tvs/envelope';
import { ApiPromise, type WithResponse } from '../api-promise.js';
import { createPacer, type Pacer, TEXT_PACING_MS } from '../command-channel/pacer.js';
import { sendTextFrame } from '../command-channel/send-text.js';
import { DEFAULTS } from '../internal/defaults.js';
import { checkKnownKeys } from '../internal/known-keys.js';
import { objectOption } from '../internal/validate.js';
import type { BindOperation, OperationCall } from '../operation-call.js';

/**
 * Options of `client.drive.sendText`: the fields of the HTTP drive's `Data` (1240/100404), which
 * has fewer than the channel's `SEND_TEXT` (no `chatRoundId`, no `cloudAiVisitorBizId`), and a
 * signal.
 * @example
 * ```ts
 * await client.drive.sendText(sessionId, 'Read exactly this.', { chatCommand: 'NotUseChat' });
 * ```
 */
export interface DriveTextOptions {
  /**
   * `Interrupt`: on this page a forced interrupt, which overrides the platform's "cannot be
   * interrupted" setting of the text being spoken (default `false`).
   */
  interrupt?: boolean | undefined;
  /** `ChatCommand`: `NotUseChat` speaks the text as it is in projects bound to a customer-service bot. */
  chatCommand?: string | undefined;
  /** `VideoSeiInfo`: JSON text carried in the video stream's SEI while this text is spoken (2D avatars). */
  videoSeiInfo?: string | undefined;
  /** `SmartActionEnabled`: generate gestures for text without action tags (default `false`). */
  smartActionEnabled?: boolean | undefined;
  /** The `ReqId` (32 hex); generated when left out. */
  reqId?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** The names of {@link DriveTextOptions}: anything else (a channel-only field) is refused. */
const DRIVE_TEXT_OPTIONS = [
  'interrupt',
  'chatCommand',
  'videoSeiInfo',
  'smartActionEnabled',
  'reqId',
  'signal',
] as const satisfies readonly (keyof DriveTextOptions)[];

/** The HTTP drive command (`interactdriver/interactdriverservice/command`). */
export interface DriveApi {
  /**
   * The raw command: `{ SessionId, Command: 'SEND_TEXT', Data: { Text, … } }`, `ReqId`
   * generated when left out. Not paced: at most one per second per session is yours to keep.
   * @example
   * ```ts
   * await client.drive.command({ SessionId, Command: 'SEND_TEXT', Data: { Text: 'Hi' } });
   * ```
   */
  command: OperationCall<'drive.command'>;
  /**
   * Makes the avatar of a started session say `text` over HTTP (at most 4000 bytes of UTF-8).
   * Calls for the same session are queued to leave more than a second apart (1.2 s).
   * Not idempotent: a failure after the request may have arrived is a `TvsAmbiguousError`.
   * @throws TypeError/RangeError for a bad session id, empty or oversized text (nothing sent).
   * @example
   * ```ts
   * const { ReqId } = await client.drive.sendText(sessionId, 'Welcome!', { interrupt: true });
   * ```
   */
  sendText(
    sessionId: string,
    text: string,
    options?: DriveTextOptions,
  ): ApiPromise<{ ReqId: string }>;
}

/** @internal */
export function createDriveApi(op: BindOperation): DriveApi {
  const command = op('drive.command');
  const pacers = new Map<string, Pacer>();
  const pacerFor = (sessionId: string) => {
    let pacer = pacers.get(sessionId);
    if (!pacer) {
      pacer = createPacer(TEXT_PACING_MS);
      pacers.set(sessionId, pacer);
      if (pacers.size > DEFAULTS.drivePacers) pacers.delete(pacers.keys().next().value!);
    }
    return pacer;
  };
  const sendText = async (
    sessionId: string,
    text: string,
    options: DriveTextOptions = {},
  ): Promise<WithResponse<{ ReqId: string }>> => {
    objectOption(options, 'drive.sendText');
    // A channel-only field (`chatRoundId`…) must not be dropped in silence, nor sent undocumented.
    checkKnownKeys(options, DRIVE_TEXT_OPTIONS, 'drive.sendText');
    const frame = sendTextFrame(sessionId, text, options);
    const payload = frame.Payload as DriveCommandRequest;
    const sent = await pacerFor(sessionId).run(() => {
      options.signal?.throwIfAborted();
      return command(payload, { signal: options.signal }).withResponse();
    });
    return { ...sent, data: { ReqId: payload.ReqId } };
  };
  return {
    command,
    sendText: (sessionId, text, options) => new ApiPromise(sendText(sessionId, text, options)),
  };
}
