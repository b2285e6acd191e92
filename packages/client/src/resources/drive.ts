import type { DriveCommandRequest } from '@tvs/envelope';
import { ApiPromise, type WithResponse } from '../api-promise.js';
import { createPacer, type Pacer, TEXT_PACING_MS } from '../command-channel/pacer.js';
import { type SendTextOptions, sendTextFrame } from '../command-channel/send-text.js';
import { DEFAULTS } from '../internal/defaults.js';
import { objectOption } from '../internal/validate.js';
import type { BindOperation, OperationCall } from '../operation-call.js';

/**
 * Options of `client.drive.sendText`: the `SEND_TEXT` fields the command channel's `sendText`
 * takes (the HTTP drive sends the same `Data`, 1240/100404), and a signal.
 * @example
 * ```ts
 * await client.drive.sendText(sessionId, 'Read exactly this.', { chatCommand: 'NotUseChat' });
 * ```
 */
export interface DriveTextOptions extends SendTextOptions {
  signal?: AbortSignal | undefined;
}

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
