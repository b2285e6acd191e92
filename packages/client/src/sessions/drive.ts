import { type DriveCommandRequest, textFrame } from '@tvs/envelope';
import { createPacer, type Pacer, TEXT_PACING_MS } from '../command-channel/pacer.js';
import type { OperationCall } from '../operation-call.js';

/** Options of `client.drive.sendText`. */
export interface DriveTextOptions {
  /** Stop what the avatar is saying first. */
  interrupt?: boolean | undefined;
  /** Dialogue control, such as `NotUseChat` to speak the text as is. */
  chatCommand?: string | undefined;
  /** The `ReqId` (32 hex); generated when left out. */
  reqId?: string | undefined;
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
  sendText(sessionId: string, text: string, options?: DriveTextOptions): Promise<{ ReqId: string }>;
}

/** Sessions remembered for pacing. */
const MAX_PACERS = 256;

/** @internal */
export function createDriveApi(command: OperationCall<'drive.command'>): DriveApi {
  const pacers = new Map<string, Pacer>();
  const pacerFor = (sessionId: string) => {
    let pacer = pacers.get(sessionId);
    if (!pacer) {
      pacer = createPacer(TEXT_PACING_MS);
      pacers.set(sessionId, pacer);
      if (pacers.size > MAX_PACERS) pacers.delete(pacers.keys().next().value!);
    }
    return pacer;
  };
  return {
    command,
    async sendText(sessionId, text, options = {}) {
      if (options === null || typeof options !== 'object') {
        throw new TypeError('drive.sendText: options must be an object');
      }
      const frame = textFrame({
        sessionId,
        text,
        ...(options.reqId !== undefined ? { reqId: options.reqId } : {}),
        ...(options.interrupt !== undefined ? { interrupt: options.interrupt } : {}),
        ...(options.chatCommand !== undefined ? { chatCommand: options.chatCommand } : {}),
      });
      const payload = frame.Payload as DriveCommandRequest;
      await pacerFor(sessionId).run(() => {
        options.signal?.throwIfAborted();
        return command(payload, { signal: options.signal });
      });
      return { ReqId: payload.ReqId };
    },
  };
}
